package dev.fireworks4j.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadersTest {
  @Test
  void wrapsJdkHeadersWithCaseInsensitiveNames() {
    HttpHeaders jdk = HttpHeaders.of(Map.of("X-Request-Id", List.of("r1"), "set-cookie", List.of("a", "b")),
        (name, value) -> true);

    Headers headers = Headers.of(jdk);

    assertThat(headers.first("x-request-id")).contains("r1");
    assertThat(headers.all("Set-Cookie")).containsExactly("a", "b");
    assertThat(headers.names()).containsExactly("set-cookie", "X-Request-Id");
    assertThat(headers).isEqualTo(Headers.builder().add("x-request-id", "r1").add("Set-Cookie", "a")
        .add("set-cookie", "b").build());
    assertThatThrownBy(() -> headers.names().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void copiesAMapThatIsNotCaseInsensitive() {
    Headers headers = Headers.of(Map.of("Retry-After", List.of("2")));

    assertThat(headers.first("retry-after")).contains("2");
    assertThat(headers.toBuilder().set("RETRY-AFTER", "3").build().all("Retry-After")).containsExactly("3");
  }
}
