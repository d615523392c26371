package dev.fireworks4j.core.reliability;

import dev.fireworks4j.core.http.Headers;
import dev.fireworks4j.core.http.HttpTransport;
import dev.fireworks4j.core.http.SdkHttpRequest;
import dev.fireworks4j.core.http.SdkHttpResponse;
import dev.fireworks4j.core.http.StreamingHttpResponse;
import java.io.ByteArrayInputStream;
import java.util.concurrent.CompletableFuture;

/** A transport that answers every request with the status, headers and body it was last given, and counts them. */
final class FixedResponseTransport implements HttpTransport {
  private volatile int status = 200;
  private volatile Headers headers = Headers.empty();
  private volatile byte[] body = new byte[0];
  private volatile int requests;

  void answer(int status, Headers headers, byte[] body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  int requests() {
    return requests;
  }

  @Override
  public SdkHttpResponse execute(SdkHttpRequest request) {
    requests++;
    return new SdkHttpResponse(status, headers, body);
  }

  @Override
  public CompletableFuture<SdkHttpResponse> executeAsync(SdkHttpRequest request) {
    return CompletableFuture.completedFuture(execute(request));
  }

  @Override
  public StreamingHttpResponse stream(SdkHttpRequest request) {
    requests++;
    return new StreamingHttpResponse(status, headers, new ByteArrayInputStream(body));
  }

  @Override
  public CompletableFuture<StreamingHttpResponse> streamAsync(SdkHttpRequest request) {
    return CompletableFuture.completedFuture(stream(request));
  }

  @Override
  public void close() {
    // nothing held
  }
}
