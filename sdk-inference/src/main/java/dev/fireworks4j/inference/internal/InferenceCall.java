package dev.fireworks4j.inference.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fireworks4j.core.RequestOptions;
import dev.fireworks4j.core.endpoint.Plane;
import dev.fireworks4j.core.error.FireworksException;
import dev.fireworks4j.core.http.ApiResponse;
import dev.fireworks4j.core.http.StreamingHttpResponse;
import dev.fireworks4j.core.internal.ApiInvoker;
import dev.fireworks4j.core.internal.ApiRequest;
import dev.fireworks4j.inference.GenerationParams;
import dev.fireworks4j.inference.RawResponse;
import dev.fireworks4j.inference.ResponseMetadata;
import dev.fireworks4j.inference.stream.AsyncStreamResponse;
import dev.fireworks4j.inference.stream.StreamResponse;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One inference endpoint ({@code /chat/completions}, {@code /completions}) with its parameter, response
 * and chunk types: serialises the parameters once, sends them through the client's {@link ApiInvoker}
 * (endpoint resolution by model, auth, retries before the first byte), and reads the answer whole or as a
 * stream.
 *
 * @param <P> the parameter type
 * @param <R> the response type
 * @param <C> the stream chunk type
 */
public final class InferenceCall<P extends GenerationParams, R, C> {
  private static final byte[] STREAM_FIELD = "{\"stream\":true,".getBytes(StandardCharsets.US_ASCII);

  private final ApiInvoker invoker;
  private final String path;
  private final ObjectWriter writer;
  private final Class<R> responseType;
  private final Supplier<EventReader<C>> chunkReaders;

  /** The endpoint {@code path} (relative to the inference base URL) on {@code invoker}; chunks bound by databind. */
  public InferenceCall(ApiInvoker invoker, String path, Class<P> paramsType, Class<R> responseType,
      Class<C> chunkType) {
    this(invoker, path, paramsType, responseType, () -> EventReader.databind(invoker.mapper(), chunkType));
  }

  /** The endpoint {@code path} on {@code invoker}; each stream reads chunks with a new one of {@code chunkReaders}. */
  public InferenceCall(ApiInvoker invoker, String path, Class<P> paramsType, Class<R> responseType,
      Supplier<EventReader<C>> chunkReaders) {
    this.invoker = Objects.requireNonNull(invoker, "invoker");
    this.path = path;
    // no eager fetch: building a (de)serializer costs milliseconds in a cold JVM, and most applications use
    // one endpoint, one way; the mapper caches what the first call builds
    this.writer = invoker.mapper().writer().without(SerializationFeature.EAGER_SERIALIZER_FETCH).forType(paramsType);
    this.responseType = responseType;
    this.chunkReaders = chunkReaders;
  }

  /** Sends {@code params} and reads the whole response. */
  public RawResponse<R> create(P params, RequestOptions options) {
    ApiResponse<R> response = invoker.execute(request(params, body(params), options, false), responseType);
    return new RawResponse<>(response.value(), ResponseMetadata.of(response));
  }

  /** Like {@link #create} without blocking. */
  public CompletableFuture<RawResponse<R>> createAsync(P params, RequestOptions options) {
    ApiRequest request;
    try {
      request = request(params, body(params), options, false);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return invoker.executeAsync(request, responseType)
        .thenApply(response -> new RawResponse<>(response.value(), ResponseMetadata.of(response)));
  }

  /** Sends {@code params} with {@code "stream": true} and returns once the response headers arrived. */
  public StreamResponse<C> stream(P params, RequestOptions options) {
    return open(invoker.stream(request(params, streamingBody(params), options, true)), options);
  }

  /** Like {@link #stream} without blocking; the events go to the handler subscribed to the result. */
  public AsyncStreamResponse<C> streamAsync(P params, RequestOptions options) {
    CompletableFuture<StreamingHttpResponse> response;
    try {
      response = invoker.streamAsync(request(params, streamingBody(params), options, true));
    } catch (RuntimeException e) {
      response = CompletableFuture.failedFuture(e);
    }
    return new AsyncSseStream<>(response, opened -> open(opened, options));
  }

  private SseStream<C> open(StreamingHttpResponse response, RequestOptions options) {
    return new SseStream<>(response, chunkReaders.get(),
        options.streamIdleTimeout().orElse(invoker.options().streamIdleTimeout()));
  }

  private ApiRequest request(P params, byte[] body, RequestOptions options, boolean stream) {
    ApiRequest.Builder request = ApiRequest.builder(Plane.INFERENCE, "POST", path)
        .model(params.model())
        .body(body)
        .options(Objects.requireNonNull(options, "options"));
    if (stream) {
      request.header("Accept", "text/event-stream");
    }
    return request.build();
  }

  private byte[] body(P params) {
    try {
      return writer.writeValueAsBytes(Objects.requireNonNull(params, "params"));
    } catch (JsonProcessingException e) {
      throw new FireworksException("could not serialise the request: " + e.getOriginalMessage(), e);
    }
  }

  /** The body with {@code "stream":true} as its first field: the parameters' JSON object is never empty. */
  private byte[] streamingBody(P params) {
    byte[] body = body(params);
    byte[] streaming = new byte[STREAM_FIELD.length + body.length - 1];
    System.arraycopy(STREAM_FIELD, 0, streaming, 0, STREAM_FIELD.length);
    System.arraycopy(body, 1, streaming, STREAM_FIELD.length, body.length - 1);
    return streaming;
  }
}
