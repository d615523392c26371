package dev.fireworks4j.core.error;

import dev.fireworks4j.core.http.Headers;

/** 5xx: the server or the deployment behind it failed; usually transient. */
public class InternalServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception from the response status, headers and parsed body. */
  public InternalServerException(int status, Headers headers, ErrorBody body) {
    super(status, headers, body);
  }
}
