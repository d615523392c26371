package dev.fireworks4j.testkit.internal.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fireworks4j.testkit.internal.json.JsonSupport;

/**
 * A control-plane failure, answered as {@code googlerpcStatus}: {@code {"code": 5, "message": "...",
 * "details": []}} with the code's HTTP status.
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient RpcCode code;
  private final int httpStatus;

  private ApiError(RpcCode code, int httpStatus, String message) {
    super(message, null, false, false);
    this.code = code;
    this.httpStatus = httpStatus;
  }

  /** An error with the code's own HTTP status. */
  public static ApiError of(RpcCode code, String message) {
    return new ApiError(code, code.httpStatus(), message);
  }

  /** 400 INVALID_ARGUMENT. */
  public static ApiError invalid(String message) {
    return of(RpcCode.INVALID_ARGUMENT, message);
  }

  /** 400 FAILED_PRECONDITION. */
  public static ApiError precondition(String message) {
    return of(RpcCode.FAILED_PRECONDITION, message);
  }

  /** 404 NOT_FOUND. */
  public static ApiError notFound(String message) {
    return of(RpcCode.NOT_FOUND, message);
  }

  /** 405 with code UNIMPLEMENTED, as grpc-gateway answers a method that the path does not support. */
  public static ApiError methodNotAllowed() {
    return new ApiError(RpcCode.UNIMPLEMENTED, 405, "Method Not Allowed");
  }

  /** The google.rpc code. */
  public RpcCode code() {
    return code;
  }

  /** The HTTP status. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The {@code googlerpcStatus} body. */
  public ObjectNode body() {
    ObjectNode body = JsonSupport.object().put("code", code.number()).put("message", getMessage());
    body.set("details", JsonSupport.array());
    return body;
  }
}
