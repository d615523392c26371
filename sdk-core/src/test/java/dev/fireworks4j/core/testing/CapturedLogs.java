package dev.fireworks4j.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Every log event of the test JVM, at every level, as formatted text (messages and throwables). */
public final class CapturedLogs {
  private static final List<String> EVENTS = new ArrayList<>();

  private CapturedLogs() {}

  static synchronized void add(String event) {
    EVENTS.add(event);
  }

  /** Forgets the events captured so far. */
  public static synchronized void clear() {
    EVENTS.clear();
  }

  /** The events captured since the last {@link #clear()}. */
  public static synchronized List<String> events() {
    return List.copyOf(EVENTS);
  }

  /** All events joined by line breaks. */
  public static synchronized String text() {
    return EVENTS.stream().collect(Collectors.joining("\n"));
  }
}
