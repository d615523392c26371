package dev.fireworks4j.core.http;

import java.util.concurrent.CompletableFuture;

/**
 * Sends HTTP requests. The default is {@link Http1Transport}, HTTP/1.1 on blocking sockets; a client given a
 * {@code java.net.http.HttpClient} uses {@link JdkHttpTransport}. Retries, authentication and logging are
 * decorators around either. A transport returns error statuses as responses; only failures to exchange a
 * request at all surface as exceptions ({@code ConnectionException}, {@code FireworksTimeoutException}).
 */
public interface HttpTransport extends AutoCloseable {
  /** Sends the request and reads the whole response. */
  SdkHttpResponse execute(SdkHttpRequest request);

  /** Sends the request without blocking; the future completes with the whole response. */
  CompletableFuture<SdkHttpResponse> executeAsync(SdkHttpRequest request);

  /** Sends the request and returns once the status and headers have arrived; the body streams. */
  StreamingHttpResponse stream(SdkHttpRequest request);

  /** Like {@link #stream} without blocking. */
  CompletableFuture<StreamingHttpResponse> streamAsync(SdkHttpRequest request);

  /** Releases the transport's resources; later calls fail. */
  @Override
  void close();
}
