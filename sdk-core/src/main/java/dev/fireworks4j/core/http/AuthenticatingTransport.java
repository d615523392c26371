package dev.fireworks4j.core.http;

import dev.fireworks4j.core.error.ConfigurationException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Refuses to send a credential over plain {@code http://} to a host that is not loopback, unless the
 * client explicitly allows it. (The credential itself becomes the {@code Authorization} header only in the
 * innermost transport, so no decorator or log ever holds it as a header.)
 */
public final class AuthenticatingTransport extends ForwardingTransport {
  private final boolean allowInsecureHttp;

  /** Wraps {@code next}; {@code allowInsecureHttp} permits credentials over plain http to any host. */
  public AuthenticatingTransport(HttpTransport next, boolean allowInsecureHttp) {
    super(next);
    this.allowInsecureHttp = allowInsecureHttp;
  }

  @Override
  public SdkHttpResponse execute(SdkHttpRequest request) {
    check(request);
    return next().execute(request);
  }

  @Override
  public CompletableFuture<SdkHttpResponse> executeAsync(SdkHttpRequest request) {
    check(request);
    return next().executeAsync(request);
  }

  @Override
  public StreamingHttpResponse stream(SdkHttpRequest request) {
    check(request);
    return next().stream(request);
  }

  @Override
  public CompletableFuture<StreamingHttpResponse> streamAsync(SdkHttpRequest request) {
    check(request);
    return next().streamAsync(request);
  }

  private void check(SdkHttpRequest request) {
    URI uri = request.uri();
    if (request.credential().isPresent() && !allowInsecureHttp
        && "http".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost())) {
      throw new ConfigurationException("refusing to send the API key over plain http to " + uri.getHost()
          + "; use https, or allow it explicitly with ClientOptions.Builder.allowInsecureHttp(true)");
    }
  }

  /** Loopback by name or literal address only: no DNS lookup on the request path. */
  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (!isIpv4Literal(h) && h.indexOf(':') < 0) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress(); // a literal address: parsed, not looked up
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean isIpv4Literal(String host) {
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if ((c < '0' || c > '9') && c != '.') {
        return false;
      }
    }
    return !host.isEmpty();
  }
}
