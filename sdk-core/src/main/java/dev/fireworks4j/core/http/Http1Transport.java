package dev.fireworks4j.core.http;

import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.error.ConnectionException;
import dev.fireworks4j.core.error.FireworksException;
import dev.fireworks4j.core.internal.ClientClosed;
import dev.fireworks4j.core.internal.DaemonPool;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * The default transport: HTTP/1.1 on blocking sockets, with keep-alive connections pooled per host. A call
 * runs on the calling thread from the first byte written to the last byte read, with no hand-off to
 * another thread: on a loopback or a fast network that hand-off costs more than the rest of the exchange.
 * Accepts gzip, never follows redirects (so that a credential cannot follow one to another host), and
 * applies the attempt timeout to the whole exchange, body included, for non-streaming calls, and up to the
 * response head for streams.
 *
 * <p>Async calls run on the SDK's own daemon threads, one per call in flight, and their futures complete
 * on the completion executor the transport was given, or else on those threads; cancelling a future closes
 * its connection. Connections use no proxy, like {@code java.net.http}'s defaults; for a proxy, HTTP/2 or
 * a custom TLS set-up, give the client a configured {@code HttpClient} instead.
 */
public final class Http1Transport implements HttpTransport {
  /** The deadline of a read without a timeout. */
  static final long NO_DEADLINE = Long.MIN_VALUE;
  /** How long an idle connection is kept: less than the usual server and load-balancer idle timeouts. */
  private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(30);
  private static final int MAX_IDLE_PER_HOST = 64;

  private final ConnectionPool pool;
  /** Where async results are completed; null to complete them on the thread that made the call. */
  private final Executor completions;
  private volatile boolean closed;

  Http1Transport(ConnectionPool pool, Executor completions) {
    this.pool = pool;
    this.completions = completions;
  }

  /**
   * A transport with this connect timeout. Async results are completed on {@code completionExecutor}, or,
   * if it is null, on the SDK's daemon threads that made the calls.
   */
  public static Http1Transport create(Duration connectTimeout, Executor completionExecutor) {
    int connectMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, connectTimeout.toMillis()));
    return new Http1Transport(new ConnectionPool(connectMillis, KEEP_ALIVE_NANOS, MAX_IDLE_PER_HOST,
        ConnectionPool.CHECK_AFTER_NANOS, () -> Tls.FACTORY), completionExecutor);
  }

  @Override
  public SdkHttpResponse execute(SdkHttpRequest request) {
    return execute(request, null);
  }

  @Override
  public StreamingHttpResponse stream(SdkHttpRequest request) {
    return stream(request, null);
  }

  @Override
  public CompletableFuture<SdkHttpResponse> executeAsync(SdkHttpRequest request) {
    return async(call -> execute(request, call));
  }

  @Override
  public CompletableFuture<StreamingHttpResponse> streamAsync(SdkHttpRequest request) {
    return async(call -> stream(request, call));
  }

  /** Closes every connection at once, ending the exchanges still in progress; later calls fail. */
  @Override
  public void close() {
    closed = true;
    pool.close();
  }

  private SdkHttpResponse execute(SdkHttpRequest request, Call call) {
    long deadline = deadlineOf(request);
    Http1Connection.Http1Response response = exchange(request, deadline, call);
    Http1Body body = new Http1Body(response, pool, deadline);
    try {
      return new SdkHttpResponse(response.status, response.headers,
          ContentEncoding.decode(body.readAll(), response.headers));
    } catch (IOException e) {
      body.close();
      throw failure(e, request, call);
    }
  }

  private StreamingHttpResponse stream(SdkHttpRequest request, Call call) {
    Http1Connection.Http1Response response = exchange(request, deadlineOf(request), call);
    Http1Body body = new Http1Body(response, pool, NO_DEADLINE); // the caller's idle timeout watches the body
    return new StreamingHttpResponse(response.status, response.headers,
        ContentEncoding.decode(body, response.headers));
  }

  /** Sends the request on a pooled or new connection and reads the response head. */
  private Http1Connection.Http1Response exchange(SdkHttpRequest request, long deadline, Call call) {
    if (closed) {
      throw ClientClosed.exception();
    }
    Http1Connection.Address address;
    try {
      address = Http1Connection.Address.of(request.uri());
    } catch (IllegalArgumentException e) {
      throw new FireworksException("invalid request " + request + ": " + e.getMessage(), e);
    }
    Http1Connection connection = pool.reuse(address);
    if (connection == null) {
      connection = connect(address, request, deadline);
    }
    int exchange = connection.begin();
    if (call != null) {
      call.attach(connection, exchange);
    }
    try {
      connection.write(request, request.credential().map(ApiKey::bearer).orElse(null), deadline);
      return connection.readResponse(request.method(), deadline);
    } catch (IllegalArgumentException e) { // a header the request may not carry; nothing was written
      connection.finish();
      pool.release(connection);
      throw new FireworksException("invalid request " + request + ": " + e.getMessage(), e);
    } catch (IOException e) {
      pool.discard(connection);
      throw failure(e, request, call);
    }
  }

  private Http1Connection connect(Http1Connection.Address address, SdkHttpRequest request, long deadline) {
    int timeout = Integer.MAX_VALUE;
    if (deadline != NO_DEADLINE) {
      timeout = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (deadline - System.nanoTime()) / 1_000_000));
    }
    try {
      return pool.connect(address, timeout);
    } catch (SocketTimeoutException e) {
      if (timeout < pool.connectTimeoutMillis()) {
        throw TransportFailures.attemptTimedOut(request, e);
      }
      throw TransportFailures.connectTimedOut(request, e);
    } catch (UnknownHostException e) {
      throw TransportFailures.couldNotConnect(request, "unknown host " + e.getMessage(), e);
    } catch (IOException e) {
      throw TransportFailures.couldNotConnect(request,
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
    }
  }

  /** A failure once the request may have reached the server. */
  private RuntimeException failure(IOException e, SdkHttpRequest request, Call call) {
    if (call != null && call.cancelled) {
      return new CancellationException(request + ": cancelled");
    }
    if (closed) {
      return ClientClosed.exception(e);
    }
    if (e instanceof SocketTimeoutException) {
      return TransportFailures.attemptTimedOut(request, e);
    }
    return new ConnectionException(request + ": " + e.getMessage(), true, e);
  }

  private static long deadlineOf(SdkHttpRequest request) {
    return request.attemptTimeout().map(timeout -> System.nanoTime() + timeout.toNanos()).orElse(NO_DEADLINE);
  }

  /**
   * Runs a call on an SDK daemon thread. Cancelling the future closes the call's connection; a stream that
   * arrives after its future was cancelled is closed.
   */
  private <T> CompletableFuture<T> async(Function<Call, T> work) {
    CompletableFuture<T> future = new CompletableFuture<>();
    if (closed) {
      future.completeExceptionally(ClientClosed.exception());
      return future;
    }
    Call call = new Call();
    future.whenComplete((result, failure) -> {
      if (future.isCancelled()) {
        call.cancel();
      }
    });
    try {
      Io.POOL.execute(() -> {
        T result;
        try {
          result = work.apply(call);
        } catch (RuntimeException | Error e) {
          complete(future, null, e);
          return;
        }
        complete(future, result, null);
      });
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(new FireworksException("could not start an async call", e));
    }
    return future;
  }

  private <T> void complete(CompletableFuture<T> future, T result, Throwable failure) {
    Runnable completion = () -> {
      boolean taken = failure == null ? future.complete(result) : future.completeExceptionally(failure);
      if (!taken && result instanceof StreamingHttpResponse) {
        ((StreamingHttpResponse) result).close(); // cancelled meanwhile: nobody will read it
      }
    };
    if (completions == null) {
      completion.run();
      return;
    }
    try {
      completions.execute(completion);
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(e);
      if (result instanceof StreamingHttpResponse) {
        ((StreamingHttpResponse) result).close();
      }
    }
  }

  /** One async call: its connection, for a cancellation to close. */
  private static final class Call {
    private volatile Http1Connection connection;
    private volatile int exchange;
    volatile boolean cancelled;

    void attach(Http1Connection connection, int exchange) {
      this.exchange = exchange;
      this.connection = connection;
      if (cancelled) {
        connection.abort(exchange);
      }
    }

    void cancel() {
      cancelled = true;
      Http1Connection current = connection;
      if (current != null) {
        current.abort(exchange);
      }
    }
  }

  /** The daemon threads that run async calls: started on demand, ended after 30 s idle. */
  private static final class Io {
    static final ExecutorService POOL = DaemonPool.create("fireworks4j-http-");
  }

  /** The JVM's default TLS set-up, loaded on the first https connection only. */
  private static final class Tls {
    static final SSLSocketFactory FACTORY = defaultFactory();

    private static SSLSocketFactory defaultFactory() {
      try {
        return SSLContext.getDefault().getSocketFactory();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JVM has no default TLS context", e);
      }
    }
  }
}
