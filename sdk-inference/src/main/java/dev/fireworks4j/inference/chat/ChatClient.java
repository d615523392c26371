package dev.fireworks4j.inference.chat;

import dev.fireworks4j.core.internal.ApiInvoker;

/** The chat resources, blocking: {@link #completions()}. */
public final class ChatClient {
  private final ChatCompletionsClient completions;

  /** The client on {@code invoker}'s transport and options. */
  public ChatClient(ApiInvoker invoker) {
    this.completions = new ChatCompletionsClient(invoker);
  }

  /** Chat completions. */
  public ChatCompletionsClient completions() {
    return completions;
  }
}
