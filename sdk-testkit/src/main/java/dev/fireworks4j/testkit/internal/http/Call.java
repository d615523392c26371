package dev.fireworks4j.testkit.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.fireworks4j.testkit.internal.json.JsonSupport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One HTTP request being served: its method, path, query, headers and body, and the ways to answer it. */
public final class Call {
  private final HttpExchange exchange;
  private final String path;
  private final Map<String, String> query;
  private byte[] body;
  private boolean responded;

  Call(HttpExchange exchange) {
    this.exchange = exchange;
    this.path = exchange.getRequestURI().getRawPath();
    this.query = parseQuery(exchange.getRequestURI().getRawQuery());
  }

  /** The HTTP method, upper case. */
  public String method() {
    return exchange.getRequestMethod().toUpperCase(Locale.ROOT);
  }

  /** The raw (still percent-encoded) request path. */
  public String path() {
    return path;
  }

  /** A decoded query parameter (the first when repeated), or {@code null}. */
  public String query(String name) {
    return query.get(name);
  }

  /** A request header, or {@code null}. */
  public String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  /** The bearer token of the {@code Authorization} header, or {@code null} when there is none. */
  public String bearerToken() {
    String value = header("Authorization");
    if (value == null || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = value.substring(7).strip();
    return token.isEmpty() ? null : token;
  }

  /** The request body, read once. */
  public byte[] body() throws IOException {
    if (body == null) {
      body = exchange.getRequestBody().readAllBytes();
    }
    return body;
  }

  /** Whether a response has been started. */
  public boolean responded() {
    return responded;
  }

  /** Sends a complete JSON response with extra headers. */
  public void respond(int status, JsonNode json, Map<String, String> headers) throws IOException {
    body();
    byte[] bytes = JsonSupport.bytes(json);
    headers.forEach(exchange.getResponseHeaders()::set);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    responded = true;
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Sends a complete JSON response. */
  public void respond(int status, JsonNode json) throws IOException {
    respond(status, json, Map.of());
  }

  /** Starts a {@code text/event-stream} response of unknown length; the caller writes and closes it. */
  public OutputStream startEventStream(Map<String, String> headers) throws IOException {
    body();
    headers.forEach(exchange.getResponseHeaders()::set);
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    responded = true;
    exchange.sendResponseHeaders(200, 0);
    return exchange.getResponseBody();
  }

  /**
   * Drops the connection without a complete response: nothing at all if no response was started, otherwise an
   * unterminated body. It never returns normally.
   */
  public void dropConnection() {
    responded = true;
    throw new DroppedConnection();
  }

  private static Map<String, String> parseQuery(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.putIfAbsent(name, value);
    }
    return params;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  /** Thrown to make the server close the connection abruptly. */
  static final class DroppedConnection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DroppedConnection() {
      super("connection dropped on purpose", null, false, false);
    }
  }
}
