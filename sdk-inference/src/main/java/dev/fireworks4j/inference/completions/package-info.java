/**
 * Text completions ({@code POST /completions}): {@link dev.fireworks4j.inference.completions.CompletionParams}
 * with a text or token prompt, the {@link dev.fireworks4j.inference.completions.Completion} response
 * (also the type of each streamed chunk), and the sync and async clients.
 */
@Value.Style(
    // no withX()/copyOf(): the implementations are package-private, so no caller could reach them
    defaults = @Value.Immutable(copy = false),
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    // no InitShim: every @Value.Default and @Value.Derived here returns a constant, never another attribute
    unsafeDefaultAndDerived = true,
    // no Json delegate class nor @JsonCreator: the request types here are only ever written, never read
    jacksonIntegration = false,
    // no @Generated on generated classes: users compile against our jars without the Immutables annotations
    allowedClasspathAnnotations = {Override.class},
    depluralize = true,
    depluralizeDictionary = "bias:bias")
package dev.fireworks4j.inference.completions;

import org.immutables.value.Value;
