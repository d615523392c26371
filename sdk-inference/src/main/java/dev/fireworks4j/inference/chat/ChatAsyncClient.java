package dev.fireworks4j.inference.chat;

import dev.fireworks4j.core.internal.ApiInvoker;

/** The chat resources, non-blocking: {@link #completions()}. */
public final class ChatAsyncClient {
  private final ChatCompletionsAsyncClient completions;

  /** The client on {@code invoker}'s transport and options. */
  public ChatAsyncClient(ApiInvoker invoker) {
    this.completions = new ChatCompletionsAsyncClient(invoker);
  }

  /** Chat completions. */
  public ChatCompletionsAsyncClient completions() {
    return completions;
  }
}
