package dev.fireworks4j.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.fireworks4j.core.json.KnownValues;
import dev.fireworks4j.core.json.OpenEnum;
import java.util.List;

/** The google.rpc code strings used in {@code Status.code} ({@code gatewayCode}); open for new values. */
public final class StatusCode extends OpenEnum {
  private static final KnownValues<StatusCode> VALUES = new KnownValues<>(StatusCode::new);

  /** Not an error (HTTP 200). */
  public static final StatusCode OK = VALUES.known("OK");
  /** Cancelled by the caller (499). */
  public static final StatusCode CANCELLED = VALUES.known("CANCELLED");
  /** Unknown error (500). */
  public static final StatusCode UNKNOWN = VALUES.known("UNKNOWN");
  /** Invalid argument (400). */
  public static final StatusCode INVALID_ARGUMENT = VALUES.known("INVALID_ARGUMENT");
  /** Deadline exceeded (504). */
  public static final StatusCode DEADLINE_EXCEEDED = VALUES.known("DEADLINE_EXCEEDED");
  /** Not found (404). */
  public static final StatusCode NOT_FOUND = VALUES.known("NOT_FOUND");
  /** Already exists (409). */
  public static final StatusCode ALREADY_EXISTS = VALUES.known("ALREADY_EXISTS");
  /** Permission denied (403). */
  public static final StatusCode PERMISSION_DENIED = VALUES.known("PERMISSION_DENIED");
  /** Not authenticated (401). */
  public static final StatusCode UNAUTHENTICATED = VALUES.known("UNAUTHENTICATED");
  /** Resource exhausted (429). */
  public static final StatusCode RESOURCE_EXHAUSTED = VALUES.known("RESOURCE_EXHAUSTED");
  /** Failed precondition (400). */
  public static final StatusCode FAILED_PRECONDITION = VALUES.known("FAILED_PRECONDITION");
  /** Aborted (409). */
  public static final StatusCode ABORTED = VALUES.known("ABORTED");
  /** Out of range (400). */
  public static final StatusCode OUT_OF_RANGE = VALUES.known("OUT_OF_RANGE");
  /** Not implemented (501). */
  public static final StatusCode UNIMPLEMENTED = VALUES.known("UNIMPLEMENTED");
  /** Internal error (500). */
  public static final StatusCode INTERNAL = VALUES.known("INTERNAL");
  /** Unavailable (503). */
  public static final StatusCode UNAVAILABLE = VALUES.known("UNAVAILABLE");
  /** Data loss (500). */
  public static final StatusCode DATA_LOSS = VALUES.known("DATA_LOSS");

  private StatusCode(String value, boolean known) {
    super(value, known);
  }

  /** The code for a wire value, known or not. */
  @JsonCreator
  public static StatusCode of(String value) {
    return VALUES.of(value);
  }

  /** The codes this SDK version declares. */
  public static List<StatusCode> knownValues() {
    return VALUES.values();
  }
}
