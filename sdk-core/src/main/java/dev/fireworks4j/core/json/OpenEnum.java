package dev.fireworks4j.core.json;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * Base of the SDK's open enums: a known constant or any other string the server sends, kept as is.
 *
 * <p>New regions, accelerators and states keep appearing; an open enum parses them without failing and
 * writes them back unchanged. Compare with {@code equals} or against the constants; {@link #isKnown()}
 * says whether this SDK version knows the value.
 */
public abstract class OpenEnum {
  private final String value;
  private final boolean known;

  /** For subclasses: {@code known} is true for the constants this SDK version declares. */
  protected OpenEnum(String value, boolean known) {
    this.value = Objects.requireNonNull(value, "value");
    this.known = known;
  }

  /** The wire value, exactly as sent or received. */
  @JsonValue
  public final String value() {
    return value;
  }

  /** Whether this SDK version declares the value as a constant. */
  public final boolean isKnown() {
    return known;
  }

  @Override
  public final boolean equals(Object other) {
    return other != null && other.getClass() == getClass() && ((OpenEnum) other).value.equals(value);
  }

  @Override
  public final int hashCode() {
    return value.hashCode();
  }

  /** The wire value. */
  @Override
  public final String toString() {
    return value;
  }
}
