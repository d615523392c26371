package dev.fireworks4j.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorBodyTest {
  @Test
  void openAiStyleErrorObject() {
    ErrorBody body = ErrorBody.parse("{\"error\": {\"message\": \"Model not found, inaccessible, and/or not deployed\","
        + " \"param\": \"model\", \"code\": \"NOT_FOUND\", \"type\": \"error\"}, \"request_id\": \"r-1\"}");
    assertThat(body.message()).contains("Model not found, inaccessible, and/or not deployed");
    assertThat(body.code()).contains("NOT_FOUND");
    assertThat(body.param()).contains("model");
    assertThat(body.type()).contains("error");
  }

  @Test
  void errorObjectWithoutParam() {
    ErrorBody body = ErrorBody.parse(
        "{\"error\": {\"code\": \"FORBIDDEN\", \"message\": \"Fire Pass API keys are not authorized for this route.\"}}");
    assertThat(body.message()).contains("Fire Pass API keys are not authorized for this route.");
    assertThat(body.code()).contains("FORBIDDEN");
    assertThat(body.param()).isEmpty();
  }

  @Test
  void errorStringWithMessage() {
    ErrorBody body = ErrorBody.parse("{\"error\": \"Too Many Requests\", \"message\": \"You have exceeded your usage"
        + " limits. Please try again later or contact Fireworks to explore dedicated capacity.\"}");
    assertThat(body.message()).hasValueSatisfying(m -> assertThat(m).startsWith("You have exceeded"));
    assertThat(body.type()).contains("Too Many Requests");
    assertThat(body.code()).isEmpty();
  }

  @Test
  void bareErrorString() {
    ErrorBody body = ErrorBody.parse("{\"error\": \"invalid model\"}");
    assertThat(body.message()).contains("invalid model");
  }

  @Test
  void fastApiValidationDetailList() {
    ErrorBody body = ErrorBody.parse("{\"detail\": [{\"loc\": [\"body\", \"messages\"], \"msg\": \"field required\","
        + " \"type\": \"value_error.missing\"}, {\"loc\": [\"body\", \"temperature\"], \"msg\": \"must be <= 2\","
        + " \"type\": \"value_error\"}]}");
    assertThat(body.message()).contains("body.messages: field required; body.temperature: must be <= 2");
    assertThat(body.type()).contains("value_error.missing");
  }

  @Test
  void detailString() {
    assertThat(ErrorBody.parse("{\"detail\": \"invalid deployment abc\"}").message()).contains("invalid deployment abc");
  }

  @Test
  void googleRpcStatusWithNumericCode() {
    ErrorBody body = ErrorBody.parse("{\"code\": 5, \"message\": \"router not found\", \"details\": []}");
    assertThat(body.message()).contains("router not found");
    assertThat(body.code()).contains("NOT_FOUND");
  }

  @Test
  void controlPlaneShapes() {
    ErrorBody nested = ErrorBody.parse("{\"error\": {\"message\": \"bad\", \"code\": \"INVALID_ARGUMENT\"}}");
    assertThat(nested.code()).contains("INVALID_ARGUMENT");
    ErrorBody httpCode = ErrorBody.parse("{\"message\": \"bad request\", \"code\": 400}");
    assertThat(httpCode.message()).contains("bad request");
    assertThat(httpCode.code()).contains("400");
    ErrorBody stringCode = ErrorBody.parse("{\"code\": \"ALREADY_EXISTS\", \"message\": \"exists\"}");
    assertThat(stringCode.code()).contains("ALREADY_EXISTS");
  }

  @Test
  void nonJsonFallsBackToTheRawText() {
    ErrorBody body = ErrorBody.parse("<html>502 Bad Gateway</html>");
    assertThat(body.message()).contains("<html>502 Bad Gateway</html>");
    assertThat(body.json()).isEmpty();
    assertThat(body.raw()).isEqualTo("<html>502 Bad Gateway</html>");
  }

  @Test
  void emptyNullAndOddBodiesNeverThrow() {
    assertThat(ErrorBody.parse("").message()).isEmpty();
    assertThat(ErrorBody.parse(null).raw()).isEmpty();
    assertThat(ErrorBody.parse("[1,2]").message()).contains("[1,2]");
    assertThat(ErrorBody.parse("{\"error\": null}").message()).contains("{\"error\": null}");
    assertThat(ErrorBody.parse("{\"error\": {\"message\": {\"nested\": 1}}}").message()).isEmpty();
    assertThat(ErrorBody.parse("x".repeat(2000)).message()).hasValueSatisfying(m -> assertThat(m).hasSize(501));
  }
}
