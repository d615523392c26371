package dev.fireworks4j.core.http;

import dev.fireworks4j.core.error.ConnectionException;
import dev.fireworks4j.core.error.FireworksException;
import dev.fireworks4j.core.internal.ClientClosed;
import dev.fireworks4j.core.internal.DaemonPool;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

/**
 * The transport on a {@code java.net.http} {@link HttpClient}: the caller's (for a proxy, HTTP/2 or a custom
 * TLS set-up), or one it creates. Accepts gzip, never follows redirects (so that a
 * credential cannot follow one to another host), and applies the attempt timeout to the whole exchange,
 * body included, for non-streaming calls.
 *
 * <p>A client this transport creates does its own work (reading, parsing, handing over bodies) on its
 * selector thread rather than on an executor: each hand-off between threads costs tens of microseconds,
 * more than the rest of a loopback exchange. An application's callbacks never run on that thread:
 * async results are completed on the completion executor the transport was given, or else on the SDK's own
 * daemon threads: not on the common fork-join pool, which has a single thread on a two-core machine, so
 * that one blocking callback would hold up every other async call.
 */
public final class JdkHttpTransport implements HttpTransport {
  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "accept-encoding");

  /** {@code HttpClient.shutdownNow()}, from JDK 21; null before. */
  private static final Method SHUTDOWN_NOW = shutdownNow();
  private final HttpClient client;
  private final boolean ownsClient;
  /** Where async results are completed; null to complete them where the caller's client does. */
  private final Executor completions;
  private final AtomicBoolean closed = new AtomicBoolean();

  private JdkHttpTransport(HttpClient client, boolean ownsClient, Executor completions) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.completions = completions;
  }

  /**
   * A transport on a new client with this connect timeout, closed with it. Async results are completed on
   * {@code completionExecutor}, or, if it is null, on the SDK's shared daemon threads.
   */
  public static JdkHttpTransport create(Duration connectTimeout, Executor completionExecutor) {
    HttpClient client = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(Runnable::run)
        .build();
    return new JdkHttpTransport(client, true,
        completionExecutor != null ? completionExecutor : Completions.INSTANCE);
  }

  /** A transport on the caller's client, which {@link #close()} leaves open. */
  public static JdkHttpTransport using(HttpClient client) {
    return new JdkHttpTransport(client, false, null);
  }

  /**
   * Sends on the calling thread with {@link HttpClient#send}: unlike {@code sendAsync(...).get()} it needs no
   * hand-off to the client's executor, which on two cores halves the throughput.
   */
  @Override
  public SdkHttpResponse execute(SdkHttpRequest request) {
    HttpResponse.BodyHandler<byte[]> handler = HttpResponse.BodyHandlers.ofByteArray();
    if (request.attemptTimeout().isPresent()) {
      long deadline = System.nanoTime() + request.attemptTimeout().get().toNanos();
      HttpResponse.BodyHandler<byte[]> bytes = handler;
      handler = info -> new DeadlineBodySubscriber<>(bytes.apply(info), deadline);
    }
    HttpResponse<byte[]> response = sendSync(request, handler);
    return whole(response);
  }

  @Override
  public CompletableFuture<SdkHttpResponse> executeAsync(SdkHttpRequest request) {
    return send(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(JdkHttpTransport::whole);
  }

  @Override
  public StreamingHttpResponse stream(SdkHttpRequest request) {
    return streaming(sendSync(request, HttpResponse.BodyHandlers.ofInputStream()));
  }

  @Override
  public CompletableFuture<StreamingHttpResponse> streamAsync(SdkHttpRequest request) {
    return send(request, HttpResponse.BodyHandlers.ofInputStream()).thenApply(JdkHttpTransport::streaming);
  }

  /**
   * Ends the client's threads and connections at once (JDK 21+), aborting exchanges still in progress; on
   * JDK 17 the client cannot be closed, and its selector thread ends once the client is collected.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && ownsClient && SHUTDOWN_NOW != null) {
      // not HttpClient.close(): it waits for every exchange to end, forever if a server stalls a response body
      try {
        SHUTDOWN_NOW.invoke(client);
      } catch (ReflectiveOperationException e) {
        throw new FireworksException("failed to close the HTTP client", e);
      }
    }
  }

  /** The shared pool that completes async calls when the application gave no executor. */
  private static final class Completions {
    static final ExecutorService INSTANCE = DaemonPool.create("fireworks4j-async-");
  }

  private static Method shutdownNow() {
    try {
      return HttpClient.class.getMethod("shutdownNow");
    } catch (NoSuchMethodException e) {
      return null; // before JDK 21
    }
  }

  private <T> CompletableFuture<HttpResponse<T>> send(SdkHttpRequest request, HttpResponse.BodyHandler<T> handler) {
    if (closed.get()) {
      return CompletableFuture.failedFuture(ClientClosed.exception());
    }
    HttpRequest jdkRequest;
    try {
      jdkRequest = toJdkRequest(request);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new FireworksException("invalid request " + request + ": " + e.getMessage(), e));
    }
    CompletableFuture<HttpResponse<T>> exchange = client.sendAsync(jdkRequest, handler);
    if (request.attemptTimeout().isPresent()) {
      exchange = exchange.orTimeout(request.attemptTimeout().get().toNanos(), TimeUnit.NANOSECONDS);
    }
    BiFunction<HttpResponse<T>, Throwable, HttpResponse<T>> outcome = (response, failure) -> {
      if (failure != null) {
        throw mapFailure(failure, request);
      }
      return response;
    };
    return completions == null ? exchange.handle(outcome) : exchange.handleAsync(outcome, completions);
  }

  private static HttpRequest toJdkRequest(SdkHttpRequest request) {
    HttpRequest.BodyPublisher publisher = request.body()
        .map(HttpRequest.BodyPublishers::ofByteArray)
        .orElseGet(HttpRequest.BodyPublishers::noBody);
    HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).method(request.method(), publisher);
    if ("http".equalsIgnoreCase(request.uri().getScheme())) {
      builder.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade dance on plain http
    }
    request.attemptTimeout().ifPresent(builder::timeout);
    request.headers().forEach((name, value) -> {
      if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
        builder.header(name, value);
      }
    });
    request.credential().ifPresent(key -> builder.header("Authorization", key.bearer()));
    builder.header("Accept-Encoding", "gzip");
    return builder.build();
  }

  private <T> HttpResponse<T> sendSync(SdkHttpRequest request, HttpResponse.BodyHandler<T> handler) {
    if (closed.get()) {
      throw ClientClosed.exception();
    }
    HttpRequest jdkRequest;
    try {
      jdkRequest = toJdkRequest(request);
    } catch (IllegalArgumentException e) {
      throw new FireworksException("invalid request " + request + ": " + e.getMessage(), e);
    }
    try {
      return client.send(jdkRequest, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FireworksException(request + ": interrupted while waiting for the response", e);
    } catch (IOException | RuntimeException e) {
      throw mapFailure(e, request);
    }
  }

  static RuntimeException mapFailure(Throwable failure, SdkHttpRequest request) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof FireworksException || cause instanceof IllegalStateException) {
      return (RuntimeException) cause;
    }
    if (cause instanceof CancellationException) {
      return (CancellationException) cause;
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return TransportFailures.connectTimedOut(request, cause);
    }
    if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
      return TransportFailures.attemptTimedOut(request, cause);
    }
    if (hasCause(cause, ConnectException.class)) {
      return TransportFailures.couldNotConnect(request, cause.getMessage(), cause);
    }
    if (cause instanceof IOException || cause instanceof UncheckedIOException) {
      return new ConnectionException(request + ": " + cause.getMessage(), true, cause);
    }
    return new FireworksException(request + ": " + cause, cause);
  }

  private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static SdkHttpResponse whole(HttpResponse<byte[]> response) {
    Headers headers = Headers.of(response.headers());
    return new SdkHttpResponse(response.statusCode(), headers, ContentEncoding.decode(response.body(), headers));
  }

  private static StreamingHttpResponse streaming(HttpResponse<InputStream> response) {
    Headers headers = Headers.of(response.headers());
    return new StreamingHttpResponse(response.statusCode(), headers, ContentEncoding.decode(response.body(), headers));
  }
}
