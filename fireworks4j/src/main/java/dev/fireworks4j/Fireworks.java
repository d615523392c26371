package dev.fireworks4j;

import dev.fireworks4j.core.BaseClient;
import dev.fireworks4j.core.ClientBuilder;
import dev.fireworks4j.core.ClientOptions;
import dev.fireworks4j.core.internal.ApiInvoker;
import dev.fireworks4j.inference.chat.ChatClient;
import dev.fireworks4j.inference.completions.CompletionsClient;
import dev.fireworks4j.routers.DeploymentsClient;
import dev.fireworks4j.routers.RoutersClient;
import java.util.Objects;

/**
 * The Fireworks client: routers and deployments on the control plane, chat completions and completions on
 * the inference API, over one transport (opened on first use). An application that only sends inference
 * can depend on {@code sdk-inference} alone and use {@link dev.fireworks4j.inference.InferenceClient}.
 * Thread-safe; build one per application and {@link #close()} it at the end.
 *
 * <pre>{@code
 * try (Fireworks fw = Fireworks.fromEnv()) {   // FIREWORKS_API_KEY, FIREWORKS_ACCOUNT_ID, FIREWORKS_BASE_URL
 *   ChatCompletion completion = fw.chat().completions().create(ChatCompletionParams.builder()
 *       .model(RouterName.of(fw.accountId(), "my-router"))
 *       .addUserMessage("Hello")
 *       .build());
 * }
 * }</pre>
 */
public final class Fireworks extends BaseClient<Fireworks> {
  private final RoutersClient routers;
  private final DeploymentsClient deployments;
  private final ChatClient chat;
  private final CompletionsClient completions;
  private FireworksAsync async;

  private Fireworks(ApiInvoker invoker) {
    super(invoker);
    this.routers = new RoutersClient(invoker);
    this.deployments = new DeploymentsClient(invoker);
    this.chat = new ChatClient(invoker);
    this.completions = new CompletionsClient(invoker);
  }

  /** A client configured from the {@code FIREWORKS_*} environment variables. */
  public static Fireworks fromEnv() {
    return create(ClientOptions.fromEnv());
  }

  /** A client with these options. */
  public static Fireworks create(ClientOptions options) {
    return new Fireworks(ApiInvoker.create(Objects.requireNonNull(options, "options")));
  }

  /** A builder, starting from the defaults (not from the environment: call {@link Builder#fromEnv()} for that). */
  public static Builder builder() {
    return new Builder();
  }

  /** Routers: create, list, get, update, delete, wait until ready. */
  public RoutersClient routers() {
    return routers;
  }

  /** Deployments: create, list, get, update, scale, delete, undelete, wait. */
  public DeploymentsClient deployments() {
    return deployments;
  }

  /** Chat completions, at {@code chat().completions()}. */
  public ChatClient chat() {
    return chat;
  }

  /** Text completions. */
  public CompletionsClient completions() {
    return completions;
  }

  /** The non-blocking twin of this client, on the same transport. */
  public FireworksAsync async() {
    FireworksAsync view = async;
    if (view == null) {
      view = new FireworksAsync(this, invoker()); // immutable: a racing thread at worst builds an equal one
      async = view;
    }
    return view;
  }

  @Override
  protected Fireworks withInvoker(ApiInvoker invoker) {
    return new Fireworks(invoker);
  }

  /** Builds a {@link Fireworks} client; the common settings have methods here, the rest {@code options(...)}. */
  public static final class Builder extends ClientBuilder<Builder, Fireworks> {
    private Builder() {}

    @Override
    protected Fireworks build(ClientOptions options) {
      return create(options);
    }
  }
}
