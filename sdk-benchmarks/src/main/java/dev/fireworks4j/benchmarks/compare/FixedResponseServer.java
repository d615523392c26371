package dev.fireworks4j.benchmarks.compare;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal HTTP/1.1 keep-alive server on loopback that answers every POST with fixed bytes: a chat
 * completion, or (when the body asks for {@code "stream":true}) an SSE stream of a fixed number of chunks.
 * It parses only what it must (headers, {@code Content-Length}), so that the clients, not the server, are
 * what a benchmark measures.
 */
public final class FixedResponseServer implements AutoCloseable {
  /** The fixed non-streaming body. */
  public static final String COMPLETION = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,"
      + "\"model\":\"accounts/acct/routers/r\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
      + "\"content\":\"Hello! How can I help you today?\"},\"finish_reason\":\"stop\"}],"
      + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":9,\"total_tokens\":21}}";
  private static final byte[] STREAM_MARKER = "\"stream\":true".getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket socket;
  private final ExecutorService workers;
  private final byte[] completionResponse;
  private final byte[] streamResponse;
  private final AtomicLong served = new AtomicLong();

  private FixedResponseServer(int streamChunks) throws IOException {
    this.socket = new ServerSocket();
    this.socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    this.workers = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "fixed-server");
      thread.setDaemon(true);
      return thread;
    });
    this.completionResponse = response("application/json", COMPLETION.getBytes(StandardCharsets.UTF_8));
    this.streamResponse = response("text/event-stream", sseBody(streamChunks));
    workers.execute(this::acceptLoop);
  }

  /** Starts a server whose streams carry {@code streamChunks} content chunks. */
  public static FixedResponseServer start(int streamChunks) throws IOException {
    return new FixedResponseServer(streamChunks);
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  /** Requests answered so far. */
  public long served() {
    return served.get();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    workers.shutdownNow();
  }

  /** The SSE body: {@code chunks} content deltas, a final chunk with finish reason and usage, then [DONE]. */
  static byte[] sseBody(int chunks) {
    StringBuilder body = new StringBuilder(chunks * 200);
    String head = "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
        + "\"model\":\"accounts/acct/routers/r\",\"choices\":[{\"index\":0,\"delta\":{";
    body.append(head).append("\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n");
    for (int i = 0; i < chunks; i++) {
      body.append(head).append("\"content\":\"tok").append(i % 10).append(" \"},\"finish_reason\":null}]}\n\n");
    }
    body.append(head).append("},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,")
        .append("\"completion_tokens\":").append(chunks).append(",\"total_tokens\":").append(chunks + 12)
        .append("}}\n\ndata: [DONE]\n\n");
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] response(String contentType, byte[] body) {
    byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
        + "\r\nx-request-id: fixed\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        connection.setTcpNoDelay(true);
        workers.execute(() -> serve(connection));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket connection) {
    try (connection; InputStream in = new BufferedInputStream(connection.getInputStream(), 16 * 1024);
        OutputStream out = connection.getOutputStream()) {
      byte[] body = new byte[64 * 1024];
      while (true) {
        int length = readHeaders(in);
        if (length < 0) {
          return;
        }
        if (length > body.length) {
          body = new byte[length];
        }
        int read = in.readNBytes(body, 0, length);
        if (read < length) {
          return;
        }
        out.write(contains(body, length, STREAM_MARKER) ? streamResponse : completionResponse);
        out.flush();
        served.incrementAndGet();
      }
    } catch (SocketException e) {
      // client went away
    } catch (IOException e) {
      // drop the connection
    }
  }

  /** Reads a request head; returns its Content-Length, or -1 at end of stream. */
  private static int readHeaders(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder(64);
    int contentLength = 0;
    boolean any = false;
    while (true) {
      int c = in.read();
      if (c < 0) {
        return -1;
      }
      any = true;
      if (c == '\n') {
        if (line.length() == 0 || line.length() == 1 && line.charAt(0) == '\r') {
          return any ? contentLength : -1;
        }
        String header = line.toString();
        if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
          contentLength = Integer.parseInt(header.substring(15).trim());
        }
        line.setLength(0);
      } else {
        line.append((char) c);
      }
    }
  }

  private static boolean contains(byte[] haystack, int length, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
