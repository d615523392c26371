package dev.fireworks4j.core.internal;

import dev.fireworks4j.core.ClientOptions;
import dev.fireworks4j.core.http.Http1Transport;
import dev.fireworks4j.core.http.HttpTransport;
import dev.fireworks4j.core.http.JdkHttpTransport;

/**
 * The base transport shared by a client and the clients derived from it, built on first use, so that a
 * client that never sends pays nothing for it.
 */
final class SharedTransport {
  private final ClientOptions options;
  private volatile HttpTransport transport;
  private volatile boolean closed;

  SharedTransport(ClientOptions options) {
    this.options = options;
  }

  HttpTransport get() {
    HttpTransport current = transport;
    if (closed) {
      throw ClientClosed.exception();
    }
    if (current == null) {
      synchronized (this) {
        if (closed) {
          throw ClientClosed.exception();
        }
        current = transport;
        if (current == null) {
          current = create();
          transport = current;
        }
      }
    }
    return current;
  }

  synchronized void close() {
    closed = true;
    if (transport != null) {
      transport.close();
    }
  }

  private HttpTransport create() {
    if (options.transport().isPresent()) {
      return options.transport().get();
    }
    if (options.httpClient().isPresent()) {
      return JdkHttpTransport.using(options.httpClient().get());
    }
    return Http1Transport.create(options.connectTimeout(), options.executor().orElse(null));
  }
}
