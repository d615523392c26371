package dev.fireworks4j.core.http;

import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/** Immutable HTTP header fields with case-insensitive names, in insertion order of values. */
public final class Headers {
  private static final Headers EMPTY = new Headers(Collections.unmodifiableMap(new TreeMap<>(String.CASE_INSENSITIVE_ORDER)));
  /** Unmodifiable, with case-insensitive lookups and names in case-insensitive order. */
  private final Map<String, List<String>> values;

  private Headers(Map<String, List<String>> values) {
    this.values = values;
  }

  /** No headers. */
  public static Headers empty() {
    return EMPTY;
  }

  /**
   * Headers over a map of names to values, such as {@code java.net.http.HttpHeaders#map()}. A map that is
   * already case-insensitive and sorted is wrapped without copying; the caller must not change it.
   */
  public static Headers of(Map<String, List<String>> map) {
    if (map instanceof SortedMap
        && ((SortedMap<String, List<String>>) map).comparator() == String.CASE_INSENSITIVE_ORDER) {
      return new Headers(Collections.unmodifiableMap(map));
    }
    Builder builder = builder();
    map.forEach((name, list) -> list.forEach(value -> builder.add(name, value)));
    return builder.build();
  }

  /** The headers of a {@code java.net.http} response or request, without copying them. */
  public static Headers of(HttpHeaders headers) {
    return new Headers(headers.map()); // unmodifiable, case-insensitive and sorted, as HttpHeaders promises
  }

  /** A builder for headers. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding a copy of these headers. */
  public Builder toBuilder() {
    Builder builder = builder();
    forEach(builder::add);
    return builder;
  }

  /** The first value of {@code name}, if present. */
  public Optional<String> first(String name) {
    List<String> list = values.get(name);
    return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  /** Every value of {@code name}, possibly empty. */
  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** The header names present, in case-insensitive order. */
  public Set<String> names() {
    return values.keySet();
  }

  /** Whether {@code name} is present. */
  public boolean contains(String name) {
    return values.containsKey(name);
  }

  /** Calls {@code action} with each name and value pair. */
  public void forEach(BiConsumer<String, String> action) {
    values.forEach((name, list) -> list.forEach(value -> action.accept(name, value)));
  }

  /** Whether there are no headers. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** Only the header names; values may be secret and are never printed. */
  @Override
  public String toString() {
    return "Headers" + values.keySet();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Headers && ((Headers) other).values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** Accumulates header values; {@link #set} replaces, {@link #add} appends. */
  public static final class Builder {
    private final TreeMap<String, List<String>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private Builder() {}

    /** Appends a value to {@code name}. */
    public Builder add(String name, String value) {
      values.computeIfAbsent(name, key -> new ArrayList<>(1)).add(value);
      return this;
    }

    /** Replaces every value of {@code name} with {@code value}. */
    public Builder set(String name, String value) {
      List<String> list = new ArrayList<>(1);
      list.add(value);
      values.put(name, list);
      return this;
    }

    /** Replaces or adds every header of {@code other}. */
    public Builder setAll(Headers other) {
      other.values.forEach((name, list) -> values.put(name, new ArrayList<>(list)));
      return this;
    }

    /** Removes {@code name}. */
    public Builder remove(String name) {
      values.remove(name);
      return this;
    }

    /** The headers. */
    public Headers build() {
      TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
      return new Headers(Collections.unmodifiableMap(copy));
    }
  }
}
