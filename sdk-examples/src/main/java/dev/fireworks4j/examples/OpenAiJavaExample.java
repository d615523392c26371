package dev.fireworks4j.examples;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.fireworks4j.Fireworks;
import dev.fireworks4j.core.endpoint.Plane;
import dev.fireworks4j.core.name.RouterName;

/**
 * The official openai-java client pointed at a Fireworks router alias: the inference base URL
 * ({@code https://api.fireworks.ai/inference/v1}), the Fireworks API key, and the router's name as the model.
 * Code already written against openai-java keeps working; only those three values change.
 *
 * <p>Run: {@code OpenAiJavaExample [router-id]}.
 */
public final class OpenAiJavaExample {
  private OpenAiJavaExample() {}

  /** Runs the example on the platform or, without {@code FIREWORKS_API_KEY}, on the emulator. */
  public static void main(String[] args) {
    try (ExampleEnvironment env = ExampleEnvironment.fromEnvOrEmulator(
        emulator -> emulator.deployment("model-a", 1).router("my-router", "model-a"))) {
      Fireworks fw = env.fireworks();
      RouterName router = RouterName.of(fw.accountId(), args.length == 1 ? args[0] : "my-router");
      String baseUrl = fw.options().endpoints().resolve(Plane.INFERENCE, router.toString()).baseUri().toString();
      System.out.println(ask(baseUrl, fw.options().requireApiKey().reveal(), router.toString()));
    }
  }

  /** Asks {@code model} (a router alias) a question with openai-java and returns the answer. */
  public static String ask(String inferenceBaseUrl, String fireworksApiKey, String model) {
    OpenAIClient openAi = OpenAIOkHttpClient.builder()
        .baseUrl(inferenceBaseUrl)           // https://api.fireworks.ai/inference/v1
        .apiKey(fireworksApiKey)
        .build();
    try {
      ChatCompletion completion = openAi.chat().completions().create(ChatCompletionCreateParams.builder()
          .model(model)                      // accounts/<account>/routers/<router>
          .addUserMessage("Hello through a router alias")
          .maxCompletionTokens(16)
          .build());
      return completion.choices().get(0).message().content().orElse("");
    } finally {
      openAi.close();
    }
  }
}
