package dev.fireworks4j.core.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 connection: writes a request, reads a response head, and hands the body to an
 * {@link Http1Body} that reads from the same buffer. One exchange at a time; the pool owns idle connections.
 */
final class Http1Connection {
  /** A response head larger than this is refused (the JDK client's limit is similar). */
  static final int MAX_HEAD_BYTES = 64 * 1024;
  /** Bodies up to this size are written in the same packet as the head. */
  private static final int COALESCE_BODY_BYTES = 16 * 1024;
  /** Headers the transport writes itself, so a caller's copies are dropped (as the JDK client refuses them). */
  private static final String[] OWN_HEADERS =
      {"Connection", "Content-Length", "Expect", "Host", "Upgrade", "Accept-Encoding", "Transfer-Encoding"};

  final Address address;
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  /** Response bytes received but not yet consumed: {@code buffer[pos..limit)}. */
  byte[] buffer = new byte[8192];
  int pos;
  int limit;
  private byte[] head = new byte[1024];
  private int soTimeoutMillis;
  /** When the connection was last returned to the pool, for keep-alive expiry and health checks. */
  long idleSinceNanos;
  private volatile boolean closed;
  /** Exchanges begun on this connection, so that a late abort cannot end a later exchange. */
  private int exchanges;
  private boolean active;

  private Http1Connection(Address address, Socket socket) throws IOException {
    this.address = address;
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Where a connection goes: scheme, host and port. */
  record Address(boolean tls, String host, int port) {
    static Address of(URI uri) {
      boolean tls = "https".equalsIgnoreCase(uri.getScheme());
      if (!tls && !"http".equalsIgnoreCase(uri.getScheme())) {
        throw new IllegalArgumentException("unsupported URI scheme: " + uri.getScheme());
      }
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("the URI has no host");
      }
      int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
      return new Address(tls, uri.getHost(), port);
    }

    /** The {@code Host} header's value: the port only when it is not the scheme's default. */
    String hostHeader() {
      return port == (tls ? 443 : 80) ? host : host + ":" + port;
    }
  }

  /**
   * Opens a connection, trying each address of the host in turn within {@code timeoutMillis}, and completes
   * the TLS handshake for https.
   */
  static Http1Connection open(Address address, int timeoutMillis, Supplier<SSLSocketFactory> tls) throws IOException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    String host = address.host.startsWith("[") ? address.host.substring(1, address.host.length() - 1) : address.host;
    IOException failure = null;
    for (InetAddress ip : InetAddress.getAllByName(host)) {
      int left = (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000L);
      Socket socket = new Socket();
      try {
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(ip, address.port), left);
        return new Http1Connection(address, address.tls ? handshake(socket, address, left, tls.get()) : socket);
      } catch (IOException e) {
        closeQuietly(socket);
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
        if (e instanceof SocketTimeoutException || System.nanoTime() - deadline >= 0) {
          break;
        }
      }
    }
    throw failure != null ? failure : new IOException("no address for " + host);
  }

  private static Socket handshake(Socket plain, Address address, int timeoutMillis, SSLSocketFactory factory)
      throws IOException {
    SSLSocket socket = (SSLSocket) factory.createSocket(plain, address.host, address.port, true);
    SSLParameters parameters = socket.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    parameters.setApplicationProtocols(new String[] {"http/1.1"});
    socket.setSSLParameters(parameters);
    socket.setSoTimeout(timeoutMillis);
    socket.startHandshake();
    return socket;
  }

  /** Writes the request: its head with the transport's own headers, then the body. */
  void write(SdkHttpRequest request, String authorization, long deadline) throws IOException {
    URI uri = request.uri();
    byte[] body = request.body().orElse(null);
    String method = request.method();
    for (int i = 0; i < method.length(); i++) {
      if (!isTokenChar(method.charAt(i))) {
        throw new IllegalArgumentException("invalid method \"" + method + "\"");
      }
    }
    int at = put(method, 0);
    at = put(" ", at);
    String path = uri.getRawPath();
    at = put(path == null || path.isEmpty() ? "/" : path, at);
    if (uri.getRawQuery() != null) {
      at = put("?", at);
      at = put(uri.getRawQuery(), at);
    }
    at = put(" HTTP/1.1\r\nHost: ", at);
    at = put(address.hostHeader(), at);
    at = put("\r\n", at);
    for (String name : request.headers().names()) {
      if (!isOwnHeader(name)) {
        for (String value : request.headers().all(name)) {
          at = header(name, value, at);
        }
      }
    }
    if (authorization != null) {
      at = header("Authorization", authorization, at);
    }
    at = put("Accept-Encoding: gzip\r\n", at);
    if (body != null || needsLength(request.method())) {
      at = put("Content-Length: ", at);
      at = put(Integer.toString(body == null ? 0 : body.length), at);
      at = put("\r\n", at);
    }
    at = put("\r\n", at);
    soTimeout(deadline); // writes have no timeout, but one past its deadline fails here
    if (body != null && body.length <= COALESCE_BODY_BYTES) {
      ensureHead(at + body.length);
      System.arraycopy(body, 0, head, at, body.length);
      out.write(head, 0, at + body.length);
    } else {
      writeLarge(at, body, deadline);
    }
    out.flush();
  }

  /**
   * Writes a head and a body that may not fit the socket's buffers, so that the write could block while the
   * server does not read: past the deadline the connection is closed, which ends the write.
   */
  private void writeLarge(int headLength, byte[] body, long deadline) throws IOException {
    ScheduledFuture<?> alarm = deadline == Http1Transport.NO_DEADLINE || body == null ? null
        : DeadlineTimer.at(deadline, this::close);
    try {
      out.write(head, 0, headLength);
      if (body != null) {
        out.write(body);
      }
    } catch (IOException e) {
      if (deadline != Http1Transport.NO_DEADLINE && System.nanoTime() - deadline >= 0) {
        throw new SocketTimeoutException("the request body could not be sent within the attempt timeout");
      }
      throw e;
    } finally {
      if (alarm != null) {
        alarm.cancel(false);
      }
    }
  }

  private static boolean isOwnHeader(String name) {
    for (String own : OWN_HEADERS) {
      if (own.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean needsLength(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
  }

  /** Appends one header line; a name or value that could break the request's framing is refused. */
  private int header(String name, String value, int at) {
    for (int i = 0; i < name.length(); i++) {
      if (!isTokenChar(name.charAt(i))) {
        throw new IllegalArgumentException("invalid header name \"" + name + "\"");
      }
    }
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty header name");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c > 0xFF || c == '\r' || c == '\n' || c == 0) { // the value itself is never printed: it may be secret
        throw new IllegalArgumentException("invalid character in the value of header " + name);
      }
    }
    at = put(name, at);
    at = put(": ", at);
    at = put(value, at);
    return put("\r\n", at);
  }

  private static boolean isTokenChar(char c) {
    return c > ' ' && c < 0x7F && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
  }

  /** Appends {@code text} as ISO-8859-1 (header characters were checked) at {@code at}. */
  private int put(String text, int at) {
    ensureHead(at + text.length());
    for (int i = 0; i < text.length(); i++) {
      head[at + i] = (byte) text.charAt(i);
    }
    return at + text.length();
  }

  private void ensureHead(int size) {
    if (size > head.length) {
      head = java.util.Arrays.copyOf(head, Math.max(size, head.length * 2));
    }
  }

  /**
   * Reads a response head, skipping interim (1xx) responses. Throws {@link EOFException} when the server
   * closes the connection before the first byte.
   */
  Http1Response readResponse(String method, long deadline) throws IOException {
    boolean anyByte = limit > pos;
    while (true) {
      int lineEnd = lineEnd(deadline, !anyByte);
      anyByte = true;
      int status = statusOf(pos, lineEnd);
      boolean http10 = buffer[pos + 7] == '0';
      pos = lineEnd + 1;
      TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      int headBytes = 0;
      while (true) {
        lineEnd = lineEnd(deadline, false);
        int end = lineEnd > pos && buffer[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
        headBytes += lineEnd + 1 - pos;
        if (end == pos) {
          pos = lineEnd + 1;
          break;
        }
        if (headBytes > MAX_HEAD_BYTES) {
          throw new ProtocolException("response headers over " + MAX_HEAD_BYTES + " bytes");
        }
        addHeader(headers, end);
        pos = lineEnd + 1;
      }
      if (status >= 100 && status < 200 && status != 101) {
        continue;
      }
      return new Http1Response(status, http10, Headers.of(headers), method.equals("HEAD"));
    }
  }

  private int statusOf(int start, int lineEnd) throws ProtocolException {
    // "HTTP/1.x SSS reason"
    if (lineEnd - start < 12 || buffer[start] != 'H' || buffer[start + 1] != 'T' || buffer[start + 2] != 'T'
        || buffer[start + 3] != 'P' || buffer[start + 4] != '/' || buffer[start + 5] != '1' || buffer[start + 6] != '.'
        || buffer[start + 8] != ' ') {
      throw new ProtocolException("not an HTTP/1.1 status line: " + printable(start, lineEnd));
    }
    int status = 0;
    for (int i = start + 9; i < start + 12; i++) {
      int digit = buffer[i] - '0';
      if (digit < 0 || digit > 9) {
        throw new ProtocolException("invalid status code in: " + printable(start, lineEnd));
      }
      status = status * 10 + digit;
    }
    return status;
  }

  private void addHeader(TreeMap<String, List<String>> headers, int end) throws ProtocolException {
    int colon = pos;
    while (colon < end && buffer[colon] != ':') {
      colon++;
    }
    if (colon == end || colon == pos || buffer[pos] == ' ' || buffer[pos] == '\t') {
      throw new ProtocolException("malformed header line: " + printable(pos, end)); // also obsolete line folding
    }
    int from = colon + 1;
    while (from < end && (buffer[from] == ' ' || buffer[from] == '\t')) {
      from++;
    }
    int to = end;
    while (to > from && (buffer[to - 1] == ' ' || buffer[to - 1] == '\t')) {
      to--;
    }
    String name = new String(buffer, pos, colon - pos, StandardCharsets.ISO_8859_1);
    String value = new String(buffer, from, to - from, StandardCharsets.ISO_8859_1);
    List<String> earlier = headers.putIfAbsent(name, List.of(value)); // unmodifiable, as Headers hands them out
    if (earlier != null) {
      List<String> values = new ArrayList<>(earlier);
      values.add(value);
      headers.put(name, List.copyOf(values));
    }
  }

  private String printable(int from, int to) {
    String text = new String(buffer, from, Math.min(to - from, 80), StandardCharsets.ISO_8859_1);
    return text.replaceAll("[^\\x20-\\x7e]", "?");
  }

  /** The index of the next {@code '\n'} at or after {@link #pos}, reading more as needed. */
  int lineEnd(long deadline, boolean firstByte) throws IOException {
    int scanned = pos;
    while (true) {
      for (int i = scanned; i < limit; i++) {
        if (buffer[i] == '\n') {
          return i;
        }
      }
      scanned = limit;
      if (limit - pos >= MAX_HEAD_BYTES) {
        throw new ProtocolException("response line over " + MAX_HEAD_BYTES + " bytes");
      }
      int before = pos;
      if (fill(deadline) < 0) {
        if (firstByte && limit == pos) {
          throw new EOFException("the server closed the connection without a response");
        }
        throw new EOFException("the server closed the connection in the middle of the response head");
      }
      scanned -= before - pos; // fill may have moved the unread bytes to the buffer's start
    }
  }

  /**
   * Reads more bytes after {@code limit}, first moving unread bytes to the buffer's start or growing it
   * when full. Returns the count read, or -1 at the end of the stream.
   */
  int fill(long deadline) throws IOException {
    if (limit == buffer.length) {
      if (pos > 0) {
        System.arraycopy(buffer, pos, buffer, 0, limit - pos);
        limit -= pos;
        pos = 0;
      } else {
        buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
      }
    }
    soTimeout(deadline);
    int n = in.read(buffer, limit, buffer.length - limit);
    if (n > 0) {
      limit += n;
    }
    return n;
  }

  /** Reads straight into {@code target}, bypassing the buffer (which must be empty). */
  int readDirect(byte[] target, int offset, int length, long deadline) throws IOException {
    soTimeout(deadline);
    return in.read(target, offset, length);
  }

  /** Sets the read timeout to what is left of {@code deadline} ({@link Http1Transport#NO_DEADLINE}: none). */
  private void soTimeout(long deadline) throws IOException {
    int millis = 0;
    if (deadline != Http1Transport.NO_DEADLINE) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new SocketTimeoutException("the attempt timeout passed");
      }
      millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, (left + 999_999) / 1_000_000));
    }
    if (millis != soTimeoutMillis) {
      socket.setSoTimeout(millis);
      soTimeoutMillis = millis;
    }
  }

  /**
   * Whether an idle connection still looks usable: nothing unread and the server has not closed it. Blocks
   * for at most a millisecond.
   */
  boolean isHealthy() {
    if (closed || limit > pos) {
      return false;
    }
    try {
      socket.setSoTimeout(1);
      soTimeoutMillis = 1;
      in.read(buffer, 0, 1); // the end of the stream, or a byte while idle (a protocol error): unusable either way
      return false;
    } catch (SocketTimeoutException expected) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Marks the start of an exchange; returns its number for {@link #abort}. */
  synchronized int begin() {
    active = true;
    return ++exchanges;
  }

  /** Marks the end of the current exchange; false if it was aborted, so that the connection is not reused. */
  synchronized boolean finish() {
    active = false;
    return !closed;
  }

  /** Closes the connection if exchange number {@code exchange} is still in progress on it. */
  synchronized void abort(int exchange) {
    if (active && exchanges == exchange) {
      close();
    }
  }

  /** Closes the socket; a read blocked on it in another thread fails at once. */
  void close() {
    closed = true;
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  /** A response head and how its body is framed. */
  final class Http1Response {
    final int status;
    final Headers headers;
    /** Whether the connection may carry another exchange once the body has been read. */
    final boolean keepAlive;
    /** The body's length, {@link Http1Body#CHUNKED} or {@link Http1Body#UNTIL_CLOSE}. */
    final long length;

    Http1Response(int status, boolean http10, Headers headers, boolean headRequest) throws ProtocolException {
      this.status = status;
      this.headers = headers;
      boolean close = hasToken(headers.all("Connection"), "close");
      boolean noBody = headRequest || status == 204 || status == 304;
      if (noBody) {
        length = 0;
      } else if (headers.contains("Transfer-Encoding")) {
        List<String> codings = headers.all("Transfer-Encoding");
        String last = codings.get(codings.size() - 1);
        length = last.toLowerCase(Locale.ROOT).trim().endsWith("chunked") ? Http1Body.CHUNKED : Http1Body.UNTIL_CLOSE;
      } else if (headers.contains("Content-Length")) {
        length = contentLength(headers.all("Content-Length"));
      } else {
        length = Http1Body.UNTIL_CLOSE;
      }
      keepAlive = length != Http1Body.UNTIL_CLOSE && !close
          && (!http10 || hasToken(headers.all("Connection"), "keep-alive"));
    }

    Http1Connection connection() {
      return Http1Connection.this;
    }
  }

  private static long contentLength(List<String> values) throws ProtocolException {
    long length = -1;
    for (String value : values) {
      for (String part : value.split(",", -1)) {
        long parsed;
        try {
          parsed = Long.parseLong(part.trim());
        } catch (NumberFormatException e) {
          throw new ProtocolException("invalid Content-Length: " + value);
        }
        if (parsed < 0 || (length >= 0 && parsed != length)) {
          throw new ProtocolException("invalid Content-Length: " + values);
        }
        length = parsed;
      }
    }
    return length;
  }

  private static boolean hasToken(List<String> values, String token) {
    for (String value : values) {
      for (String part : value.split(",", -1)) {
        if (part.trim().equalsIgnoreCase(token)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "Http1Connection{" + address.host + ":" + address.port + "}";
  }
}
