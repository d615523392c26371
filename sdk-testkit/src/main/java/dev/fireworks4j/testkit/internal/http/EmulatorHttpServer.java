package dev.fireworks4j.testkit.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fireworks4j.testkit.internal.json.JsonSupport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK's {@code com.sun.net.httpserver} on a loopback port, served by a cached pool of daemon threads named
 * {@code fireworks-emulator-N} (one per request in progress, so hundreds of concurrent streams each hold a
 * thread; idle threads end after a few seconds). It sets {@code sun.net.httpserver.nodelay=true} unless the
 * property is set already; that takes effect only if no JDK HTTP server was started in the JVM before.
 */
public final class EmulatorHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmulatorHttpServer.class);
  private static final int BACKLOG = 1024;
  private static final String NO_DELAY = "sun.net.httpserver.nodelay";

  static {
    // The JDK server leaves Nagle's algorithm on unless this is set before its first use; with it on, a response
    // written as headers then body waits for the client's delayed ACK (about 40 ms on Linux) on every request.
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
  }

  private final HttpServer server;
  private final ThreadPoolExecutor executor;

  private EmulatorHttpServer(HttpServer server, ThreadPoolExecutor executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Binds {@code port} (0 for a free one) on the loopback interface and starts serving with {@code handler}. */
  public static EmulatorHttpServer start(int port, Handler handler) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
    AtomicInteger threads = new AtomicInteger();
    ThreadPoolExecutor executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS,
        new SynchronousQueue<>(), r -> {
          Thread t = new Thread(r, "fireworks-emulator-" + threads.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    server.setExecutor(executor);
    server.createContext("/", exchange -> serve(exchange, handler));
    server.start();
    return new EmulatorHttpServer(server, executor);
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops accepting, interrupts requests in progress (stalled streams included) and waits for the threads. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("emulator threads still running 5 s after close");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void serve(HttpExchange exchange, Handler handler) throws IOException {
    Call call = new Call(exchange);
    try {
      handler.handle(call);
    } catch (Call.DroppedConnection e) {
      // escaping the handler makes the JDK server close the socket without finishing the response
      throw e;
    } catch (IOException e) {
      LOG.debug("{} {} ended early: {}", call.method(), call.path(), e.toString());
    } catch (RuntimeException | LinkageError | AssertionError e) {
      // answered rather than left hanging: a client must not wait for a response that never comes
      if (call.responded()) {
        LOG.warn("emulator failed on {} {} after answering", call.method(), call.path(), e);
      } else {
        LOG.warn("emulator failed on {} {}", call.method(), call.path(), e);
        call.respond(500, JsonSupport.object().put("code", 13).put("message", "emulator error: " + e)
            .set("details", JsonSupport.array()));
      }
    }
    exchange.close();
  }
}
