package dev.fireworks4j.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProtoTimestampsTest {
  private final ObjectMapper mapper = Json.mapper();

  @ParameterizedTest
  @CsvSource({
      "2024-01-02T03:04:05Z, 2024-01-02T03:04:05Z",
      "2024-01-02T05:04:05+02:00, 2024-01-02T03:04:05Z",
      "2024-01-01T21:34:05-05:30, 2024-01-02T03:04:05Z",
      "2024-01-02T03:04:05+00:00, 2024-01-02T03:04:05Z",
      "2024-01-02t03:04:05z, 2024-01-02T03:04:05Z",
      "2024-01-02T03:04:05.1Z, 2024-01-02T03:04:05.100Z",
      "2024-01-02T03:04:05.12Z, 2024-01-02T03:04:05.120Z",
      "2024-01-02T03:04:05.123456Z, 2024-01-02T03:04:05.123456Z",
      "2024-01-02T03:04:05.1234567Z, 2024-01-02T03:04:05.123456700Z",
      "2024-01-02T03:04:05.123456789Z, 2024-01-02T03:04:05.123456789Z",
      "2024-01-02T05:04:05.5+02:00, 2024-01-02T03:04:05.500Z",
      "1969-12-31T23:59:59Z, 1969-12-31T23:59:59Z"})
  void readsRfc3339WithZOrAnOffsetAndUpToNineFractionDigits(String text, String utc) throws Exception {
    assertThat(mapper.readValue('"' + text + '"', Instant.class)).isEqualTo(Instant.parse(utc));
  }

  @ParameterizedTest
  @CsvSource({
      "2024-01-02T03:04:05Z, 2024-01-02T03:04:05Z",
      "2024-01-02T03:04:05.100Z, 2024-01-02T03:04:05.100Z",
      "2024-01-02T03:04:05.120Z, 2024-01-02T03:04:05.120Z",
      "2024-01-02T03:04:05.123400Z, 2024-01-02T03:04:05.123400Z",
      "2024-01-02T03:04:05.000000001Z, 2024-01-02T03:04:05.000000001Z",
      "1970-01-01T00:00:00Z, 1970-01-01T00:00:00Z"})
  void writesUtcWithZAndThreeSixOrNineFractionDigits(String instant, String text) throws Exception {
    assertThat(mapper.writeValueAsString(Instant.parse(instant))).isEqualTo('"' + text + '"');
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-01-02T03:04:05Z", "2024-01-02T03:04:05.123Z", "2024-01-02T03:04:05.000001Z",
      "2024-01-02T03:04:05.999999999Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z"})
  void roundTrips(String text) throws Exception {
    Instant instant = Instant.parse(text);
    String json = mapper.writeValueAsString(instant);

    assertThat(json).isEqualTo('"' + text + '"');
    assertThat(mapper.readValue(json, Instant.class)).isEqualTo(instant);
  }

  @ParameterizedTest
  @ValueSource(strings = {"x", "2024-01-02", "2024-01-02T03:04:05", "2024-01-02 03:04:05Z", "2024-01-02T03:04:05+0200",
      "2024-01-02T03:04:05.1234567891Z", "2024-02-30T03:04:05Z", "2024-01-02T03:04:61Z", "1704164645"})
  void badTextIsAnInvalidFormatNamingTheText(String text) {
    assertThatThrownBy(() -> mapper.readValue('"' + text + '"', Instant.class))
        .isInstanceOf(InvalidFormatException.class)
        .hasMessageContaining("java.time.Instant")
        .hasMessageContaining('"' + text + '"')
        .hasMessageContaining("not an RFC 3339 timestamp");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1704164645", "1704164645.5", "true", "[]", "[\"2024-01-02T03:04:05Z\"]", "{}"})
  void nonStringsAreRefused(String json) {
    assertThatThrownBy(() -> mapper.readValue(json, Instant.class)).isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("java.time.Instant");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "\"  \"", "null"})
  void emptyTextAndNullReadAsNoTimestamp(String json) throws Exception {
    assertThat(mapper.readValue(json, Instant.class)).isNull();
    assertThat(mapper.readValue(json, new TypeReference<Optional<Instant>>() {})).isEmpty();
  }
}
