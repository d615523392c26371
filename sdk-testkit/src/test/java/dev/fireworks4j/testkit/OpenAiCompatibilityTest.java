package dev.fireworks4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.fireworks4j.testkit.junit.EmulatedFireworks;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official openai-java client talks to the emulator's gateway: a router alias works as an OpenAI model. */
@EmulatedFireworks(config = "gateway.json")
class OpenAiCompatibilityTest {
  private static final String ROUTER = "accounts/emulator/routers/ab";

  private final FireworksEmulator emulator;
  private OpenAIClient openAi;

  OpenAiCompatibilityTest(FireworksEmulator emulator) {
    this.emulator = emulator;
  }

  @BeforeEach
  void client() {
    openAi = OpenAIOkHttpClient.builder().apiKey(emulator.apiKey()).baseUrl(emulator.inferenceUri().toString())
        .maxRetries(0).build();
  }

  @AfterEach
  void close() {
    openAi.close();
  }

  private static ChatCompletionCreateParams params() {
    return ChatCompletionCreateParams.builder().model(ROUTER).addUserMessage("Hello from openai-java")
        .maxCompletionTokens(6).build();
  }

  @Test
  void chatCompletion() {
    ChatCompletion completion = openAi.chat().completions().create(params());

    assertThat(completion.model()).isEqualTo(ROUTER);
    assertThat(completion.choices()).hasSize(1);
    ChatCompletion.Choice choice = completion.choices().get(0);
    assertThat(choice.message().content()).hasValueSatisfying(text -> assertThat(text.split(" ")).hasSize(6));
    assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.LENGTH);
    assertThat(completion.usage()).hasValueSatisfying(u -> assertThat(u.completionTokens()).isEqualTo(6));
  }

  @Test
  void chatCompletionStream() {
    String expected = openAi.chat().completions().create(params()).choices().get(0).message().content().orElseThrow();

    List<ChatCompletionChunk> chunks;
    try (StreamResponse<ChatCompletionChunk> stream = openAi.chat().completions().createStreaming(params())) {
      chunks = stream.stream().collect(Collectors.toList());
    }

    String streamed = chunks.stream().flatMap(c -> c.choices().stream())
        .map(c -> c.delta().content().orElse("")).collect(Collectors.joining());
    assertThat(streamed).as("the same request streams the same text").isEqualTo(expected);
    ChatCompletionChunk last = chunks.get(chunks.size() - 1);
    assertThat(last.choices().get(0).finishReason()).hasValue(ChatCompletionChunk.Choice.FinishReason.LENGTH);
    assertThat(last.usage()).hasValueSatisfying(u -> assertThat(u.totalTokens())
        .isEqualTo(u.promptTokens() + 6));
  }
}
