package dev.fireworks4j.core.error;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * An error response body in whichever of the shapes the platform uses, reduced to its parts.
 *
 * <p>{@link #message()} is the server's explanation, {@link #code()} the status code string (such as
 * {@code NOT_FOUND}) when the body has one, and {@link #raw()} the body text as received.
 */
public final class ErrorBody {
  private final String message;
  private final String code;
  private final String type;
  private final String param;
  private final JsonNode json;
  private final String raw;

  ErrorBody(String message, String code, String type, String param, JsonNode json, String raw) {
    this.message = message;
    this.code = code;
    this.type = type;
    this.param = param;
    this.json = json;
    this.raw = raw;
  }

  /** Parses an error body; never throws, falling back to the raw text when it is not JSON. */
  public static ErrorBody parse(String raw) {
    return ErrorBodyParser.parse(raw);
  }

  /** The server's message, if the body has one. */
  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  /** The status code string ({@code NOT_FOUND}, {@code INVALID_ARGUMENT}, …), if the body has one. */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  /** The error type ({@code error}, {@code Too Many Requests}, a validation type, …), if present. */
  public Optional<String> type() {
    return Optional.ofNullable(type);
  }

  /** The request parameter the error is about ({@code model}, …), if the body names one. */
  public Optional<String> param() {
    return Optional.ofNullable(param);
  }

  /** The body as a JSON tree, if it was JSON. */
  public Optional<JsonNode> json() {
    return Optional.ofNullable(json);
  }

  /** The body text as received (possibly empty). */
  public String raw() {
    return raw;
  }

  @Override
  public String toString() {
    return "ErrorBody{message=" + message + ", code=" + code + ", type=" + type + ", param=" + param + "}";
  }
}
