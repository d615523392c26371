package dev.fireworks4j.routers.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one request the SDK sent against the spec: the operation exists for the method and path, every
 * query parameter is declared and well typed, and the body matches the operation's request schema (no
 * read-only or undeclared fields, required fields present).
 *
 * <p>Two deviations are allowed on purpose, both taken from the spec's own prose or API.md: the update
 * bodies carry {@code name} ("{@code router.name} must be populated"; the schema omits it because
 * grpc-gateway binds it from the path), and a deployment update sends {@code updateMask} (API.md §2.4).
 */
public final class SpecConformance {
  private static final Map<String, Set<String>> EXTRA_BODY_FIELDS =
      Map.of("Gateway_UpdateRouter", Set.of("name"), "Gateway_UpdateDeployment", Set.of("name"));
  private static final Map<String, Set<String>> EXTRA_QUERY_PARAMETERS =
      Map.of("Gateway_UpdateDeployment", Set.of("updateMask"));
  private static final ObjectMapper JSON = new ObjectMapper();

  private SpecConformance() {}

  /** The operation id for a request, or a failed assertion when the spec has no such operation. */
  public static String operationId(String method, String url) {
    String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    return OpenApiSpec.get().find(method, path)
        .orElseThrow(() -> new AssertionError("the spec has no operation " + method + " " + path))
        .id();
  }

  /** Every way the request departs from the spec. */
  public static List<String> problems(String method, String url, String body) {
    OpenApiSpec spec = OpenApiSpec.get();
    String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    Optional<OpenApiSpec.Operation> found = spec.find(method, path);
    if (found.isEmpty()) {
      return List.of("the spec has no operation " + method + " " + path);
    }
    OpenApiSpec.Operation operation = found.get();
    List<String> problems = new ArrayList<>();
    checkQuery(operation, url, problems);
    checkBody(spec, operation, body, problems);
    return problems;
  }

  /** Fails with every problem of the request. */
  public static void assertConforms(String method, String url, String body) {
    List<String> problems = problems(method, url, body);
    if (!problems.isEmpty()) {
      throw new AssertionError(method + " " + url + " does not conform to the spec:\n  " + String.join("\n  ", problems)
          + "\n  body: " + body);
    }
  }

  private static void checkQuery(OpenApiSpec.Operation operation, String url, List<String> problems) {
    if (!url.contains("?")) {
      return;
    }
    for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      Optional<JsonNode> parameter = operation.queryParameter(name);
      if (parameter.isEmpty()) {
        if (!EXTRA_QUERY_PARAMETERS.getOrDefault(operation.id(), Set.of()).contains(name)) {
          problems.add("query parameter " + name + " is not declared by " + operation.id());
        }
        continue;
      }
      String type = parameter.get().path("schema").path("type").asText();
      if (type.equals("boolean") && !value.equals("true") && !value.equals("false")) {
        problems.add("query parameter " + name + "=" + value + " is not a boolean");
      } else if (type.equals("integer") && !value.matches("-?\\d+")) {
        problems.add("query parameter " + name + "=" + value + " is not an integer");
      }
    }
  }

  private static void checkBody(OpenApiSpec spec, OpenApiSpec.Operation operation, String body, List<String> problems) {
    Optional<JsonNode> schema = operation.requestSchema();
    boolean hasBody = body != null && !body.isEmpty();
    if (schema.isEmpty()) {
      if (hasBody) {
        problems.add(operation.id() + " takes no body, but one was sent");
      }
      return;
    }
    if (!hasBody) {
      if (operation.node().path("requestBody").path("required").asBoolean(false)) {
        problems.add(operation.id() + " requires a body");
      }
      return;
    }
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      problems.add("the body is not JSON: " + e.getOriginalMessage());
      return;
    }
    problems.addAll(SchemaValidator.forRequests(spec)
        .validate(schema.get(), json, EXTRA_BODY_FIELDS.getOrDefault(operation.id(), Set.of())));
  }
}
