package dev.fireworks4j.reliability;

import dev.fireworks4j.core.http.ForwardingTransport;
import dev.fireworks4j.core.http.HttpTransport;
import dev.fireworks4j.core.http.SdkHttpRequest;
import dev.fireworks4j.core.http.SdkHttpResponse;
import dev.fireworks4j.core.http.StreamingHttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The innermost transport of a client under test: counts every attempt the retry layer makes, and the
 * attempts that failed with JDK-8338569's "header parser received no bytes" (which the retry layer then
 * absorbs or surfaces).
 */
final class CountingTransport extends ForwardingTransport {
  static final String JDK_8338569 = "header parser received no bytes";
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
      if (t.getMessage() != null && t.getMessage().contains(JDK_8338569)) {
        noBytes.increment();
        break;
      }
    }
    return failure;
  }
}
