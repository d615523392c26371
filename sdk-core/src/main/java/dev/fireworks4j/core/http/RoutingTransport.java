package dev.fireworks4j.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.endpoint.RoutingEndpointResolver.Route;
import dev.fireworks4j.core.error.ConfigurationException;
import dev.fireworks4j.core.error.FireworksException;
import dev.fireworks4j.core.json.Json;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

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
    if (request.routing().isEmpty()) {
      return next().execute(request);
    }
    RoutingContext context = request.routing().get();
    Route route = route(context);
    SdkHttpRequest routed = rewrite(request, context, route);
    SdkHttpResponse response;
    try {
      response = next().execute(routed);
    } catch (RuntimeException e) {
      failed(context, route, e);
      throw e;
    }
    responded(context, route, response);
    route.onComplete();
    return response;
  }

  @Override
  public CompletableFuture<SdkHttpResponse> executeAsync(SdkHttpRequest request) {
    if (request.routing().isEmpty()) {
      return next().executeAsync(request);
    }
    RoutingContext context = request.routing().get();
    Route route;
    SdkHttpRequest routed;
    try {
      route = route(context);
      routed = rewrite(request, context, route);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return next().executeAsync(routed).whenComplete((response, failure) -> {
      if (failure != null) {
        failed(context, route, failure);
      } else {
        responded(context, route, response);
        route.onComplete();
      }
    });
  }

  @Override
  public StreamingHttpResponse stream(SdkHttpRequest request) {
    if (request.routing().isEmpty()) {
      return next().stream(request);
    }
    RoutingContext context = request.routing().get();
    Route route = route(context);
    SdkHttpRequest routed = rewrite(request, context, route);
    StreamingHttpResponse response;
    try {
      response = next().stream(routed);
    } catch (RuntimeException e) {
      failed(context, route, e);
      throw e;
    }
    return completeOnClose(context, route, response);
  }

  @Override
  public CompletableFuture<StreamingHttpResponse> streamAsync(SdkHttpRequest request) {
    if (request.routing().isEmpty()) {
      return next().streamAsync(request);
    }
    RoutingContext context = request.routing().get();
    Route route;
    SdkHttpRequest routed;
    try {
      route = route(context);
      routed = rewrite(request, context, route);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return next().streamAsync(routed).handle((response, failure) -> {
      if (failure != null) {
        failed(context, route, failure);
        throw failure instanceof RuntimeException ? (RuntimeException) failure
            : new java.util.concurrent.CompletionException(failure);
      }
      return completeOnClose(context, route, response);
    });
  }

  private static Route route(RoutingContext context) {
    return context.resolver().route(context.plane(), context.model(), context.avoid());
  }

  /** The attempt pointed at {@code route}; if that fails the route is released before the failure is thrown. */
  private static SdkHttpRequest rewrite(SdkHttpRequest request, RoutingContext context, Route route) {
    try {
      return pointAt(request, context, route);
    } catch (RuntimeException e) {
      route.onFailure(e);
      throw e;
    }
  }

  private static SdkHttpRequest pointAt(SdkHttpRequest request, RoutingContext context, Route route) {
    ApiKey credential = route.endpoint().credential().or(context::defaultCredential).orElseThrow(() ->
        new ConfigurationException("no API key configured: set the FIREWORKS_API_KEY environment variable or call"
            + " ClientOptions.Builder.apiKey(...)"));
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

  private static void responded(RoutingContext context, Route route, ResponseHead response) {
    route.onResponse(response.status(), response.headers());
    if (!response.isSuccess()) {
      context.avoid().add(route.target());
    }
  }

  private static void failed(RoutingContext context, Route route, Throwable failure) {
    context.avoid().add(route.target());
    route.onFailure(failure);
  }

  private static StreamingHttpResponse completeOnClose(
      RoutingContext context, Route route, StreamingHttpResponse response) {
    responded(context, route, response);
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
}
