package dev.fireworks4j.inference.chat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The package's Immutables style for the request types, which are only ever written: no Json delegate class
 * nor {@code @JsonCreator}. Source retention, so that the compiled types carry no Immutables annotation with
 * values, which javac would warn about for users compiling without the Immutables jar.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
@Value.Style(
    defaults = @Value.Immutable(copy = false),
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    unsafeDefaultAndDerived = true,
    jacksonIntegration = false,
    allowedClasspathAnnotations = {Override.class},
    depluralize = true,
    depluralizeDictionary = "bias:bias")
@interface RequestStyle {}
