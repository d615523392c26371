package dev.fireworks4j.inference.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fireworks4j.core.json.Json;
import org.junit.jupiter.api.Test;

/** The validator the wire tests rely on does reject what the spec forbids. */
class SpecValidatorTest {
  private static java.util.List<String> problems(String json) {
    return SpecValidator.inference().validate("ChatCompletionRequest", Json.readTreeOrNull(json));
  }

  @Test
  void acceptsAMinimalRequest() {
    assertThat(problems("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")).isEmpty();
  }

  @Test
  void rejectsWhatTheSpecForbids() {
    assertThat(problems("{\"model\":\"m\"}")).singleElement().asString().contains("missing required messages");
    assertThat(problems("{\"model\":\"m\",\"messages\":[],\"stream_options\":{}}"))
        .singleElement().asString().contains("$.stream_options: not a property");
    assertThat(problems("{\"model\":1,\"messages\":[]}")).singleElement().asString().contains("expected string");
    assertThat(problems("{\"model\":\"m\",\"messages\":[],\"service_tier\":\"gold\"}"))
        .singleElement().asString().contains("is not one of");
    assertThat(problems("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":7}]}"))
        .singleElement().asString().contains("$.messages[0].content: matches 0 of the anyOf options");
    assertThat(problems("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"name\":\"x\"}]}"))
        .singleElement().asString().contains("$.messages[0].name: not a property");
    assertThat(problems("{\"model\":\"m\",\"messages\":[],\"thinking\":{\"type\":\"sometimes\"}}")).isNotEmpty();
    assertThat(problems("{\"model\":\"m\",\"messages\":[],\"logit_bias\":{\"1\":\"high\"}}")).isNotEmpty();
  }
}
