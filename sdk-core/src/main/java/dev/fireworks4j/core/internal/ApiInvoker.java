package dev.fireworks4j.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.fireworks4j.core.ClientOptions;
import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.endpoint.Endpoint;
import dev.fireworks4j.core.endpoint.EndpointResolver;
import dev.fireworks4j.core.endpoint.RoutingEndpointResolver;
import dev.fireworks4j.core.error.ApiException;
import dev.fireworks4j.core.error.FireworksException;
import dev.fireworks4j.core.error.InvalidResponseException;
import dev.fireworks4j.core.http.ApiResponse;
import dev.fireworks4j.core.http.AuthenticatingTransport;
import dev.fireworks4j.core.http.ForwardingTransport;
import dev.fireworks4j.core.http.HttpTransport;
import dev.fireworks4j.core.http.LoggingTransport;
import dev.fireworks4j.core.http.RoutingContext;
import dev.fireworks4j.core.http.RoutingTransport;
import dev.fireworks4j.core.http.SdkHttpRequest;
import dev.fireworks4j.core.http.SdkHttpResponse;
import dev.fireworks4j.core.http.StreamingHttpResponse;
import dev.fireworks4j.core.json.Json;
import dev.fireworks4j.core.retry.RetryingTransport;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Sends {@link ApiRequest}s: resolves the endpoint and credential, serialises the body, runs the transport
 * chain (retry → per-attempt routing → auth check → logging → HTTP), maps error statuses to typed exceptions and parses success
 * bodies. Shared by the resource clients of every module; not part of the user API.
 */
public final class ApiInvoker implements AutoCloseable {
  /** The most of an error body read from a failed stream. */
  private static final int MAX_ERROR_BODY = 64 * 1024;
  private final ClientOptions options;
  private final SharedTransport shared;
  private final boolean ownsTransport;
  private volatile HttpTransport chain;

  private ApiInvoker(ClientOptions options, SharedTransport shared, boolean ownsTransport) {
    this.options = options;
    this.shared = shared;
    this.ownsTransport = ownsTransport;
  }

  /** An invoker with its own transport, built on first use and released by {@link #close()}. */
  public static ApiInvoker create(ClientOptions options) {
    return new ApiInvoker(options, new SharedTransport(options), true);
  }

  /** An invoker with other options that shares this one's transport; closing it leaves the transport open. */
  public ApiInvoker withOptions(ClientOptions newOptions) {
    return new ApiInvoker(newOptions, shared, false);
  }

  /** The options. */
  public ClientOptions options() {
    return options;
  }

  /** The SDK's JSON mapper (built on first use: a client that never needs it never pays for it). */
  public ObjectMapper mapper() {
    return Json.mapper();
  }

  /** Sends the call and parses a success body as {@code type}. */
  public <T> ApiResponse<T> execute(ApiRequest request, Class<T> type) {
    return execute(request, TypeFactory.defaultInstance().constructType(type));
  }

  /** Sends the call and parses a success body as {@code type}. */
  public <T> ApiResponse<T> execute(ApiRequest request, TypeReference<T> type) {
    return execute(request, TypeFactory.defaultInstance().constructType(type));
  }

  /** Sends the call and parses a success body as {@code type}. */
  public <T> ApiResponse<T> execute(ApiRequest request, JavaType type) {
    SdkHttpRequest http = toHttp(request);
    return parse(chain().execute(http), type);
  }

  /** Sends the call and reads a success body with {@code reader}; {@code type} names the value in errors. */
  public <T> ApiResponse<T> execute(ApiRequest request, Class<T> type, BodyReader<T> reader) {
    return parse(chain().execute(toHttp(request)), type, reader);
  }

  /** Like {@link #execute(ApiRequest, Class)} without blocking. */
  public <T> CompletableFuture<ApiResponse<T>> executeAsync(ApiRequest request, Class<T> type) {
    return executeAsync(request, TypeFactory.defaultInstance().constructType(type));
  }

  /** Like {@link #execute(ApiRequest, TypeReference)} without blocking. */
  public <T> CompletableFuture<ApiResponse<T>> executeAsync(ApiRequest request, TypeReference<T> type) {
    return executeAsync(request, TypeFactory.defaultInstance().constructType(type));
  }

  /** Like {@link #execute(ApiRequest, JavaType)} without blocking. */
  public <T> CompletableFuture<ApiResponse<T>> executeAsync(ApiRequest request, JavaType type) {
    return sendAsync(request, r -> parse(r, type));
  }

  /** Like {@link #execute(ApiRequest, Class, BodyReader)} without blocking. */
  public <T> CompletableFuture<ApiResponse<T>> executeAsync(ApiRequest request, Class<T> type, BodyReader<T> reader) {
    return sendAsync(request, r -> parse(r, type, reader));
  }

  /** Sends the call and returns once a success status arrived; an error status throws its typed exception. */
  public StreamingHttpResponse stream(ApiRequest request) {
    return checkStream(chain().stream(toHttp(request)));
  }

  /** Like {@link #stream} without blocking. */
  public CompletableFuture<StreamingHttpResponse> streamAsync(ApiRequest request) {
    CompletableFuture<StreamingHttpResponse> response;
    try {
      response = chain().streamAsync(toHttp(request));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return response.thenApply(this::checkStream);
  }

  /** Releases the transport if this invoker owns it; later calls fail. */
  @Override
  public void close() {
    if (ownsTransport) {
      shared.close();
    }
  }

  private HttpTransport chain() {
    HttpTransport current = chain;
    if (current == null) {
      HttpTransport base = new Unclosable(shared.get());
      current = new RetryingTransport(
          new RoutingTransport(
              new AuthenticatingTransport(new LoggingTransport(base), options.allowInsecureHttp())),
          options.retryPolicy());
      chain = current;
    }
    return current;
  }

  private <T> CompletableFuture<T> sendAsync(ApiRequest request, Function<SdkHttpResponse, T> parse) {
    CompletableFuture<SdkHttpResponse> response;
    try {
      response = chain().executeAsync(toHttp(request));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return response.thenApply(parse);
  }

  private SdkHttpRequest toHttp(ApiRequest request) {
    EndpointResolver resolver = options.endpoints();
    String model = request.model().orElse(null);
    Endpoint endpoint = resolver.resolve(request.plane(), model);
    RoutingContext routing = null;
    ApiKey credential;
    if (resolver instanceof RoutingEndpointResolver && model != null) {
      routing = new RoutingContext((RoutingEndpointResolver) resolver, request.plane(), model,
          request.pathAndQuery(), options::requireApiKey);
      credential = endpoint.credential().or(options::apiKey).orElse(null);
    } else {
      credential = endpoint.credential().orElseGet(options::requireApiKey);
    }
    SdkHttpRequest.Builder http = SdkHttpRequest.builder()
        .routing(routing)
        .method(request.method())
        .uri(endpoint.resolve(request.pathAndQuery()))
        .header("User-Agent", options.userAgent())
        .header("Accept", "application/json")
        .headers(options.headers())
        .headers(request.headers())
        .headers(request.options().headers())
        .credential(credential)
        .idempotent(request.idempotent())
        .attemptTimeout(request.options().timeout().orElse(options.timeout()))
        .totalTimeout(request.options().totalTimeout().orElse(options.totalTimeout().orElse(null)))
        .maxRetries(request.options().maxRetries().orElse(null));
    if (request.body().isPresent()) {
      http.header("Content-Type", "application/json").body(serialise(request.body().get()));
    }
    return http.build();
  }

  private byte[] serialise(Object body) {
    if (body instanceof byte[]) {
      return (byte[]) body;
    }
    try {
      return Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new FireworksException("could not serialise the request body: " + e.getOriginalMessage(), e);
    }
  }

  private <T> ApiResponse<T> parse(SdkHttpResponse response, JavaType type) {
    if (response.isSuccess() && type.getRawClass() == Void.class) {
      return new ApiResponse<>(response.status(), response.headers(), null);
    }
    return parse(response, type.getRawClass(), body -> Json.mapper().readValue(body, type));
  }

  private <T> ApiResponse<T> parse(SdkHttpResponse response, Class<?> type, BodyReader<T> reader) {
    if (!response.isSuccess()) {
      throw ApiException.of(response.status(), response.headers(), response.bodyText());
    }
    try {
      T value = reader.read(response.body());
      if (value == null) {
        throw new InvalidResponseException("the response body is empty or null", response.status(),
            response.requestId().orElse(null), null);
      }
      return new ApiResponse<>(response.status(), response.headers(), value);
    } catch (IOException e) {
      throw new InvalidResponseException("could not read the response body as " + type.getSimpleName()
          + ": " + (e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage()
              : e.getMessage()), response.status(), response.requestId().orElse(null), e);
    }
  }

  private StreamingHttpResponse checkStream(StreamingHttpResponse response) {
    if (response.isSuccess()) {
      return response;
    }
    String body;
    try {
      body = response.readTextAndClose(MAX_ERROR_BODY);
    } catch (RuntimeException e) {
      body = "";
    }
    throw ApiException.of(response.status(), response.headers(), body);
  }

  /** Keeps a derived client's decorators from closing the shared transport. */
  private static final class Unclosable extends ForwardingTransport {
    Unclosable(HttpTransport next) {
      super(next);
    }

    @Override
    public SdkHttpResponse execute(SdkHttpRequest request) {
      return next().execute(request);
    }

    @Override
    public CompletableFuture<SdkHttpResponse> executeAsync(SdkHttpRequest request) {
      return next().executeAsync(request);
    }

    @Override
    public StreamingHttpResponse stream(SdkHttpRequest request) {
      return next().stream(request);
    }

    @Override
    public CompletableFuture<StreamingHttpResponse> streamAsync(SdkHttpRequest request) {
      return next().streamAsync(request);
    }

    @Override
    public void close() {
      // the SharedTransport owns the lifecycle
    }
  }
}
