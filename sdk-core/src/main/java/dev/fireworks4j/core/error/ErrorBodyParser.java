package dev.fireworks4j.core.error;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fireworks4j.core.json.Json;
import java.util.StringJoiner;

/** Reads the error-body shapes listed in API.md §3.6; anything else keeps its raw text as the message. */
final class ErrorBodyParser {
  /** google.rpc.Code names by number, for {@code googlerpcStatus} bodies whose code is an int. */
  private static final String[] RPC_CODES = {
    "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
    "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
    "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"
  };
  private static final int MAX_RAW_MESSAGE = 500;

  private ErrorBodyParser() {}

  static ErrorBody parse(String raw) {
    String text = raw == null ? "" : raw;
    JsonNode root = Json.readTreeOrNull(text);
    if (root == null || !root.isObject()) {
      return new ErrorBody(rawMessage(text), null, null, null, root, text);
    }
    JsonNode error = root.get("error");
    if (error != null && error.isObject()) {
      // {"error": {"message", "code", "type", "param"}, "request_id"}
      return new ErrorBody(
          firstText(error.get("message"), root.get("message")),
          codeOf(error.get("code")),
          text(error.get("type")),
          text(error.get("param")),
          root,
          text);
    }
    if (error != null && error.isTextual()) {
      // {"error": "Too Many Requests", "message": "..."} or {"error": "<message>"}
      String message = text(root.get("message"));
      return message != null
          ? new ErrorBody(message, codeOf(root.get("code")), error.asText(), null, root, text)
          : new ErrorBody(error.asText(), codeOf(root.get("code")), null, null, root, text);
    }
    JsonNode detail = root.get("detail");
    if (detail != null) {
      // FastAPI: {"detail": "..."} or {"detail": [{"loc": [...], "msg": "...", "type": "..."}]}
      return new ErrorBody(detailMessage(detail), codeOf(root.get("code")), detailType(detail), null, root, text);
    }
    // {"code": 5, "message": "...", "details": [...]} (googlerpcStatus) or {"code": "NOT_FOUND", "message": ...}
    String message = text(root.get("message"));
    return new ErrorBody(
        message != null ? message : rawMessage(text), codeOf(root.get("code")), null, null, root, text);
  }

  private static String codeOf(JsonNode code) {
    if (code == null || code.isNull()) {
      return null;
    }
    if (code.isIntegralNumber()) {
      int number = code.asInt();
      return number >= 0 && number < RPC_CODES.length ? RPC_CODES[number] : Integer.toString(number);
    }
    String value = code.asText();
    return value.isEmpty() ? null : value;
  }

  private static String detailMessage(JsonNode detail) {
    if (!detail.isArray()) {
      return detail.isTextual() ? detail.asText() : detail.toString();
    }
    StringJoiner joiner = new StringJoiner("; ");
    for (JsonNode item : detail) {
      String msg = text(item.get("msg"));
      JsonNode loc = item.get("loc");
      String where = loc != null && loc.isArray() ? joinLocation(loc) : null;
      String part = msg != null ? msg : item.toString();
      joiner.add(where != null ? where + ": " + part : part);
    }
    return joiner.toString();
  }

  private static String joinLocation(JsonNode loc) {
    StringJoiner path = new StringJoiner(".");
    loc.forEach(part -> path.add(part.asText()));
    return path.toString();
  }

  private static String detailType(JsonNode detail) {
    return detail.isArray() && detail.size() > 0 ? text(detail.get(0).get("type")) : null;
  }

  private static String firstText(JsonNode first, JsonNode second) {
    String value = text(first);
    return value != null ? value : text(second);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
  }

  private static String rawMessage(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return null;
    }
    return trimmed.length() <= MAX_RAW_MESSAGE ? trimmed : trimmed.substring(0, MAX_RAW_MESSAGE) + "…";
  }
}
