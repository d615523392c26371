package dev.fireworks4j.testkit.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fireworks4j.testkit.internal.json.JsonSupport;
import java.util.Map;

/**
 * An inference failure with its status, body and extra headers, in the shapes of API.md §3.5/§3.6:
 *
 * <ul>
 *   <li>404 unknown or inaccessible model: {@code {"error": {"message": "Model not found, inaccessible, and/or not
 *       deployed", "param": "model", "code": "NOT_FOUND", "type": "error"}, "request_id": "…"}};
 *   <li>401: {@code {"error": {"code": "UNAUTHORIZED", "message": "…"}}};
 *   <li>429 (saturated deployment or injected): {@code {"error": "Too Many Requests", "message": "…"}} with
 *       {@code retry-after: 1};
 *   <li>400 and other statuses: {@code {"error": {"message": "…", "code": "<CODE>", "type": "…"}}};
 *   <li>422 validation: FastAPI's {@code {"detail": [{"loc": [...], "msg": "…", "type": "…"}]}};
 *   <li>unknown path 404 / wrong method 405: {@code {"detail": "Not Found"}} / {@code {"detail": "Method Not
 *       Allowed"}}.
 * </ul>
 */
final class InferenceError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  static final String MODEL_NOT_FOUND = "Model not found, inaccessible, and/or not deployed";

  private final int status;
  private final transient ObjectNode body;
  private final transient Map<String, String> headers;

  private InferenceError(int status, ObjectNode body, Map<String, String> headers) {
    super(status + " " + JsonSupport.write(body), null, false, false);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }

  static InferenceError modelNotFound(String requestId) {
    ObjectNode body = JsonSupport.object();
    body.putObject("error").put("message", MODEL_NOT_FOUND).put("param", "model").put("code", "NOT_FOUND")
        .put("type", "error");
    body.put("request_id", requestId);
    return new InferenceError(404, body, Map.of());
  }

  static InferenceError unauthorized(String message) {
    ObjectNode body = JsonSupport.object();
    body.putObject("error").put("code", "UNAUTHORIZED").put("message", message);
    return new InferenceError(401, body, Map.of());
  }

  static InferenceError tooManyRequests(String message) {
    return new InferenceError(429, JsonSupport.object().put("error", "Too Many Requests").put("message", message),
        Map.of("retry-after", "1"));
  }

  static InferenceError badRequest(String param, String message) {
    ObjectNode body = JsonSupport.object();
    ObjectNode error = body.putObject("error").put("message", message).put("code", "INVALID_ARGUMENT")
        .put("type", "invalid_request_error");
    if (param != null) {
      error.put("param", param);
    }
    return new InferenceError(400, body, Map.of());
  }

  /** An error object for {@code status} with the google.rpc-style code name of that status. */
  static InferenceError status(int status, String message) {
    if (status == 429) {
      return tooManyRequests(message);
    }
    ObjectNode body = JsonSupport.object();
    body.putObject("error").put("message", message).put("code", codeName(status)).put("type", "error");
    return new InferenceError(status, body, Map.of());
  }

  static InferenceError validation(String type, String message, Object... location) {
    ObjectNode item = JsonSupport.object();
    var loc = item.putArray("loc").add("body");
    for (Object part : location) {
      if (part instanceof Integer) {
        loc.add((Integer) part);
      } else {
        loc.add(String.valueOf(part));
      }
    }
    item.put("msg", message).put("type", type);
    ObjectNode body = JsonSupport.object();
    body.putArray("detail").add(item);
    return new InferenceError(422, body, Map.of());
  }

  static InferenceError detail(int status, String detail) {
    return new InferenceError(status, JsonSupport.object().put("detail", detail), Map.of());
  }

  int status() {
    return status;
  }

  JsonNode body() {
    return body;
  }

  Map<String, String> headers() {
    return headers;
  }

  private static String codeName(int status) {
    switch (status) {
      case 400: return "INVALID_ARGUMENT";
      case 401: return "UNAUTHORIZED";
      case 402: return "PAYMENT_REQUIRED";
      case 403: return "PERMISSION_DENIED";
      case 404: return "NOT_FOUND";
      case 408: return "DEADLINE_EXCEEDED";
      case 409: return "ABORTED";
      case 412: return "FAILED_PRECONDITION";
      case 501: return "UNIMPLEMENTED";
      case 503: return "UNAVAILABLE";
      case 504: return "DEADLINE_EXCEEDED";
      default: return status >= 500 ? "INTERNAL" : "INVALID_ARGUMENT";
    }
  }
}
