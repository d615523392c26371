package dev.fireworks4j.core.error;

import dev.fireworks4j.core.http.Headers;

/** 401: the API key is missing, invalid or revoked. */
public class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception from the response status, headers and parsed body. */
  public AuthenticationException(int status, Headers headers, ErrorBody body) {
    super(status, headers, body);
  }
}
