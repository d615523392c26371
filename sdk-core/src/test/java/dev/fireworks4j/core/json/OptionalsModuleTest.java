package dev.fireworks4j.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.fireworks4j.core.model.Status;
import dev.fireworks4j.core.model.StatusCode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptionalsModuleTest {
  private final ObjectMapper mapper = Json.mapper();

  record Fields(Optional<String> text, Optional<Instant> time, Optional<Duration> ttl,
      Optional<List<Map<String, Integer>>> rows, Optional<JsonNode> raw, OptionalInt count, OptionalLong seed,
      OptionalDouble temperature) {}

  record Nested(Optional<Optional<String>> twice, Optional<Map<String, Optional<Integer>>> counts) {}

  record KeepsNullContents(@JsonInclude(value = Include.NON_ABSENT, content = Include.ALWAYS) Optional<String> note,
      @JsonInclude(value = Include.NON_ABSENT, content = Include.ALWAYS) Map<String, Optional<Integer>> counts) {}

  record Formatted(@JsonFormat(shape = JsonFormat.Shape.STRING) Optional<Integer> id) {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({@JsonSubTypes.Type(value = Circle.class, name = "circle"),
      @JsonSubTypes.Type(value = Square.class, name = "square")})
  interface Shape {}

  record Circle(double radius) implements Shape {}

  record Square(double side) implements Shape {}

  record Drawing(Optional<Shape> shape) {}

  private static Fields empty() {
    return new Fields(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        OptionalInt.empty(), OptionalLong.empty(), OptionalDouble.empty());
  }

  @Test
  void presentOptionalsAreWrittenAsTheirValues() throws Exception {
    Fields fields = new Fields(Optional.of("hi"), Optional.of(Instant.parse("2024-01-02T03:04:05Z")),
        Optional.of(Duration.ofMillis(1500)), Optional.of(List.of(Map.of("a", 1))),
        Optional.of(mapper.readTree("{\"k\":[1]}")), OptionalInt.of(3), OptionalLong.of(12_345_678_901L),
        OptionalDouble.of(0.5));

    assertThat(mapper.writeValueAsString(fields)).isEqualTo("{\"text\":\"hi\",\"time\":\"2024-01-02T03:04:05Z\","
        + "\"ttl\":\"1.5s\",\"rows\":[{\"a\":1}],\"raw\":{\"k\":[1]},\"count\":3,\"seed\":12345678901,"
        + "\"temperature\":0.5}");
  }

  @Test
  void emptyOptionalsAreLeftOut() throws Exception {
    assertThat(mapper.writeValueAsString(empty())).isEqualTo("{}");
    assertThat(mapper.writeValueAsString(Status.builder().message("m").build())).isEqualTo("{\"message\":\"m\"}");
  }

  @Test
  void emptyValuesInsideAnOptionalMapAreLeftOut() throws Exception {
    Map<String, Optional<Integer>> counts = new LinkedHashMap<>();
    counts.put("a", Optional.of(1));
    counts.put("b", Optional.empty());

    assertThat(mapper.writeValueAsString(new Nested(Optional.of(Optional.of("x")), Optional.of(counts))))
        .isEqualTo("{\"twice\":\"x\",\"counts\":{\"a\":1}}");
  }

  @Test
  void emptyOptionalsAreLeftOutEvenWhereNullContentsAreKept() throws Exception {
    Map<String, Optional<Integer>> counts = new LinkedHashMap<>();
    counts.put("b", Optional.empty());

    assertThat(mapper.writeValueAsString(new KeepsNullContents(Optional.empty(), counts)))
        .isEqualTo("{\"counts\":{\"b\":null}}");
  }

  @Test
  void anOptionalOnItsOwnIsItsValueOrNull() throws Exception {
    assertThat(mapper.writeValueAsString(Optional.of("x"))).isEqualTo("\"x\"");
    assertThat(mapper.writeValueAsString(Optional.empty())).isEqualTo("null");
    assertThat(mapper.writeValueAsString(OptionalInt.of(4))).isEqualTo("4");
    assertThat(mapper.writeValueAsString(OptionalDouble.empty())).isEqualTo("null");
    assertThat(mapper.readValue("null", OptionalLong.class)).isEmpty();
    assertThat(mapper.readValue("7", new TypeReference<Optional<Integer>>() {})).contains(7);
  }

  @Test
  void nullAndMissingPropertiesReadAsEmpty() throws Exception {
    Fields missing = mapper.readValue("{}", Fields.class);
    Fields nulls = mapper.readValue("{\"text\":null,\"time\":null,\"ttl\":null,\"rows\":null,\"count\":null,"
        + "\"seed\":null,\"temperature\":null}", Fields.class);

    for (Fields fields : List.of(missing, nulls)) {
      assertThat(fields.text()).isEmpty();
      assertThat(fields.time()).isEmpty();
      assertThat(fields.ttl()).isEmpty();
      assertThat(fields.rows()).isEmpty();
      assertThat(fields.count()).isEmpty();
      assertThat(fields.seed()).isEmpty();
      assertThat(fields.temperature()).isEmpty();
    }
    Status status = mapper.readValue("{\"code\":null,\"message\":null}", Status.class);
    assertThat(status.code()).isEmpty();
    assertThat(status.message()).isEmpty();
  }

  @Test
  void aJsonNodeOptionalKeepsAnExplicitNull() throws Exception {
    assertThat(mapper.readValue("{\"raw\":null}", Fields.class).raw()).contains(NullNode.getInstance());
    assertThat(mapper.readValue("{\"raw\":{\"a\":[true]}}", Fields.class).raw())
        .contains(mapper.readTree("{\"a\":[true]}"));
  }

  @Test
  void genericContentsAreReadWithTheirOwnTypes() throws Exception {
    Fields fields = mapper.readValue("{\"rows\":[{\"a\":1,\"b\":2}],\"time\":\"2024-01-02T03:04:05Z\","
        + "\"ttl\":\"30s\",\"count\":\"12\",\"seed\":12345678901,\"temperature\":1}", Fields.class);

    assertThat(fields.rows()).contains(List.of(Map.of("a", 1, "b", 2)));
    assertThat(fields.rows().orElseThrow().get(0).get("a")).isInstanceOf(Integer.class);
    assertThat(fields.time()).contains(Instant.parse("2024-01-02T03:04:05Z"));
    assertThat(fields.ttl()).contains(Duration.ofSeconds(30));
    assertThat(fields.count()).hasValue(12);
    assertThat(fields.seed()).hasValue(12_345_678_901L);
    assertThat(fields.temperature()).hasValue(1.0);
    assertThat(mapper.readValue("{\"twice\":\"x\",\"counts\":{\"a\":1,\"b\":null}}", Nested.class))
        .isEqualTo(new Nested(Optional.of(Optional.of("x")), Optional.of(Map.of("a", Optional.of(1),
            "b", Optional.empty()))));
  }

  @Test
  void emptyTextReadsAsAnEmptyPrimitiveOptional() throws Exception {
    Fields fields = mapper.readValue("{\"count\":\"\",\"seed\":\"\",\"temperature\":\"\"}", Fields.class);

    assertThat(fields.count()).isEmpty();
    assertThat(fields.seed()).isEmpty();
    assertThat(fields.temperature()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"count\":\"x\"}", "{\"count\":true}", "{\"count\":[1]}", "{\"seed\":{}}",
      "{\"count\":12345678901}", "{\"temperature\":\"warm\"}", "{\"rows\":\"x\"}", "{\"text\":[]}",
      "{\"time\":\"yesterday\"}"})
  void wrongContentsFailAsJsonErrors(String json) {
    assertThatThrownBy(() -> mapper.readValue(json, Fields.class)).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void propertyAnnotationsReachTheContents() throws Exception {
    assertThat(mapper.writeValueAsString(new Formatted(Optional.of(42)))).isEqualTo("{\"id\":\"42\"}");
  }

  @Test
  void polymorphicContentsKeepTheirTypeId() throws Exception {
    String json = mapper.writeValueAsString(new Drawing(Optional.of(new Square(2))));

    assertThat(json).isEqualTo("{\"shape\":{\"type\":\"square\",\"side\":2.0}}");
    assertThat(mapper.readValue(json, Drawing.class)).isEqualTo(new Drawing(Optional.of(new Square(2))));
    assertThat(mapper.readValue("{\"shape\":null}", Drawing.class)).isEqualTo(new Drawing(Optional.empty()));
  }

  @Test
  void immutablesValuesRoundTrip() throws Exception {
    Status status = Status.builder().code(StatusCode.of("NOT_FOUND")).message("gone").build();
    String json = mapper.writeValueAsString(status);

    assertThat(json).isEqualTo("{\"code\":\"NOT_FOUND\",\"message\":\"gone\"}");
    assertThat(mapper.readValue(json, Status.class)).isEqualTo(status);
  }

  @Test
  void valuesRoundTrip() throws Exception {
    Fields fields = new Fields(Optional.of(""), Optional.of(Instant.parse("2024-01-02T03:04:05.123456789Z")),
        Optional.of(Duration.ZERO), Optional.of(List.of()), Optional.of(mapper.readTree("[1,\"a\"]")),
        OptionalInt.of(-1), OptionalLong.of(Long.MIN_VALUE), OptionalDouble.of(-2.25));

    assertThat(mapper.readValue(mapper.writeValueAsString(fields), Fields.class)).isEqualTo(fields);
    assertThat(mapper.readValue(mapper.writeValueAsString(empty()), Fields.class))
        .isEqualTo(new Fields(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.of(NullNode.getInstance()), OptionalInt.empty(), OptionalLong.empty(), OptionalDouble.empty()));
  }
}
