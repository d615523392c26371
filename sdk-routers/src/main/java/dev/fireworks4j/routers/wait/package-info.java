/**
 * Waiting for a resource to reach a state: {@link dev.fireworks4j.routers.wait.Waiter} polls with
 * backoff until a condition holds, a terminal state is seen, or a timeout passes, in a blocking or a
 * cancellable asynchronous form; {@link dev.fireworks4j.routers.wait.WaitOptions} holds the timing.
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
package dev.fireworks4j.routers.wait;

import org.immutables.value.Value;
