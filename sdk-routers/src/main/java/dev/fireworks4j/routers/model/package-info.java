/**
 * Control-plane value types: {@link dev.fireworks4j.routers.model.Router},
 * {@link dev.fireworks4j.routers.model.Deployment} and their parts, the open enums they use, and the
 * parameter types of the create, update, list and delete calls.
 *
 * <p>Values read from the server keep the fields this SDK version does not know in
 * {@code additionalProperties()} and write them back; enums are open, so a new region or accelerator
 * parses instead of failing. Parameter types are separate from the values: a create or update body is
 * built only from the fields the caller set, so read-only fields are never sent.
 */
@Value.Style(
    // no withX()/copyOf(): the implementations are package-private, so no caller could reach them
    defaults = @Value.Immutable(copy = false),
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    // no InitShim: every @Value.Default and @Value.Derived here returns a constant, never another attribute
    unsafeDefaultAndDerived = true,
    // no @Generated on generated classes: users compile against our jars without the Immutables annotations
    allowedClasspathAnnotations = {Override.class},
    redactedMask = "<redacted>")
package dev.fireworks4j.routers.model;

import org.immutables.value.Value;
