package dev.fireworks4j.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.endpoint.RoutingEndpointResolver.Route;
import dev.fireworks4j.core.error.FireworksException;
import dev.fireworks4j.core.json.Json;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Routes each attempt of a call that carries a {@link RoutingContext}: asks the resolver for a route, points
 * the attempt at the route's endpoint (and model), and reports the outcome back, so that a retry above this
 * transport goes to another target. Calls without a context pass through untouched.
 */
public final class RoutingTransport extends ForwardingTransport {
  /** Wraps {@code next}. */
  public RoutingTransport(HttpTransport next) {
    super(next);
  }

  @Override
  public SdkHttpResponse execute(SdkHttpRequest request) {
    return sync(request, next()::execute, RoutedAttempt::completed);
  }

  @Override
  public CompletableFuture<SdkHttpResponse> executeAsync(SdkHttpRequest request) {
    return async(request, next()::executeAsync, RoutedAttempt::completed);
  }

  @Override
  public StreamingHttpResponse stream(SdkHttpRequest request) {
    return sync(request, next()::stream, RoutedAttempt::completesOnClose);
  }

  @Override
  public CompletableFuture<StreamingHttpResponse> streamAsync(SdkHttpRequest request) {
    return async(request, next()::streamAsync, RoutedAttempt::completesOnClose);
  }

  private static <R extends ResponseHead> R sync(
      SdkHttpRequest request, Function<SdkHttpRequest, R> send, BiFunction<RoutedAttempt, R, R> responded) {
    if (request.routing().isEmpty()) {
      return send.apply(request);
    }
    RoutedAttempt attempt = RoutedAttempt.begin(request, request.routing().get());
    R response;
    try {
      response = send.apply(attempt.request);
    } catch (RuntimeException e) {
      attempt.failed(e);
      throw e;
    }
    return responded.apply(attempt, response);
  }

  private static <R extends ResponseHead> CompletableFuture<R> async(SdkHttpRequest request,
      Function<SdkHttpRequest, CompletableFuture<R>> send, BiFunction<RoutedAttempt, R, R> responded) {
    if (request.routing().isEmpty()) {
      return send.apply(request);
    }
    RoutedAttempt attempt;
    try {
      attempt = RoutedAttempt.begin(request, request.routing().get());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return send.apply(attempt.request).handle((response, failure) -> {
      if (failure != null) {
        attempt.failed(failure);
        throw failure instanceof CompletionException ? (CompletionException) failure
            : new CompletionException(failure);
      }
      return responded.apply(attempt, response);
    });
  }

  /** One attempt pointed at its route, with the reporting of its outcome. */
  private static final class RoutedAttempt {
    private final RoutingContext context;
    private final Route route;
    private final SdkHttpRequest request;

    private RoutedAttempt(RoutingContext context, Route route, SdkHttpRequest request) {
      this.context = context;
      this.route = route;
      this.request = request;
    }

    /** Routes the attempt; if pointing it at the route fails, the route is released before that is thrown. */
    static RoutedAttempt begin(SdkHttpRequest request, RoutingContext context) {
      Route route = context.resolver().route(context.plane(), context.model(), context.avoid());
      try {
        return new RoutedAttempt(context, route, pointAt(request, context, route));
      } catch (RuntimeException e) {
        route.onFailure(e);
        throw e;
      }
    }

    void failed(Throwable failure) {
      context.avoid().add(route.target());
      route.onFailure(failure);
    }

    <R extends ResponseHead> R completed(R response) {
      responded(response);
      route.onComplete();
      return response;
    }

    StreamingHttpResponse completesOnClose(StreamingHttpResponse response) {
      responded(response);
      AtomicBoolean completed = new AtomicBoolean();
      InputStream body = new FilterInputStream(response.body()) {
        @Override
        public void close() throws IOException {
          try {
            super.close();
          } finally {
            if (completed.compareAndSet(false, true)) {
              route.onComplete();
            }
          }
        }
      };
      return new StreamingHttpResponse(response.status(), response.headers(), body);
    }

    private void responded(ResponseHead response) {
      route.onResponse(response.status(), response.headers());
      if (!response.isSuccess()) {
        context.avoid().add(route.target());
      }
    }

    private static SdkHttpRequest pointAt(SdkHttpRequest request, RoutingContext context, Route route) {
      ApiKey credential = route.endpoint().credential().orElseGet(context::defaultCredential);
      SdkHttpRequest.Builder routed = request.toBuilder()
          .uri(route.endpoint().resolve(context.pathAndQuery()))
          .credential(credential);
      if (!route.model().equals(context.model()) && request.body().isPresent()) {
        routed.body(withModel(request.body().get(), route.model()));
      }
      return routed.build();
    }

    private static byte[] withModel(byte[] body, String model) {
      try {
        JsonNode tree = Json.mapper().readTree(body);
        if (!(tree instanceof ObjectNode)) {
          return body;
        }
        ((ObjectNode) tree).put("model", model);
        return Json.mapper().writeValueAsBytes(tree);
      } catch (IOException e) {
        throw new FireworksException("could not set the routed model in the request body", e);
      }
    }
  }
}
