package dev.fireworks4j.inference.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.fireworks4j.core.RequestOptions;
import dev.fireworks4j.core.endpoint.Plane;
import dev.fireworks4j.core.error.FireworksException;
import dev.fireworks4j.core.http.ApiResponse;
import dev.fireworks4j.core.http.StreamingHttpResponse;
import dev.fireworks4j.core.internal.ApiInvoker;
import dev.fireworks4j.core.internal.ApiRequest;
import dev.fireworks4j.core.internal.BodyReader;
import dev.fireworks4j.inference.GenerationParams;
import dev.fireworks4j.inference.RawResponse;
import dev.fireworks4j.inference.ResponseMetadata;
import dev.fireworks4j.inference.stream.AsyncStreamResponse;
import dev.fireworks4j.inference.stream.StreamResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One inference endpoint ({@code /chat/completions}, {@code /completions}) with its parameter, response
 * and chunk types: writes the parameters once with {@link ParamsWriter}, sends them through the client's
 * {@link ApiInvoker} (endpoint resolution by model, auth, retries before the first byte), and reads the answer
 * whole or as a stream.
 *
 * @param <P> the parameter type
 * @param <R> the response type
 * @param <C> the stream chunk type
 */
public final class InferenceCall<P extends GenerationParams, R, C> {
  private final ApiInvoker invoker;
  private final String path;
  private final Class<R> responseType;
  private final BodyReader<R> responseReader;
  private final Supplier<EventReader<C>> chunkReaders;

  /** The endpoint {@code path} (relative to the inference base URL) on {@code invoker}; all bound by databind. */
  public InferenceCall(ApiInvoker invoker, String path, Class<R> responseType, Class<C> chunkType) {
    this(invoker, path, responseType, body -> invoker.mapper().readValue(body, responseType),
        () -> EventReader.databind(invoker.mapper(), chunkType));
  }

  /**
   * The endpoint {@code path} on {@code invoker}; whole responses are read by {@code responseReader}, and each
   * stream reads chunks with a new one of {@code chunkReaders}.
   */
  public InferenceCall(ApiInvoker invoker, String path, Class<R> responseType, BodyReader<R> responseReader,
      Supplier<EventReader<C>> chunkReaders) {
    this.invoker = Objects.requireNonNull(invoker, "invoker");
    this.path = path;
    this.responseType = responseType;
    this.responseReader = responseReader;
    this.chunkReaders = chunkReaders;
  }

  /** Sends {@code params} and reads the whole response. */
  public RawResponse<R> create(P params, RequestOptions options) {
    ApiResponse<R> response = invoker.execute(request(params, body(params, false), options, false), responseType,
        responseReader);
    return new RawResponse<>(response.value(), ResponseMetadata.of(response));
  }

  /** Like {@link #create} without blocking. */
  public CompletableFuture<RawResponse<R>> createAsync(P params, RequestOptions options) {
    ApiRequest request;
    try {
      request = request(params, body(params, false), options, false);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return invoker.executeAsync(request, responseType, responseReader)
        .thenApply(response -> new RawResponse<>(response.value(), ResponseMetadata.of(response)));
  }

  /** Sends {@code params} with {@code "stream": true} and returns once the response headers arrived. */
  public StreamResponse<C> stream(P params, RequestOptions options) {
    return open(invoker.stream(request(params, body(params, true), options, true)), options);
  }

  /** Like {@link #stream} without blocking; the events go to the handler subscribed to the result. */
  public AsyncStreamResponse<C> streamAsync(P params, RequestOptions options) {
    CompletableFuture<StreamingHttpResponse> response;
    try {
      response = invoker.streamAsync(request(params, body(params, true), options, true));
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

  private byte[] body(P params, boolean stream) {
    try {
      return ParamsWriter.write(Objects.requireNonNull(params, "params"), stream);
    } catch (JsonProcessingException e) {
      throw new FireworksException("could not serialise the request: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new FireworksException("could not serialise the request: " + e.getMessage(), e);
    }
  }
}
