package dev.fireworks4j.inference;

import dev.fireworks4j.core.internal.ApiInvoker;
import dev.fireworks4j.inference.chat.ChatAsyncClient;
import dev.fireworks4j.inference.completions.CompletionsAsyncClient;

/**
 * The non-blocking view of an {@link InferenceClient}, on the same transport: every call returns a
 * {@code CompletableFuture}, streams deliver to a handler. Obtain it with {@link InferenceClient#async()}.
 */
public final class InferenceAsyncClient {
  private final InferenceClient sync;
  private final ChatAsyncClient chat;
  private final CompletionsAsyncClient completions;

  InferenceAsyncClient(InferenceClient sync, ApiInvoker invoker) {
    this.sync = sync;
    this.chat = new ChatAsyncClient(invoker);
    this.completions = sync.completions().async();
  }

  /** Chat completions, at {@code chat().completions()}. */
  public ChatAsyncClient chat() {
    return chat;
  }

  /** Text completions. */
  public CompletionsAsyncClient completions() {
    return completions;
  }

  /** The blocking client this view belongs to. */
  public InferenceClient sync() {
    return sync;
  }
}
