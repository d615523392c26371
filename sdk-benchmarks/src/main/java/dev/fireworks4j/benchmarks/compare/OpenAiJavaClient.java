package dev.fireworks4j.benchmarks.compare;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

/** The official openai-java client with its base URL set to the same server. */
final class OpenAiJavaClient implements ClientUnderTest {
  private final OpenAIClient client;
  private final ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
      .model("accounts/acct/routers/r").addUserMessage("Hello").build();
  private long firstChunk;

  OpenAiJavaClient(String baseUrl) {
    this.client = OpenAIOkHttpClient.builder().apiKey("bench-key").baseUrl(baseUrl + "/v1").build();
  }

  @Override
  public String name() {
    return "openai-java";
  }

  @Override
  public void complete() {
    ChatCompletion completion = client.chat().completions().create(params);
    String content = completion.choices().get(0).message().content().orElseThrow();
    if (!content.equals("Hello! How can I help you today?")) {
      throw new IllegalStateException("unexpected content " + content);
    }
  }

  @Override
  public int stream() {
    int chunks = 0;
    boolean first = true;
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
      for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) stream.stream()::iterator) {
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
    client.close();
  }
}
