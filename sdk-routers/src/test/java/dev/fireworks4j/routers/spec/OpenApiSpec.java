package dev.fireworks4j.routers.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The official gateway OpenAPI spec (a copy in the test resources), with operation lookup by method and path. */
public final class OpenApiSpec {
  private static final String RESOURCE = "/gateway-openapi.yml";
  private static volatile OpenApiSpec instance;
  private final JsonNode root;
  private final List<Operation> operations = new ArrayList<>();

  /** One operation: id, method, path template and its spec node. */
  public record Operation(String id, String method, String template, Pattern pattern, JsonNode node) {
    /** The declared parameter {@code name} that is {@code in} the query, if any. */
    public Optional<JsonNode> queryParameter(String name) {
      for (JsonNode parameter : node.path("parameters")) {
        if (parameter.path("in").asText().equals("query") && parameter.path("name").asText().equals(name)) {
          return Optional.of(parameter);
        }
      }
      return Optional.empty();
    }

    /** The JSON request body schema, if the operation has a body. */
    public Optional<JsonNode> requestSchema() {
      JsonNode schema = node.path("requestBody").path("content").path("application/json").path("schema");
      return schema.isMissingNode() ? Optional.empty() : Optional.of(schema);
    }

    /** The 200 response schema, if any. */
    public Optional<JsonNode> responseSchema() {
      JsonNode schema = node.path("responses").path("200").path("content").path("application/json").path("schema");
      return schema.isMissingNode() ? Optional.empty() : Optional.of(schema);
    }
  }

  private OpenApiSpec(JsonNode root) {
    this.root = root;
    for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
        String verb = method.getKey().toUpperCase(Locale.ROOT);
        operations.add(new Operation(method.getValue().path("operationId").asText(), verb, path.getKey(),
            templatePattern(path.getKey()), method.getValue()));
      }
    }
  }

  /** The spec, loaded once. */
  public static OpenApiSpec get() {
    OpenApiSpec spec = instance;
    if (spec == null) {
      try (InputStream in = OpenApiSpec.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is not on the test class path");
        }
        spec = new OpenApiSpec(new ObjectMapper(new YAMLFactory()).readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      instance = spec;
    }
    return spec;
  }

  /** The operation serving {@code method} on {@code path} (no query string). */
  public Optional<Operation> find(String method, String path) {
    return operations.stream()
        .filter(op -> op.method().equals(method) && op.pattern().matcher(path).matches())
        .findFirst();
  }

  /** The operation with this id. */
  public Operation operation(String operationId) {
    return operations.stream().filter(op -> op.id().equals(operationId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no operation " + operationId));
  }

  /** A named schema of {@code components.schemas}. */
  public JsonNode schema(String name) {
    JsonNode schema = root.path("components").path("schemas").path(name);
    if (schema.isMissingNode()) {
      throw new IllegalArgumentException("no schema " + name);
    }
    return schema;
  }

  /** The schema a {@code $ref} such as {@code #/components/schemas/gatewayRouter} points to. */
  public JsonNode resolve(String ref) {
    String prefix = "#/components/schemas/";
    if (!ref.startsWith(prefix)) {
      throw new IllegalArgumentException("unsupported $ref " + ref);
    }
    return schema(ref.substring(prefix.length()));
  }

  /** {@code /v1/accounts/{account_id}/deployments/{deployment_id}:scale} as a regex; path ids are letters, digits, {@code .}, {@code _} and {@code -}, so an encoded colon matches nothing. */
  private static Pattern templatePattern(String template) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        regex.append(Pattern.quote(template.substring(i)));
        break;
      }
      regex.append(Pattern.quote(template.substring(i, open))).append("[A-Za-z0-9._-]+");
      i = template.indexOf('}', open) + 1;
    }
    return Pattern.compile(regex.toString());
  }
}
