package dev.fireworks4j.testkit.internal.control;

/** The google.rpc codes the control plane answers with, their numbers and HTTP statuses (API.md §1.3). */
public enum RpcCode {
  /** 400. */
  INVALID_ARGUMENT(3, 400),
  /** 404. */
  NOT_FOUND(5, 404),
  /** 409. */
  ALREADY_EXISTS(6, 409),
  /** 403. */
  PERMISSION_DENIED(7, 403),
  /** 400. */
  FAILED_PRECONDITION(9, 400),
  /** 501 (405 for an unsupported method, as grpc-gateway answers). */
  UNIMPLEMENTED(12, 501),
  /** 401. */
  UNAUTHENTICATED(16, 401);

  private final int number;
  private final int httpStatus;

  RpcCode(int number, int httpStatus) {
    this.number = number;
    this.httpStatus = httpStatus;
  }

  /** The google.rpc.Code number written in {@code googlerpcStatus.code}. */
  public int number() {
    return number;
  }

  /** The HTTP status. */
  public int httpStatus() {
    return httpStatus;
  }
}
