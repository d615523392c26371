package dev.fireworks4j.core.http;

import dev.fireworks4j.core.internal.ClientClosed;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;

/**
 * Keep-alive connections by address. The most recently used idle connection is reused first (its socket is
 * the likeliest still open); one idle for the keep-alive time is closed, and one idle longer than
 * a second (by default) is checked before reuse, so that a connection the server closed meanwhile is not written to.
 */
final class ConnectionPool {
  /** Idle time after which a connection is checked for a close by the server before reuse. */
  static final long CHECK_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final int connectTimeoutMillis;
  private final long keepAliveNanos;
  private final int maxIdlePerAddress;
  private final long checkAfterNanos;
  private final Supplier<SSLSocketFactory> tls;
  private final ConcurrentHashMap<Http1Connection.Address, ArrayDeque<Http1Connection>> idle = new ConcurrentHashMap<>();
  /** Every open connection, idle or in use, so that {@link #close()} can end them all. */
  private final Set<Http1Connection> open = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean sweepScheduled = new AtomicBoolean();
  private volatile boolean closed;

  ConnectionPool(int connectTimeoutMillis, long keepAliveNanos, int maxIdlePerAddress, long checkAfterNanos,
      Supplier<SSLSocketFactory> tls) {
    this.connectTimeoutMillis = connectTimeoutMillis;
    this.keepAliveNanos = keepAliveNanos;
    this.maxIdlePerAddress = maxIdlePerAddress;
    this.checkAfterNanos = checkAfterNanos;
    this.tls = tls;
  }

  /** An idle connection to {@code address} that still looks usable, or null. */
  Http1Connection reuse(Http1Connection.Address address) {
    ArrayDeque<Http1Connection> connections = idle.get(address);
    if (connections == null) {
      return null;
    }
    while (true) {
      Http1Connection connection;
      synchronized (connections) {
        connection = connections.pollFirst();
      }
      if (connection == null) {
        return null;
      }
      long idleNanos = System.nanoTime() - connection.idleSinceNanos;
      if (idleNanos < checkAfterNanos || (idleNanos < keepAliveNanos && connection.isHealthy())) {
        return connection;
      }
      discard(connection);
    }
  }

  /**
   * A new connection to {@code address}, connecting within {@code timeoutMillis} or the pool's connect
   * timeout, whichever is shorter.
   */
  Http1Connection connect(Http1Connection.Address address, int timeoutMillis) throws IOException {
    if (closed) {
      throw ClientClosed.exception();
    }
    Http1Connection connection = Http1Connection.open(address, Math.min(timeoutMillis, connectTimeoutMillis), tls);
    open.add(connection);
    if (closed) { // closed while connecting: close() may not have seen this one
      discard(connection);
      throw ClientClosed.exception();
    }
    return connection;
  }

  /** The connect timeout applied to every new connection. */
  int connectTimeoutMillis() {
    return connectTimeoutMillis;
  }

  /** Takes back a connection whose exchange ended cleanly. */
  void release(Http1Connection connection) {
    connection.idleSinceNanos = System.nanoTime();
    ArrayDeque<Http1Connection> connections = idle.computeIfAbsent(connection.address, key -> new ArrayDeque<>());
    boolean kept = false;
    synchronized (connections) {
      if (!closed && connections.size() < maxIdlePerAddress) {
        connections.offerFirst(connection);
        kept = true;
      }
    }
    if (!kept) {
      discard(connection);
    } else if (closed) {
      close(); // closed meanwhile: close() may have missed this one
    } else if (sweepScheduled.compareAndSet(false, true)) {
      DeadlineTimer.at(connection.idleSinceNanos + keepAliveNanos, this::sweep);
    }
  }

  /**
   * Closes the connections idle for the keep-alive time, and comes back when the next one expires: so that
   * an application that stops sending does not keep sockets the server has long closed.
   */
  private void sweep() {
    sweepScheduled.set(false);
    long now = System.nanoTime();
    long nextExpiry = Long.MAX_VALUE;
    List<Http1Connection> expired = new ArrayList<>();
    for (ArrayDeque<Http1Connection> connections : idle.values()) {
      synchronized (connections) {
        while (!connections.isEmpty() && now - connections.peekLast().idleSinceNanos >= keepAliveNanos) {
          expired.add(connections.pollLast()); // the oldest are last
        }
        if (!connections.isEmpty()) {
          nextExpiry = Math.min(nextExpiry, connections.peekLast().idleSinceNanos + keepAliveNanos - now);
        }
      }
    }
    expired.forEach(this::discard);
    if (nextExpiry != Long.MAX_VALUE && !closed && sweepScheduled.compareAndSet(false, true)) {
      DeadlineTimer.at(now + nextExpiry, this::sweep);
    }
  }

  /** Closes a connection that will not be used again. */
  void discard(Http1Connection connection) {
    open.remove(connection);
    connection.close();
  }

  /** Closes every connection, also those in use (their exchanges then fail); later connects fail. */
  void close() {
    closed = true;
    for (Http1Connection connection : open) {
      discard(connection);
    }
    idle.clear();
  }

  /** Open connections, idle or in use (for tests). */
  int openCount() {
    return open.size();
  }
}
