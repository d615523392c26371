package dev.fireworks4j.inference.completions;

import dev.fireworks4j.core.RequestOptions;
import dev.fireworks4j.core.internal.ApiInvoker;
import dev.fireworks4j.inference.RawResponse;
import dev.fireworks4j.inference.internal.InferenceCall;
import dev.fireworks4j.inference.stream.AsyncStreamResponse;
import java.util.concurrent.CompletableFuture;

/**
 * Text completions, non-blocking: {@code POST /completions}. Futures fail with the same typed exceptions
 * the blocking client throws.
 */
public final class CompletionsAsyncClient {
  private final InferenceCall<CompletionParams, Completion, Completion> call;

  /** The client on {@code invoker}'s transport and options. */
  public CompletionsAsyncClient(ApiInvoker invoker) {
    this(CompletionsClient.call(invoker));
  }

  CompletionsAsyncClient(InferenceCall<CompletionParams, Completion, Completion> call) {
    this.call = call;
  }

  /** Generates a completion. */
  public CompletableFuture<Completion> create(CompletionParams params) {
    return create(params, RequestOptions.none());
  }

  /** Generates a completion, with per-call timeouts, retries or extra headers. */
  public CompletableFuture<Completion> create(CompletionParams params, RequestOptions options) {
    return call.createAsync(params, options).thenApply(RawResponse::value);
  }

  /** Streams a completion: subscribe a handler to the result, or close it. */
  public AsyncStreamResponse<Completion> stream(CompletionParams params) {
    return stream(params, RequestOptions.none());
  }

  /** Streams a completion, with per-call timeouts, retries or extra headers. */
  public AsyncStreamResponse<Completion> stream(CompletionParams params, RequestOptions options) {
    return call.streamAsync(params, options);
  }

  /** The same calls, returning the response metadata with the body. */
  public WithRawResponse withRawResponse() {
    return new WithRawResponse(call);
  }

  /** The blocking twin of this client. */
  public CompletionsClient sync() {
    return new CompletionsClient(call);
  }

  /** Non-blocking text completions that return the response metadata with the body. */
  public static final class WithRawResponse {
    private final InferenceCall<CompletionParams, Completion, Completion> call;

    WithRawResponse(InferenceCall<CompletionParams, Completion, Completion> call) {
      this.call = call;
    }

    /** Generates a completion. */
    public CompletableFuture<RawResponse<Completion>> create(CompletionParams params) {
      return create(params, RequestOptions.none());
    }

    /** Generates a completion, with per-call options. */
    public CompletableFuture<RawResponse<Completion>> create(CompletionParams params, RequestOptions options) {
      return call.createAsync(params, options);
    }
  }
}
