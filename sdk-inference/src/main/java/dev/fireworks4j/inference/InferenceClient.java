package dev.fireworks4j.inference;

import dev.fireworks4j.core.BaseClient;
import dev.fireworks4j.core.ClientBuilder;
import dev.fireworks4j.core.ClientOptions;
import dev.fireworks4j.core.internal.ApiInvoker;
import dev.fireworks4j.inference.chat.ChatClient;
import dev.fireworks4j.inference.completions.CompletionsClient;
import java.util.Objects;

/**
 * The inference client: chat completions and completions on the OpenAI-compatible inference API, aimed at a
 * model, a deployment or a router alias, without the control plane. Thread-safe; build one per application and
 * {@link #close()} it at the end. The {@code fireworks4j} artifact's {@code Fireworks} client adds routers and
 * deployments on the same transport.
 *
 * <pre>{@code
 * try (InferenceClient client = InferenceClient.fromEnv()) {   // FIREWORKS_API_KEY, FIREWORKS_ACCOUNT_ID
 *   ChatCompletion completion = client.chat().completions().create(ChatCompletionParams.builder()
 *       .model(RouterName.of(client.accountId(), "my-router"))
 *       .addUserMessage("Hello")
 *       .build());
 * }
 * }</pre>
 */
public final class InferenceClient extends BaseClient<InferenceClient> {
  private final ChatClient chat;
  private final CompletionsClient completions;
  private InferenceAsyncClient async;

  private InferenceClient(ApiInvoker invoker) {
    super(invoker);
    this.chat = new ChatClient(invoker);
    this.completions = new CompletionsClient(invoker);
  }

  /** A client configured from the {@code FIREWORKS_*} environment variables. */
  public static InferenceClient fromEnv() {
    return create(ClientOptions.fromEnv());
  }

  /** A client with these options. */
  public static InferenceClient create(ClientOptions options) {
    return new InferenceClient(ApiInvoker.create(Objects.requireNonNull(options, "options")));
  }

  /** A builder, starting from the defaults (not from the environment: call {@link Builder#fromEnv()} for that). */
  public static Builder builder() {
    return new Builder();
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
  public InferenceAsyncClient async() {
    InferenceAsyncClient view = async;
    if (view == null) {
      view = new InferenceAsyncClient(this, invoker()); // immutable: a racing thread at worst builds an equal one
      async = view;
    }
    return view;
  }

  @Override
  protected InferenceClient withInvoker(ApiInvoker invoker) {
    return new InferenceClient(invoker);
  }

  /** Builds an {@link InferenceClient}; the common settings have methods here, the rest {@code options(...)}. */
  public static final class Builder extends ClientBuilder<Builder, InferenceClient> {
    private Builder() {}

    @Override
    protected InferenceClient build(ClientOptions options) {
      return create(options);
    }
  }
}
