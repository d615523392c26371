package dev.fireworks4j.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.core.model.State;
import dev.fireworks4j.core.model.Status;
import dev.fireworks4j.core.model.StatusCode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
  private final ObjectMapper mapper = Json.mapper();

  @Test
  void openEnumsKeepUnknownValues() throws Exception {
    State known = mapper.readValue("\"READY\"", State.class);
    assertThat(known).isSameAs(State.READY);
    assertThat(known.isKnown()).isTrue();

    State future = mapper.readValue("\"PAUSED\"", State.class);
    assertThat(future.isKnown()).isFalse();
    assertThat(future.value()).isEqualTo("PAUSED");
    assertThat(future).isEqualTo(State.of("PAUSED")).isNotEqualTo(State.READY);
    assertThat(mapper.writeValueAsString(future)).isEqualTo("\"PAUSED\"");
    assertThat(State.knownValues()).contains(State.CREATING, State.FAILED).hasSize(7);
  }

  @Test
  void statusRoundTripsUnknownFields() throws Exception {
    String json = "{\"code\":\"NEW_CODE\",\"message\":\"m\",\"details\":[{\"@type\":\"x\"}],\"extra\":7}";
    Status status = mapper.readValue(json, Status.class);
    assertThat(status.code()).contains(StatusCode.of("NEW_CODE"));
    assertThat(status.code().orElseThrow().isKnown()).isFalse();
    assertThat(status.additionalProperties()).containsKeys("details", "extra");
    assertThat(mapper.readTree(mapper.writeValueAsString(status))).isEqualTo(mapper.readTree(json));
    assertThat(status.isOk()).isFalse();
    assertThat(mapper.readValue("{}", Status.class).isOk()).isTrue();
  }

  @Test
  void absentOptionalsAreNotWritten() throws Exception {
    assertThat(mapper.writeValueAsString(Status.builder().message("only").build())).isEqualTo("{\"message\":\"only\"}");
  }

  @Test
  void timestampsAreRfc3339() throws Exception {
    Instant instant = mapper.readValue("\"2023-11-07T05:31:56Z\"", Instant.class);
    assertThat(instant).isEqualTo(Instant.parse("2023-11-07T05:31:56Z"));
    assertThat(mapper.readValue("\"2023-11-07T07:31:56.123+02:00\"", Instant.class))
        .isEqualTo(Instant.parse("2023-11-07T05:31:56.123Z"));
    assertThat(mapper.writeValueAsString(instant)).isEqualTo("\"2023-11-07T05:31:56Z\"");
  }

  @ParameterizedTest
  @CsvSource({"30s,PT30S", "1.5s,PT1.5S", "0s,PT0S", "36000s,PT10H", "0.000000001s,PT0.000000001S",
      "-2.5s,PT-2.5S"})
  void protoDurationsParseAndFormat(String text, String iso) throws Exception {
    Duration duration = mapper.readValue('"' + text + '"', Duration.class);
    assertThat(duration).isEqualTo(Duration.parse(iso));
    assertThat(mapper.writeValueAsString(duration)).isEqualTo('"' + text + '"');
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"30\"", "\"s\"", "\"1.5m\"", "\"1.0000000001s\"", "\"abc s\"", "30", "\"999999999999999s\""})
  void malformedDurationsAreRejected(String json) {
    assertThatThrownBy(() -> mapper.readValue(json, Duration.class)).isInstanceOf(JsonProcessingException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "s", "30", "1.5m", "1e3s", "0.0000000001s", "315576000001s", "--1s"})
  void parseDurationRejectsNonDurationsWithATypedError(String text) {
    assertThatThrownBy(() -> Json.parseDuration(text)).isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("duration: ");
  }

  @Test
  void deeplyNestedJsonIsRefused() {
    String deep = "[".repeat(Json.MAX_NESTING_DEPTH + 10) + "]".repeat(Json.MAX_NESTING_DEPTH + 10);
    assertThatThrownBy(() -> mapper.readTree(deep)).isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("nesting depth");
    assertThat(Json.readTreeOrNull(deep)).isNull();
  }

  @Test
  void theSharedFactoryIsBoundedLikeTheMapperAndFreshMappersOwnTheirs() throws Exception {
    JsonFactory factory = Json.factory();
    assertThat(mapper.getFactory()).isSameAs(factory);
    ObjectMapper fresh = Json.newMapper();
    assertThat(fresh.getFactory()).isNotSameAs(factory);
    for (JsonFactory each : new JsonFactory[] {factory, fresh.getFactory()}) {
      assertThat(each.streamReadConstraints().getMaxNestingDepth()).isEqualTo(Json.MAX_NESTING_DEPTH);
      assertThat(each.streamReadConstraints().getMaxStringLength()).isEqualTo(Json.MAX_STRING_LENGTH);
    }
    String deep = "[".repeat(Json.MAX_NESTING_DEPTH + 1);
    try (JsonParser parser = factory.createParser(deep)) {
      assertThatThrownBy(() -> {
        while (parser.nextToken() != null) {
          // reading the tokens is what trips the limit
        }
      }).isInstanceOf(JsonProcessingException.class).hasMessageContaining("nesting depth");
    }
  }
}
