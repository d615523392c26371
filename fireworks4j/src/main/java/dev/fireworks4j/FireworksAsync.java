package dev.fireworks4j;

import dev.fireworks4j.core.internal.ApiInvoker;
import dev.fireworks4j.inference.chat.ChatAsyncClient;
import dev.fireworks4j.inference.completions.CompletionsAsyncClient;
import dev.fireworks4j.routers.DeploymentsAsyncClient;
import dev.fireworks4j.routers.RoutersAsyncClient;

/**
 * The non-blocking view of a {@link Fireworks} client, on the same transport: every call returns a
 * {@code CompletableFuture}, streams deliver to a handler. Obtain it with {@link Fireworks#async()}.
 */
public final class FireworksAsync {
  private final Fireworks sync;
  private final RoutersAsyncClient routers;
  private final DeploymentsAsyncClient deployments;
  private final ChatAsyncClient chat;
  private final CompletionsAsyncClient completions;

  FireworksAsync(Fireworks sync, ApiInvoker invoker) {
    this.sync = sync;
    this.routers = sync.routers().async();
    this.deployments = sync.deployments().async();
    this.chat = new ChatAsyncClient(invoker);
    this.completions = sync.completions().async();
  }

  /** Routers. */
  public RoutersAsyncClient routers() {
    return routers;
  }

  /** Deployments. */
  public DeploymentsAsyncClient deployments() {
    return deployments;
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
  public Fireworks sync() {
    return sync;
  }
}
