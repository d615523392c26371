package dev.fireworks4j.core.error;

import dev.fireworks4j.core.http.Headers;

/** 404: the resource or model does not exist, is not deployed, or is not visible to this account. */
public class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception from the response status, headers and parsed body. */
  public NotFoundException(int status, Headers headers, ErrorBody body) {
    super(status, headers, body);
  }
}
