package dev.fireworks4j.benchmarks.compare;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The baseline: {@code java.net.http} with a hand-written body, reading bytes and counting SSE events only. */
final class RawJdkClient implements ClientUnderTest {
  private static final byte[] BODY = ("{\"model\":\"accounts/acct/routers/r\",\"messages\":[{\"role\":\"user\","
      + "\"content\":\"Hello\"}]}").getBytes(StandardCharsets.UTF_8);
  private static final byte[] STREAM_BODY = ("{\"model\":\"accounts/acct/routers/r\",\"messages\":[{\"role\":\"user\","
      + "\"content\":\"Hello\"}],\"stream\":true}").getBytes(StandardCharsets.UTF_8);
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI uri;
  private long firstChunk;

  RawJdkClient(String baseUrl) {
    this.uri = URI.create(baseUrl + "/v1/chat/completions");
  }

  @Override
  public String name() {
    return "raw java.net.http";
  }

  @Override
  public void complete() throws IOException, InterruptedException {
    HttpResponse<byte[]> response = client.send(request(BODY), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200 || response.body().length != FixedResponseServer.COMPLETION.length()) {
      throw new IllegalStateException("unexpected response " + response.statusCode());
    }
  }

  @Override
  public int stream() throws IOException, InterruptedException {
    HttpResponse<InputStream> response = client.send(request(STREAM_BODY), HttpResponse.BodyHandlers.ofInputStream());
    int events = 0;
    try (InputStream in = response.body()) {
      byte[] buffer = new byte[8192];
      int previous = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (events == 0) {
          firstChunk = System.nanoTime();
        }
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n' && previous == '\n') {
            events++;
          }
          previous = buffer[i];
        }
      }
    }
    return events - 3; // role chunk, final chunk and [DONE] are not content chunks
  }

  @Override
  public long firstChunkNanos() {
    return firstChunk;
  }

  private HttpRequest request(byte[] body) {
    return HttpRequest.newBuilder(uri)
        .header("Authorization", "Bearer bench-key")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  @Override
  public void close() {
    // the JDK 17 client has no close; its threads are daemons
  }
}
