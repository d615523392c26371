package dev.fireworks4j.inference;

import java.util.Objects;

/**
 * A parsed inference response together with its {@link ResponseMetadata}: what the
 * {@code withRawResponse()} views of the clients return.
 *
 * @param <T> the parsed body type
 */
public final class RawResponse<T> {
  private final T value;
  private final ResponseMetadata metadata;

  /** Pairs a parsed body with the metadata of the response it came from. */
  public RawResponse(T value, ResponseMetadata metadata) {
    this.value = Objects.requireNonNull(value, "value");
    this.metadata = Objects.requireNonNull(metadata, "metadata");
  }

  /** The parsed body. */
  public T value() {
    return value;
  }

  /** The status and headers, read as metadata. */
  public ResponseMetadata metadata() {
    return metadata;
  }

  @Override
  public String toString() {
    return "RawResponse{" + metadata + ", value=" + value + "}";
  }
}
