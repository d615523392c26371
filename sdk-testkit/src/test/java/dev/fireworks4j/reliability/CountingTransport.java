package dev.fireworks4j.reliability;

import dev.fireworks4j.core.http.ForwardingTransport;
import dev.fireworks4j.core.http.HttpTransport;
import dev.fireworks4j.core.http.SdkHttpRequest;
import dev.fireworks4j.core.http.SdkHttpResponse;
import dev.fireworks4j.core.http.StreamingHttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The innermost transport of a client under test: counts every attempt the retry layer makes, and the
 * attempts that got no response byte at all (JDK-8338569's "header parser received no bytes" on the JDK
 * client, a connection closed without a response on the default transport), which the retry layer then
 * absorbs or surfaces.
 */
final class CountingTransport extends ForwardingTransport {
  private static final List<String> NO_RESPONSE =
      List.of("header parser received no bytes", "closed the connection without a response");
  private final AtomicInteger attempts = new AtomicInteger();
  private final LongAdder noBytes = new LongAdder();

  CountingTransport(HttpTransport next) {
    super(next);
  }

  int attempts() {
    return attempts.get();
  }

  long noBytesFailures() {
    return noBytes.sum();
  }

  @Override
  public SdkHttpResponse execute(SdkHttpRequest request) {
    attempts.incrementAndGet();
    try {
      return next().execute(request);
    } catch (RuntimeException e) {
      throw noted(e);
    }
  }

  @Override
  public CompletableFuture<SdkHttpResponse> executeAsync(SdkHttpRequest request) {
    attempts.incrementAndGet();
    return next().executeAsync(request).whenComplete((response, failure) -> noted(failure));
  }

  @Override
  public StreamingHttpResponse stream(SdkHttpRequest request) {
    attempts.incrementAndGet();
    try {
      return next().stream(request);
    } catch (RuntimeException e) {
      throw noted(e);
    }
  }

  @Override
  public CompletableFuture<StreamingHttpResponse> streamAsync(SdkHttpRequest request) {
    attempts.incrementAndGet();
    return next().streamAsync(request).whenComplete((response, failure) -> noted(failure));
  }

  private <T extends Throwable> T noted(T failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && NO_RESPONSE.stream().anyMatch(message::contains)) {
        noBytes.increment();
        break;
      }
    }
    return failure;
  }
}
