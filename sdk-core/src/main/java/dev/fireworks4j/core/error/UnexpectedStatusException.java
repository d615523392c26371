package dev.fireworks4j.core.error;

import dev.fireworks4j.core.http.Headers;

/** Any other non-success status (402, 405, 412, 413, …). */
public class UnexpectedStatusException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception from the response status, headers and parsed body. */
  public UnexpectedStatusException(int status, Headers headers, ErrorBody body) {
    super(status, headers, body);
  }
}
