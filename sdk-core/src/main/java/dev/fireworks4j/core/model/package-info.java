/**
 * What the control-plane resources share: the {@link dev.fireworks4j.core.model.State} of a resource, the
 * detailed {@link dev.fireworks4j.core.model.Status} of its last operation and its
 * {@link dev.fireworks4j.core.model.StatusCode}.
 */
@Value.Style(
    // no withX()/copyOf(): the implementations are package-private, so no caller could reach them
    defaults = @Value.Immutable(copy = false),
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    // no InitShim: every @Value.Default and @Value.Derived here returns a constant, never another attribute
    unsafeDefaultAndDerived = true,
    // no @Generated on generated classes: users compile against our jars without the Immutables annotations
    allowedClasspathAnnotations = {Override.class})
package dev.fireworks4j.core.model;

import org.immutables.value.Value;
