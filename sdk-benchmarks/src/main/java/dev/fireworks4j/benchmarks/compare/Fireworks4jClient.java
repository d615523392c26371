package dev.fireworks4j.benchmarks.compare;

import dev.fireworks4j.core.endpoint.Endpoints;
import dev.fireworks4j.inference.InferenceClient;
import dev.fireworks4j.inference.chat.ChatCompletion;
import dev.fireworks4j.inference.chat.ChatCompletionChunk;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.inference.stream.StreamResponse;
import java.net.URI;

/** fireworks4j's chat completions through {@code sdk-inference}'s client, as an application would call them. */
final class Fireworks4jClient implements ClientUnderTest {
  private final InferenceClient fireworks;
  private final ChatCompletionParams params = ChatCompletionParams.builder()
      .model("accounts/acct/routers/r").addUserMessage("Hello").build();
  private long firstChunk;

  Fireworks4jClient(String baseUrl) {
    this.fireworks = InferenceClient.builder().apiKey("bench-key").endpoints(Endpoints.custom(URI.create(baseUrl))).build();
  }

  @Override
  public String name() {
    return "fireworks4j";
  }

  @Override
  public void complete() {
    ChatCompletion completion = fireworks.chat().completions().create(params);
    String content = completion.choices().get(0).message().content().flatMap(c -> c.text()).orElseThrow();
    if (!content.equals("Hello! How can I help you today?")) {
      throw new IllegalStateException("unexpected content " + content);
    }
  }

  @Override
  public int stream() {
    int chunks = 0;
    boolean first = true;
    try (StreamResponse<ChatCompletionChunk> stream = fireworks.chat().completions().stream(params)) {
      for (ChatCompletionChunk chunk : stream) {
        if (first) {
          firstChunk = System.nanoTime();
          first = false;
        }
        if (!chunk.choices().isEmpty() && chunk.choices().get(0).delta().content().filter(c -> !c.isEmpty()).isPresent()) {
          chunks++;
        }
      }
    }
    return chunks;
  }

  @Override
  public long firstChunkNanos() {
    return firstChunk;
  }

  @Override
  public void close() {
    fireworks.close();
  }
}
