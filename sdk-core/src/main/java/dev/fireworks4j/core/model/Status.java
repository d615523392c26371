package dev.fireworks4j.core.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** Detailed status of a resource's most recent operation ({@code gatewayStatus}: a code string and a message). */
@Value.Immutable
@JsonSerialize(as = ImmutableStatus.class)
@JsonDeserialize(as = ImmutableStatus.class)
public abstract class Status {
  Status() {}

  /** The code; absent means {@code OK}. */
  public abstract Optional<StatusCode> code();

  /** A developer-facing message. */
  public abstract Optional<String> message();

  /** Fields this SDK version does not know, kept and written back. */
  @JsonAnyGetter
  public abstract Map<String, JsonNode> additionalProperties();

  /** Whether the code is {@code OK} or absent. */
  @JsonIgnore
  public boolean isOk() {
    return code().map(StatusCode.OK::equals).orElse(true);
  }

  /** A status with a code and message. */
  public static Status of(StatusCode code, String message) {
    return builder().code(code).message(message).build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Status}. */
  public static final class Builder extends ImmutableStatus.Builder {}
}
