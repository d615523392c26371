package dev.fireworks4j.core.retry;

import dev.fireworks4j.core.http.Headers;
import dev.fireworks4j.core.http.HttpTransport;
import dev.fireworks4j.core.http.SdkHttpRequest;
import dev.fireworks4j.core.http.SdkHttpResponse;
import dev.fireworks4j.core.http.StreamingHttpResponse;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** A transport that plays back a script of responses and failures, recording each attempt. */
class ScriptedTransport implements HttpTransport {
  private final Deque<Supplier<SdkHttpResponse>> script = new ArrayDeque<>();
  final List<SdkHttpRequest> attempts = new ArrayList<>();
  final List<StreamingHttpResponse> streamed = new ArrayList<>();

  ScriptedTransport respond(int status, String... headerPairs) {
    Headers.Builder headers = Headers.builder();
    for (int i = 0; i < headerPairs.length; i += 2) {
      headers.add(headerPairs[i], headerPairs[i + 1]);
    }
    Headers built = headers.build();
    script.add(() -> new SdkHttpResponse(status, built, ("{\"status\":" + status + "}").getBytes()));
    return this;
  }

  ScriptedTransport fail(RuntimeException failure) {
    script.add(() -> {
      throw failure;
    });
    return this;
  }

  @Override
  public synchronized SdkHttpResponse execute(SdkHttpRequest request) {
    attempts.add(request);
    if (script.isEmpty()) {
      throw new AssertionError("unexpected attempt " + request.attempt());
    }
    return script.removeFirst().get();
  }

  @Override
  public CompletableFuture<SdkHttpResponse> executeAsync(SdkHttpRequest request) {
    try {
      return CompletableFuture.completedFuture(execute(request));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public synchronized StreamingHttpResponse stream(SdkHttpRequest request) {
    SdkHttpResponse response = execute(request);
    StreamingHttpResponse stream = new StreamingHttpResponse(response.status(), response.headers(),
        new ByteArrayInputStream(response.body()) {
          boolean closed;

          @Override
          public void close() {
            closed = true;
          }

          @Override
          public String toString() {
            return closed ? "closed" : "open";
          }
        });
    streamed.add(stream);
    return stream;
  }

  @Override
  public CompletableFuture<StreamingHttpResponse> streamAsync(SdkHttpRequest request) {
    try {
      return CompletableFuture.completedFuture(stream(request));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public void close() {
    // nothing held
  }
}
