package dev.fireworks4j.core.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that answers every request with what a test's handler writes, byte for byte, and
 * records the requests and on which connection each arrived.
 */
final class ScriptedServer implements AutoCloseable {
  /** Answers one request; returns false to close the connection afterwards. */
  interface Handler {
    boolean answer(Exchange exchange) throws Exception;
  }

  /** One request as received: the connection's number (from 1), its head and body. */
  record Request(int connection, String head, byte[] body) {
    /** The request line. */
    String line() {
      return head.substring(0, head.indexOf("\r\n"));
    }

    /** The first value of a header, or null. */
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  /** The request being answered and the connection's output. */
  record Exchange(Request request, Socket socket, OutputStream out) {
    /** Writes {@code text} as ISO-8859-1 and flushes. */
    void send(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }

    /** Writes bytes and flushes. */
    void send(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
    }
  }

  private final ServerSocket listener;
  private final String scheme;
  private final Handler handler;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final AtomicInteger connections = new AtomicInteger();
  /** Connections that ended: the client closed them, or the server did. */
  private final BlockingQueue<Integer> ended = new LinkedBlockingQueue<>();
  final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();

  ScriptedServer(Handler handler) throws IOException {
    this(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), "http", handler);
  }

  /** A server on {@code listener} (a TLS one for https). */
  ScriptedServer(ServerSocket listener, String scheme, Handler handler) {
    this.listener = listener;
    this.scheme = scheme;
    this.handler = handler;
    threads.execute(this::accept);
  }

  /** A server that answers every request with the same bytes and keeps connections open. */
  static ScriptedServer answering(String response) throws IOException {
    return new ScriptedServer(exchange -> {
      exchange.send(response);
      return true;
    });
  }

  /** The server's base URL. */
  String url(String path) {
    return scheme + "://127.0.0.1:" + listener.getLocalPort() + path;
  }

  /** Connections accepted so far. */
  int connections() {
    return connections.get();
  }

  /** Waits for a connection to end and returns its number. */
  Integer nextEnded() throws InterruptedException {
    return ended.poll(5, java.util.concurrent.TimeUnit.SECONDS);
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        int number = connections.incrementAndGet();
        threads.execute(() -> serve(socket, number));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket, int number) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        Request request = new Request(number, head, readBody(in, head));
        requests.add(request);
        if (!handler.answer(new Exchange(request, socket, out))) {
          return;
        }
      }
    } catch (Exception e) {
      // the client went away, or the test ended
    } finally {
      ended.add(number);
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static byte[] readBody(InputStream in, String head) throws IOException {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return in.readNBytes(Integer.parseInt(line.substring(15).trim()));
      }
    }
    return new byte[0];
  }

  @Override
  public void close() throws IOException {
    listener.close();
    threads.shutdownNow();
  }
}
