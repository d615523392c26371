package dev.fireworks4j.inference.testing;

import dev.fireworks4j.core.http.Headers;
import dev.fireworks4j.core.http.HttpTransport;
import dev.fireworks4j.core.http.SdkHttpRequest;
import dev.fireworks4j.core.http.SdkHttpResponse;
import dev.fireworks4j.core.http.StreamingHttpResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A transport that records requests and answers them from a function, without a network; closed, it refuses calls. */
public final class FakeTransport implements HttpTransport {
  private final List<SdkHttpRequest> requests = new CopyOnWriteArrayList<>();
  private final Function<SdkHttpRequest, SdkHttpResponse> answer;
  private volatile boolean closed;

  /** Answers every request with {@code answer}. */
  public FakeTransport(Function<SdkHttpRequest, SdkHttpResponse> answer) {
    this.answer = answer;
  }

  /** A 200 JSON response. */
  public static SdkHttpResponse json(int status, String body, String... headerPairs) {
    Headers.Builder headers = Headers.builder().add("Content-Type", "application/json");
    for (int i = 0; i < headerPairs.length; i += 2) {
      headers.add(headerPairs[i], headerPairs[i + 1]);
    }
    return new SdkHttpResponse(status, headers.build(), body.getBytes(StandardCharsets.UTF_8));
  }

  /** The requests received, oldest first. */
  public List<SdkHttpRequest> requests() {
    return requests;
  }

  /** Whether {@link #close()} was called. */
  public boolean closed() {
    return closed;
  }

  @Override
  public SdkHttpResponse execute(SdkHttpRequest request) {
    if (closed) {
      throw new IllegalStateException("the transport is closed");
    }
    requests.add(request);
    return answer.apply(request);
  }

  @Override
  public CompletableFuture<SdkHttpResponse> executeAsync(SdkHttpRequest request) {
    return CompletableFuture.completedFuture(execute(request));
  }

  @Override
  public StreamingHttpResponse stream(SdkHttpRequest request) {
    SdkHttpResponse response = execute(request);
    return new StreamingHttpResponse(response.status(), response.headers(), new ByteArrayInputStream(response.body()));
  }

  @Override
  public CompletableFuture<StreamingHttpResponse> streamAsync(SdkHttpRequest request) {
    return CompletableFuture.completedFuture(stream(request));
  }

  @Override
  public void close() {
    closed = true;
  }
}
