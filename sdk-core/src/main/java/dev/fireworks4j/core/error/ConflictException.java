package dev.fireworks4j.core.error;

import dev.fireworks4j.core.http.Headers;

/** 409: the resource already exists (`ALREADY_EXISTS`) or a concurrent change aborted the call. */
public class ConflictException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception from the response status, headers and parsed body. */
  public ConflictException(int status, Headers headers, ErrorBody body) {
    super(status, headers, body);
  }
}
