package dev.fireworks4j.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP/1.1 server on plain sockets for the two faults WireMock cannot script. Paths under
 * {@code /stall-*} answer 200 and send {@code chunks} chunks of the body (stream events for a streaming
 * request, a JSON prefix otherwise), then go silent until the server closes. Paths under {@code /reuse-*}
 * answer the first request of each connection and close the connection on the second without a byte
 * (the server-side shape of JDK-8338569: the client finds no response on a reused connection).
 */
final class RawFaultServer implements AutoCloseable {
  private final ServerSocket listener;
  private final int chunks;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final CountDownLatch closed = new CountDownLatch(1);

  RawFaultServer(int chunks) throws IOException {
    this.chunks = chunks;
    this.listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "raw-fault-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** {@code http://127.0.0.1:<port>}. */
  String root() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    closed.countDown();
    listener.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        sockets.add(socket);
        Thread worker = new Thread(() -> serve(socket), "raw-fault-server-connection");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      for (int request = 1; ; request++) {
        Request r = Request.read(in);
        if (r == null) {
          return;
        }
        if (r.path.startsWith("/stall-")) {
          stall(r, out);
          return;
        }
        if (request > 1) {
          return; // close the reused connection without answering
        }
        answer(r, out);
      }
    } catch (IOException | InterruptedException e) {
      // the client went away or the server closed
    } finally {
      sockets.remove(socket);
    }
  }

  private void stall(Request r, OutputStream out) throws IOException, InterruptedException {
    boolean stream = r.body.contains("\"stream\":true");
    head(out, stream ? "text/event-stream" : "application/json", "Transfer-Encoding: chunked");
    String prefix = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[";
    for (int i = 0; i < chunks; i++) {
      String chunk = stream ? Bodies.event("{\"content\":\"x\"}", null) : prefix.substring(i * 4, i * 4 + 4);
      byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
      out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    closed.await(60, TimeUnit.SECONDS);
  }

  private static void answer(Request r, OutputStream out) throws IOException {
    String body;
    String type = "application/json";
    if (r.path.endsWith("/chat/completions")) {
      boolean stream = r.body.contains("\"stream\":true");
      body = stream ? Bodies.STREAM : Bodies.CHAT;
      type = stream ? "text/event-stream" : type;
    } else {
      body = Bodies.ROUTER;
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    head(out, type, "Content-Length: " + bytes.length);
    out.write(bytes);
    out.flush();
  }

  private static void head(OutputStream out, String type, String framing) throws IOException {
    out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\n" + framing + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
  }

  /** The parts of a request the server needs. */
  private static final class Request {
    final String path;
    final String body;

    private Request(String path, String body) {
      this.path = path;
      this.body = body;
    }

    /** The next request on the connection, or null when the client closed it. */
    static Request read(InputStream in) throws IOException {
      String requestLine = line(in);
      if (requestLine == null) {
        return null;
      }
      int length = 0;
      for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
        if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(header.substring(15).strip());
        }
      }
      String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
      return new Request(requestLine.split(" ")[1], body);
    }

    private static String line(InputStream in) throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      try {
        for (int b = in.read(); b != '\n'; b = in.read()) {
          if (b < 0) {
            return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
          }
          if (b != '\r') {
            line.write(b);
          }
        }
      } catch (SocketException e) {
        return null;
      }
      return line.toString(StandardCharsets.US_ASCII);
    }
  }
}
