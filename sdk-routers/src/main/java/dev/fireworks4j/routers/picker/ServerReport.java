package dev.fireworks4j.routers.picker;

/**
 * A deployment's load as its server last reported it, with this picker's own in-flight count at that moment
 * so that requests sent or finished since then can be added to it.
 */
final class ServerReport {

  final int perReplica;
  final long localInFlight;
  final long atNanos;

  ServerReport(int perReplica, long localInFlight, long atNanos) {
    this.perReplica = perReplica;
    this.localInFlight = localInFlight;
    this.atNanos = atNanos;
  }
}
