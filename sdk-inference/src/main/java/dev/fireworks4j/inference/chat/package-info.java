/**
 * Chat completions ({@code POST /chat/completions}): {@link dev.fireworks4j.inference.chat.ChatCompletionParams}
 * with its messages, content parts and tools; the {@link dev.fireworks4j.inference.chat.ChatCompletion}
 * response; the {@link dev.fireworks4j.inference.chat.ChatCompletionChunk}s of a stream and the
 * {@link dev.fireworks4j.inference.chat.ChatCompletionAccumulator} that joins them; the sync and async clients.
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
    depluralize = true,
    depluralizeDictionary = "bias:bias")
package dev.fireworks4j.inference.chat;

import org.immutables.value.Value;
