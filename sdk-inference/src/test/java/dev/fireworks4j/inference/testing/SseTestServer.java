package dev.fireworks4j.inference.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server whose handler writes a server-sent-events body step by step, flushing each write,
 * so that tests control timing: stalls, connections kept open, endless streams. It notices when the client
 * drops the connection (a write fails).
 */
public final class SseTestServer implements AutoCloseable {
  /** Writes one response body. */
  @FunctionalInterface
  public interface Script {
    /** Writes to {@code body}; an {@link IOException} means the client went away. */
    void write(Body body) throws IOException, InterruptedException;
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicInteger requests = new AtomicInteger();
  private final CountDownLatch clientGone = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  private SseTestServer(Script script) throws IOException {
    AtomicInteger threads = new AtomicInteger();
    executor = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "sse-test-server-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
      exchange.getResponseHeaders().add("x-request-id", "req-sse");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        script.write(new Body(out));
      } catch (IOException e) {
        clientGone.countDown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        exchange.close();
      }
    });
    server.setExecutor(executor);
    server.start();
  }

  /** A started server running {@code script} for every request. */
  public static SseTestServer start(Script script) throws IOException {
    return new SseTestServer(script);
  }

  /** The gateway root URL. */
  public String root() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Requests received. */
  public int requests() {
    return requests.get();
  }

  /** Whether a write failed because the client dropped the connection, within {@code millis}. */
  public boolean awaitClientGone(long millis) throws InterruptedException {
    return clientGone.await(millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  /** The response body a script writes to. */
  public final class Body {
    private final OutputStream out;

    Body(OutputStream out) {
      this.out = out;
    }

    /** Writes and flushes {@code text}. */
    public Body send(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
      return this;
    }

    /** Keeps the connection open until the test ends. */
    public void hold() throws InterruptedException {
      release.await(20, TimeUnit.SECONDS);
    }

    /** Writes a comment every few milliseconds until the client goes away (then throws) or the test ends. */
    public void tickUntilClientGone() throws IOException, InterruptedException {
      while (!release.await(5, TimeUnit.MILLISECONDS)) {
        send(": tick\n\n");
      }
    }
  }
}
