/**
 * The OpenAI-compatible inference API ({@code /chat/completions}, {@code /completions}): its client,
 * {@link dev.fireworks4j.inference.InferenceClient} (blocking) and
 * {@link dev.fireworks4j.inference.InferenceAsyncClient} (non-blocking), and what chat and text completions share.
 *
 * <p>{@link dev.fireworks4j.inference.GenerationParams} holds the request fields both endpoints accept,
 * including the Fireworks extensions; {@link dev.fireworks4j.inference.ResponseMetadata} reads the
 * response headers (request id, serving deployment, server timings, rate limits);
 * {@link dev.fireworks4j.inference.Usage}, {@link dev.fireworks4j.inference.PerfMetrics} and
 * {@link dev.fireworks4j.inference.LogProbs} are parts of both responses. Inference JSON is snake_case.
 * Response types keep the fields this SDK version does not know ({@link dev.fireworks4j.inference.ApiObject}).
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
package dev.fireworks4j.inference;

import org.immutables.value.Value;
