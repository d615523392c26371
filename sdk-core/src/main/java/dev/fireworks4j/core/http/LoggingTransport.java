package dev.fireworks4j.core.http;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each attempt through slf4j (logger {@code dev.fireworks4j.http}): request line, status, attempt and
 * latency at DEBUG; headers at TRACE, where only allow-listed header values are shown. Bodies and
 * credentials are never logged.
 */
public final class LoggingTransport extends ForwardingTransport {
  private static final Logger LOG = LoggerFactory.getLogger("dev.fireworks4j.http");
  private static final Set<String> SAFE_HEADERS = Set.of(
      "accept", "content-type", "content-length", "content-encoding", "user-agent", "date",
      "x-request-id", "retry-after", "retry-after-ms", "x-should-retry", "transfer-encoding");
  private static final String[] SAFE_PREFIXES = {"fireworks-", "x-ratelimit-"};

  /** Wraps {@code next}. */
  public LoggingTransport(HttpTransport next) {
    super(next);
  }

  @Override
  public SdkHttpResponse execute(SdkHttpRequest request) {
    long start = before(request);
    try {
      return after(request, next().execute(request), start);
    } catch (RuntimeException e) {
      throw failed(request, e, start);
    }
  }

  @Override
  public CompletableFuture<SdkHttpResponse> executeAsync(SdkHttpRequest request) {
    long start = before(request);
    return next().executeAsync(request).whenComplete((response, failure) -> complete(request, response, failure, start));
  }

  @Override
  public StreamingHttpResponse stream(SdkHttpRequest request) {
    long start = before(request);
    try {
      return after(request, next().stream(request), start);
    } catch (RuntimeException e) {
      throw failed(request, e, start);
    }
  }

  @Override
  public CompletableFuture<StreamingHttpResponse> streamAsync(SdkHttpRequest request) {
    long start = before(request);
    return next().streamAsync(request).whenComplete((response, failure) -> complete(request, response, failure, start));
  }

  private static long before(SdkHttpRequest request) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("--> {} {} (attempt {})", request.method(), request.uri(), request.attempt());
      if (LOG.isTraceEnabled()) {
        request.headers().forEach((name, value) -> LOG.trace("--> {}: {}", name, safeValue(name, value)));
        request.credential().ifPresent(key -> LOG.trace("--> Authorization: <redacted>"));
      }
    }
    return System.nanoTime();
  }

  private static <R extends ResponseHead> R after(SdkHttpRequest request, R response, long start) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("<-- {} {} {} ({} ms, attempt {}, request id {})", response.status(), request.method(),
          request.uri(), elapsedMillis(start), request.attempt(), response.requestId().orElse("-"));
      if (LOG.isTraceEnabled()) {
        response.headers().forEach((name, value) -> LOG.trace("<-- {}: {}", name, safeValue(name, value)));
      }
    }
    return response;
  }

  private static RuntimeException failed(SdkHttpRequest request, RuntimeException failure, long start) {
    logFailure(request, failure, start);
    return failure;
  }

  private static void logFailure(SdkHttpRequest request, Throwable failure, long start) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("<-- failed {} {} ({} ms, attempt {}): {}", request.method(), request.uri(), elapsedMillis(start),
          request.attempt(), failure.getClass().getSimpleName());
    }
  }

  private static void complete(SdkHttpRequest request, ResponseHead response, Throwable failure, long start) {
    if (failure == null) {
      after(request, response, start);
    } else {
      logFailure(request, failure, start);
    }
  }

  /** The value when the header is allow-listed, else a placeholder. */
  static String safeValue(String name, String value) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (SAFE_HEADERS.contains(lower)) {
      return value;
    }
    for (String prefix : SAFE_PREFIXES) {
      if (lower.startsWith(prefix)) {
        return value;
      }
    }
    return "<redacted>";
  }

  private static long elapsedMillis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
