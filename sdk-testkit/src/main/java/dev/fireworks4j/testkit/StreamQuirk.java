package dev.fireworks4j.testkit;

/**
 * Deviations seen in real-world Fireworks streams (API.md §3.4) that a simulated deployment can reproduce, so
 * that stream parsers are tested against them. Without quirks a stream carries the usage on the chunk with the
 * {@code finish_reason} and ends with {@code data: [DONE]}.
 */
public enum StreamQuirk {
  /** Usage moves to an extra final chunk whose {@code choices} array is empty. */
  USAGE_ONLY_FINAL_CHUNK,
  /** No chunk carries usage at all. */
  NO_USAGE,
  /** An {@code event: ping} event ({@code data: {"type":"ping"}}) precedes every content chunk. */
  PING_EVENTS
}
