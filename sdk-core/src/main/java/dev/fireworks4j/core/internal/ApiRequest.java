package dev.fireworks4j.core.internal;

import dev.fireworks4j.core.RequestOptions;
import dev.fireworks4j.core.endpoint.Plane;
import dev.fireworks4j.core.http.Headers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One API call before endpoint resolution: plane, method, path, query, body. For SDK modules, not users. */
public final class ApiRequest {
  private final Plane plane;
  private final String method;
  private final String path;
  private final Map<String, String> query;
  private final String queryOrder;
  private final Object body;
  private final String model;
  private final boolean idempotent;
  private final RequestOptions options;
  private final Headers headers;

  private ApiRequest(Builder b) {
    this.plane = Objects.requireNonNull(b.plane, "plane");
    this.method = Objects.requireNonNull(b.method, "method");
    this.path = Objects.requireNonNull(b.path, "path");
    this.query = Map.copyOf(b.query);
    this.queryOrder = String.join("&", b.queryParts());
    this.body = b.body;
    this.model = b.model;
    this.idempotent = b.idempotent;
    this.options = b.options;
    this.headers = b.headers.build();
  }

  /** A builder for a call on {@code plane}. */
  public static Builder builder(Plane plane, String method, String path) {
    return new Builder(plane, method, path);
  }

  /** The plane. */
  public Plane plane() {
    return plane;
  }

  /** The HTTP method. */
  public String method() {
    return method;
  }

  /** The path relative to the plane's base URL, starting with {@code /}. */
  public String path() {
    return path;
  }

  /** The query parameters (unencoded). */
  public Map<String, String> query() {
    return query;
  }

  /** The path with its encoded query string. */
  public String pathAndQuery() {
    return queryOrder.isEmpty() ? path : path + "?" + queryOrder;
  }

  /** The body: a value to serialise as JSON, or raw {@code byte[]}. */
  public Optional<Object> body() {
    return Optional.ofNullable(body);
  }

  /** The inference {@code model}, for endpoint resolution. */
  public Optional<String> model() {
    return Optional.ofNullable(model);
  }

  /** Whether repeating the call after it may have reached the server is safe. */
  public boolean idempotent() {
    return idempotent;
  }

  /** Per-call overrides. */
  public RequestOptions options() {
    return options;
  }

  /** Headers of this call. */
  public Headers headers() {
    return headers;
  }

  @Override
  public String toString() {
    return method + " " + plane + " " + pathAndQuery();
  }

  /** Builds an {@link ApiRequest}. */
  public static final class Builder {
    private final Plane plane;
    private final String method;
    private final String path;
    private final LinkedHashMap<String, String> query = new LinkedHashMap<>();
    private Object body;
    private String model;
    private boolean idempotent = true;
    private RequestOptions options = RequestOptions.none();
    private final Headers.Builder headers = Headers.builder();

    private Builder(Plane plane, String method, String path) {
      this.plane = plane;
      this.method = method;
      this.path = path;
    }

    /** Adds a query parameter; {@code null} values are skipped. */
    public Builder query(String name, Object value) {
      if (value != null) {
        query.put(name, value.toString());
      }
      return this;
    }

    /** Sets the body. */
    public Builder body(Object body) {
      this.body = body;
      return this;
    }

    /** Sets the inference model, used to resolve the endpoint. */
    public Builder model(String model) {
      this.model = model;
      return this;
    }

    /** Marks whether the call is safe to repeat (default true). */
    public Builder idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    /** Sets per-call overrides. */
    public Builder options(RequestOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /** Sets a header of this call. */
    public Builder header(String name, String value) {
      headers.set(name, value);
      return this;
    }

    /** The request. */
    public ApiRequest build() {
      return new ApiRequest(this);
    }

    private Iterable<String> queryParts() {
      return () -> query.entrySet().stream()
          .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
          .iterator();
    }

    private static String encode(String text) {
      return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
  }
}
