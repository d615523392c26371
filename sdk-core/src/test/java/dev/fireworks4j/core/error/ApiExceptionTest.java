package dev.fireworks4j.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fireworks4j.core.http.Headers;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ApiExceptionTest {
  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(400, BadRequestException.class),
        Arguments.of(401, AuthenticationException.class),
        Arguments.of(402, UnexpectedStatusException.class),
        Arguments.of(403, PermissionDeniedException.class),
        Arguments.of(404, NotFoundException.class),
        Arguments.of(405, UnexpectedStatusException.class),
        Arguments.of(408, UnexpectedStatusException.class),
        Arguments.of(409, ConflictException.class),
        Arguments.of(412, UnexpectedStatusException.class),
        Arguments.of(413, UnexpectedStatusException.class),
        Arguments.of(422, UnprocessableEntityException.class),
        Arguments.of(429, RateLimitException.class),
        Arguments.of(500, InternalServerException.class),
        Arguments.of(502, InternalServerException.class),
        Arguments.of(503, InternalServerException.class),
        Arguments.of(504, InternalServerException.class),
        Arguments.of(520, InternalServerException.class));
  }

  @ParameterizedTest
  @MethodSource("statuses")
  void eachStatusMapsToItsType(int status, Class<? extends ApiException> type) {
    ApiException e = ApiException.of(status, Headers.empty(), "{}");
    assertThat(e).isExactlyInstanceOf(type);
    assertThat(e.status()).isEqualTo(status);
    assertThat(e).isInstanceOf(FireworksException.class);
  }

  @Test
  void messageNamesStatusServerMessageCodeAndRequestId() {
    Headers headers = Headers.builder().add("x-request-id", "req-42").build();
    ApiException e = ApiException.of(404, headers,
        "{\"error\": {\"message\": \"Model not found\", \"code\": \"NOT_FOUND\"}}");
    assertThat(e).hasMessage("404 Not Found: Model not found (code NOT_FOUND) [request id req-42]");
    assertThat(e.requestId()).contains("req-42");
    assertThat(e.code()).contains("NOT_FOUND");
    assertThat(e.serverMessage()).contains("Model not found");
    assertThat(e.body().raw()).contains("Model not found");
  }

  @Test
  void rateLimitExposesRetryAfter() {
    Headers headers = Headers.builder().add("Retry-After", "12").build();
    RateLimitException e = (RateLimitException) ApiException.of(429, headers, "{\"error\": \"Too Many Requests\"}");
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));
  }
}
