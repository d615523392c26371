package dev.fireworks4j.inference.chat;

import dev.fireworks4j.core.RequestOptions;
import dev.fireworks4j.core.internal.ApiInvoker;
import dev.fireworks4j.inference.RawResponse;
import dev.fireworks4j.inference.internal.InferenceCall;
import dev.fireworks4j.inference.stream.StreamResponse;

/**
 * Chat completions, blocking: {@code POST /chat/completions} at the client's inference endpoint. Errors
 * are thrown as the SDK's typed exceptions ({@code ApiException} subclasses by status, connection and
 * timeout exceptions); retries follow the client's policy and never happen once a stream has begun.
 */
public final class ChatCompletionsClient {
  private final InferenceCall<ChatCompletionParams, ChatCompletion, ChatCompletionChunk> call;

  /** The client on {@code invoker}'s transport and options. */
  public ChatCompletionsClient(ApiInvoker invoker) {
    this(call(invoker));
  }

  ChatCompletionsClient(InferenceCall<ChatCompletionParams, ChatCompletion, ChatCompletionChunk> call) {
    this.call = call;
  }

  static InferenceCall<ChatCompletionParams, ChatCompletion, ChatCompletionChunk> call(ApiInvoker invoker) {
    return new InferenceCall<>(invoker, "/chat/completions", ChatCompletion.class, CompletionReader::read,
        () -> new ChunkReader(invoker.mapper()));
  }

  /** Generates a completion. */
  public ChatCompletion create(ChatCompletionParams params) {
    return create(params, RequestOptions.none());
  }

  /** Generates a completion, with per-call timeouts, retries or extra headers. */
  public ChatCompletion create(ChatCompletionParams params, RequestOptions options) {
    return call.create(params, options).value();
  }

  /** Streams a completion as it is generated; close the result when done with it. */
  public StreamResponse<ChatCompletionChunk> stream(ChatCompletionParams params) {
    return stream(params, RequestOptions.none());
  }

  /** Streams a completion, with per-call timeouts, retries or extra headers. */
  public StreamResponse<ChatCompletionChunk> stream(ChatCompletionParams params, RequestOptions options) {
    return call.stream(params, options);
  }

  /** The same calls, returning the response metadata (request id, serving deployment, timings) with the body. */
  public WithRawResponse withRawResponse() {
    return new WithRawResponse(call);
  }

  /** The non-blocking twin of this client. */
  public ChatCompletionsAsyncClient async() {
    return new ChatCompletionsAsyncClient(call);
  }

  /** Chat completions that return the response metadata with the body. */
  public static final class WithRawResponse {
    private final InferenceCall<ChatCompletionParams, ChatCompletion, ChatCompletionChunk> call;

    WithRawResponse(InferenceCall<ChatCompletionParams, ChatCompletion, ChatCompletionChunk> call) {
      this.call = call;
    }

    /** Generates a completion. */
    public RawResponse<ChatCompletion> create(ChatCompletionParams params) {
      return create(params, RequestOptions.none());
    }

    /** Generates a completion, with per-call options. */
    public RawResponse<ChatCompletion> create(ChatCompletionParams params, RequestOptions options) {
      return call.create(params, options);
    }
  }
}
