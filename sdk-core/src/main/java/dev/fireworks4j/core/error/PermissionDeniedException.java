package dev.fireworks4j.core.error;

import dev.fireworks4j.core.http.Headers;

/** 403: the key may not use this resource (or the model is hidden from this account). */
public class PermissionDeniedException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception from the response status, headers and parsed body. */
  public PermissionDeniedException(int status, Headers headers, ErrorBody body) {
    super(status, headers, body);
  }
}
