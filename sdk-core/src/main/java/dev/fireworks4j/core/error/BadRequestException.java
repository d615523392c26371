package dev.fireworks4j.core.error;

import dev.fireworks4j.core.http.Headers;

/** 400: the request was malformed or a parameter was invalid (`INVALID_ARGUMENT`, `FAILED_PRECONDITION`). */
public class BadRequestException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception from the response status, headers and parsed body. */
  public BadRequestException(int status, Headers headers, ErrorBody body) {
    super(status, headers, body);
  }
}
