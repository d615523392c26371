package dev.fireworks4j.inference.chat;

import dev.fireworks4j.core.RequestOptions;
import dev.fireworks4j.core.internal.ApiInvoker;
import dev.fireworks4j.inference.RawResponse;
import dev.fireworks4j.inference.internal.InferenceCall;
import dev.fireworks4j.inference.stream.AsyncStreamResponse;
import java.util.concurrent.CompletableFuture;

/**
 * Chat completions, non-blocking: {@code POST /chat/completions}. Futures fail with the same typed
 * exceptions the blocking client throws.
 */
public final class ChatCompletionsAsyncClient {
  private final InferenceCall<ChatCompletionParams, ChatCompletion, ChatCompletionChunk> call;

  /** The client on {@code invoker}'s transport and options. */
  public ChatCompletionsAsyncClient(ApiInvoker invoker) {
    this(ChatCompletionsClient.call(invoker));
  }

  ChatCompletionsAsyncClient(InferenceCall<ChatCompletionParams, ChatCompletion, ChatCompletionChunk> call) {
    this.call = call;
  }

  /** Generates a completion. */
  public CompletableFuture<ChatCompletion> create(ChatCompletionParams params) {
    return create(params, RequestOptions.none());
  }

  /** Generates a completion, with per-call timeouts, retries or extra headers. */
  public CompletableFuture<ChatCompletion> create(ChatCompletionParams params, RequestOptions options) {
    return call.createAsync(params, options).thenApply(RawResponse::value);
  }

  /** Streams a completion: subscribe a handler to the result, or close it. */
  public AsyncStreamResponse<ChatCompletionChunk> stream(ChatCompletionParams params) {
    return stream(params, RequestOptions.none());
  }

  /** Streams a completion, with per-call timeouts, retries or extra headers. */
  public AsyncStreamResponse<ChatCompletionChunk> stream(ChatCompletionParams params, RequestOptions options) {
    return call.streamAsync(params, options);
  }

  /** The same calls, returning the response metadata with the body. */
  public WithRawResponse withRawResponse() {
    return new WithRawResponse(call);
  }

  /** The blocking twin of this client. */
  public ChatCompletionsClient sync() {
    return new ChatCompletionsClient(call);
  }

  /** Non-blocking chat completions that return the response metadata with the body. */
  public static final class WithRawResponse {
    private final InferenceCall<ChatCompletionParams, ChatCompletion, ChatCompletionChunk> call;

    WithRawResponse(InferenceCall<ChatCompletionParams, ChatCompletion, ChatCompletionChunk> call) {
      this.call = call;
    }

    /** Generates a completion. */
    public CompletableFuture<RawResponse<ChatCompletion>> create(ChatCompletionParams params) {
      return create(params, RequestOptions.none());
    }

    /** Generates a completion, with per-call options. */
    public CompletableFuture<RawResponse<ChatCompletion>> create(ChatCompletionParams params, RequestOptions options) {
      return call.createAsync(params, options);
    }
  }
}
