package dev.fireworks4j.core.error;

import dev.fireworks4j.core.http.Headers;

/** 422: the request body failed validation; {@link #body()} lists the fields. */
public class UnprocessableEntityException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception from the response status, headers and parsed body. */
  public UnprocessableEntityException(int status, Headers headers, ErrorBody body) {
    super(status, headers, body);
  }
}
