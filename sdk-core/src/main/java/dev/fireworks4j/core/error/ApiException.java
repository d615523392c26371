package dev.fireworks4j.core.error;

import dev.fireworks4j.core.http.Headers;
import java.util.Optional;

/**
 * The server answered with an error status. Subclasses name the status family; each carries the status,
 * the request id ({@code x-request-id}), the status code string when the body has one, and the parsed body.
 */
public class ApiException extends FireworksException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final transient Headers headers;
  private final transient ErrorBody body;

  /** Creates the exception from a response; prefer {@link #of} to get the right subclass. */
  public ApiException(int status, Headers headers, ErrorBody body) {
    super(describe(status, headers, body));
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /** The exception for a response: the subclass that matches {@code status}. */
  public static ApiException of(int status, Headers headers, String bodyText) {
    ErrorBody body = ErrorBody.parse(bodyText);
    switch (status) {
      case 400: return new BadRequestException(status, headers, body);
      case 401: return new AuthenticationException(status, headers, body);
      case 403: return new PermissionDeniedException(status, headers, body);
      case 404: return new NotFoundException(status, headers, body);
      case 409: return new ConflictException(status, headers, body);
      case 422: return new UnprocessableEntityException(status, headers, body);
      case 429: return new RateLimitException(status, headers, body);
      default:
        return status >= 500
            ? new InternalServerException(status, headers, body)
            : new UnexpectedStatusException(status, headers, body);
    }
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** The response headers. */
  public Headers headers() {
    return headers;
  }

  /** The request id from {@code x-request-id}, to quote to support. */
  public Optional<String> requestId() {
    return headers.first("x-request-id");
  }

  /** The status code string of the body ({@code NOT_FOUND}, {@code INVALID_ARGUMENT}, …), if present. */
  public Optional<String> code() {
    return body.code();
  }

  /** The server's message, if the body has one. */
  public Optional<String> serverMessage() {
    return body.message();
  }

  /** The parsed body, with its raw text. */
  public ErrorBody body() {
    return body;
  }

  private static String describe(int status, Headers headers, ErrorBody body) {
    StringBuilder text = new StringBuilder().append(status);
    String reason = reason(status);
    if (!reason.isEmpty()) {
      text.append(' ').append(reason);
    }
    body.message().ifPresent(message -> text.append(": ").append(message));
    body.code().ifPresent(code -> text.append(" (code ").append(code).append(')'));
    headers.first("x-request-id").ifPresent(id -> text.append(" [request id ").append(id).append(']'));
    return text.toString();
  }

  private static String reason(int status) {
    switch (status) {
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 402: return "Payment Required";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 408: return "Request Timeout";
      case 409: return "Conflict";
      case 412: return "Precondition Failed";
      case 413: return "Payload Too Large";
      case 422: return "Unprocessable Entity";
      case 429: return "Too Many Requests";
      case 500: return "Internal Server Error";
      case 502: return "Bad Gateway";
      case 503: return "Service Unavailable";
      case 504: return "Gateway Timeout";
      default: return "";
    }
  }
}
