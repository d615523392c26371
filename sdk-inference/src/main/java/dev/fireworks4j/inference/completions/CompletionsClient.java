package dev.fireworks4j.inference.completions;

import dev.fireworks4j.core.RequestOptions;
import dev.fireworks4j.core.internal.ApiInvoker;
import dev.fireworks4j.inference.RawResponse;
import dev.fireworks4j.inference.internal.InferenceCall;
import dev.fireworks4j.inference.stream.StreamResponse;

/**
 * Text completions, blocking: {@code POST /completions} at the client's inference endpoint. Errors are
 * thrown as the SDK's typed exceptions; retries follow the client's policy and never happen once a stream
 * has begun.
 */
public final class CompletionsClient {
  private final InferenceCall<CompletionParams, Completion, Completion> call;

  /** The client on {@code invoker}'s transport and options. */
  public CompletionsClient(ApiInvoker invoker) {
    this(call(invoker));
  }

  CompletionsClient(InferenceCall<CompletionParams, Completion, Completion> call) {
    this.call = call;
  }

  static InferenceCall<CompletionParams, Completion, Completion> call(ApiInvoker invoker) {
    return new InferenceCall<>(invoker, "/completions", Completion.class, Completion.class);
  }

  /** Generates a completion. */
  public Completion create(CompletionParams params) {
    return create(params, RequestOptions.none());
  }

  /** Generates a completion, with per-call timeouts, retries or extra headers. */
  public Completion create(CompletionParams params, RequestOptions options) {
    return call.create(params, options).value();
  }

  /** Streams a completion as it is generated; close the result when done with it. */
  public StreamResponse<Completion> stream(CompletionParams params) {
    return stream(params, RequestOptions.none());
  }

  /** Streams a completion, with per-call timeouts, retries or extra headers. */
  public StreamResponse<Completion> stream(CompletionParams params, RequestOptions options) {
    return call.stream(params, options);
  }

  /** The same calls, returning the response metadata (request id, serving deployment, timings) with the body. */
  public WithRawResponse withRawResponse() {
    return new WithRawResponse(call);
  }

  /** The non-blocking twin of this client. */
  public CompletionsAsyncClient async() {
    return new CompletionsAsyncClient(call);
  }

  /** Text completions that return the response metadata with the body. */
  public static final class WithRawResponse {
    private final InferenceCall<CompletionParams, Completion, Completion> call;

    WithRawResponse(InferenceCall<CompletionParams, Completion, Completion> call) {
      this.call = call;
    }

    /** Generates a completion. */
    public RawResponse<Completion> create(CompletionParams params) {
      return create(params, RequestOptions.none());
    }

    /** Generates a completion, with per-call options. */
    public RawResponse<Completion> create(CompletionParams params, RequestOptions options) {
      return call.create(params, options);
    }
  }
}
