package dev.fireworks4j.testkit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fireworks4j.testkit.spec.SpecClient.Event;
import dev.fireworks4j.testkit.spec.SpecClient.Response;
import java.util.List;

/** Holds emulator answers against the official specs and the documented error shapes (API.md §3.6). */
public final class Conformance {
  private Conformance() {}

  /** A control-plane answer: 200 against the operation's schema, anything else against googlerpcStatus. */
  public static void checkControl(String method, String template, Response response) {
    OpenApiSpec spec = OpenApiSpec.gateway();
    if (response.status() == 200) {
      assertValid(spec, response.body(), spec.responseSchema(template, method, "200", "application/json"),
          method + " " + template);
    } else {
      checkRpcStatus(response.body());
    }
  }

  /** A control-plane error body: googlerpcStatus with an int code, a message and a details array. */
  public static void checkRpcStatus(JsonNode body) {
    OpenApiSpec spec = OpenApiSpec.gateway();
    assertValid(spec, body, spec.schema("googlerpcStatus"), "error body");
    assertThat(body.path("code").isInt()).as("code of %s", body).isTrue();
    assertThat(body.path("message").isTextual()).as("message of %s", body).isTrue();
    assertThat(body.path("details").isArray()).as("details of %s", body).isTrue();
  }

  /** An inference answer: by status and content type. */
  public static void checkInference(String path, Response response) {
    OpenApiSpec spec = OpenApiSpec.inference();
    assertThat(response.header("x-request-id")).as("x-request-id").isNotBlank();
    if (response.status() == 200 && !response.events().isEmpty()) {
      checkStream(spec, path, response.events());
    } else if (response.status() == 200) {
      assertValid(spec, response.body(), spec.responseSchema(path, "post", "200", "application/json"), path);
    } else if (response.status() == 422) {
      assertValid(spec, response.body(), spec.responseSchema(path, "post", "422", "application/json"), path + " 422");
      assertThat(response.body().path("detail").size()).isPositive();
    } else {
      checkInferenceError(response);
    }
  }

  private static void checkStream(OpenApiSpec spec, String path, List<Event> events) {
    JsonNode schema = spec.responseSchema(path, "post", "200", "text/event-stream");
    Event last = events.get(events.size() - 1);
    assertThat(last.data()).as("last event").isEqualTo("[DONE]");
    for (Event e : events.subList(0, events.size() - 1)) {
      if ("ping".equals(e.name())) {
        continue;
      }
      assertThat(e.name()).as("event name").isNull();
      assertValid(spec, e.json(), schema, path + " chunk");
    }
  }

  private static void checkInferenceError(Response response) {
    JsonNode body = response.body();
    JsonNode error = body.path("error");
    switch (response.status()) {
      case 429:
        assertThat(error.isTextual()).as("429 error of %s", body).isTrue();
        assertThat(body.path("message").isTextual()).as("429 message of %s", body).isTrue();
        assertThat(response.header("retry-after")).isNotBlank();
        break;
      case 404:
        if (body.has("detail")) {
          assertThat(body.path("detail").asText()).isEqualTo("Not Found");
        } else {
          assertThat(error.path("message").asText()).isEqualTo("Model not found, inaccessible, and/or not deployed");
          assertThat(error.path("param").asText()).isEqualTo("model");
          assertThat(error.path("code").asText()).isEqualTo("NOT_FOUND");
          assertThat(error.path("type").asText()).isEqualTo("error");
        }
        break;
      case 405:
        assertThat(body.path("detail").asText()).isEqualTo("Method Not Allowed");
        break;
      default:
        assertThat(error.isObject()).as("error object of %s", body).isTrue();
        assertThat(error.path("message").isTextual()).as("message of %s", body).isTrue();
        assertThat(error.path("code").isTextual()).as("code of %s", body).isTrue();
    }
  }

  private static void assertValid(OpenApiSpec spec, JsonNode value, JsonNode schema, String what) {
    assertThat(spec.validate(value, schema)).as("%s conforms to the spec: %s", what, value).isEmpty();
  }
}
