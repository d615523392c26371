package dev.fireworks4j.routers.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fireworks4j.routers.spec.SpecConformance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A stateful in-memory stand-in for the router and deployment endpoints of account {@code acct}, on the
 * JDK's HTTP server, for tests that run many dependent calls. Its JSON handling is its own (a plain
 * mapper, field by field), not the SDK's model classes. A changed resource reports {@code UPDATING} (or
 * {@code CREATING}) on the next GET and {@code READY} after that. Every request is recorded and checked
 * against the spec.
 */
public final class FakeControlPlane implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    // without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: ~40 ms a call
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final Pattern ROUTERS = Pattern.compile("/v1/accounts/acct/routers");
  private static final Pattern ROUTER = Pattern.compile("/v1/accounts/acct/routers/([A-Za-z0-9._-]+)");
  private static final Pattern DEPLOYMENT = Pattern.compile("/v1/accounts/acct/deployments/([A-Za-z0-9._-]+)");
  private static final Pattern SCALE = Pattern.compile("/v1/accounts/acct/deployments/([A-Za-z0-9._-]+):scale");
  private final HttpServer server;
  private final Map<String, ObjectNode> routers = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> deployments = new ConcurrentHashMap<>();
  private final Map<String, Integer> failScaleTo = new HashMap<>();
  private final List<String> requests = new ArrayList<>();
  private final List<String> conformanceProblems = new ArrayList<>();

  /** Starts the server on a free port. */
  public FakeControlPlane() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  /** The base URL. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Adds a READY deployment with {@code replicas} replicas. */
  public void addDeployment(String id, int replicas) {
    ObjectNode deployment = JSON.createObjectNode()
        .put("name", "accounts/acct/deployments/" + id)
        .put("baseModel", "accounts/fireworks/models/llama")
        .put("state", "READY");
    if (replicas > 0) {
      deployment.put("replicaCount", replicas);
    }
    deployments.put(id, deployment);
  }

  /** Adds a READY router over these deployment ids. */
  public void addRouter(String id, String... deploymentIds) {
    ObjectNode router = JSON.createObjectNode().put("name", "accounts/acct/routers/" + id).put("state", "READY");
    ArrayNode list = router.putArray("deployments");
    for (String deployment : deploymentIds) {
      list.add("accounts/acct/deployments/" + deployment);
    }
    routers.put(id, router);
  }

  /** Makes scaling {@code id} to {@code replicas} fail with a 500. */
  public synchronized void failScaling(String id, int replicas) {
    failScaleTo.put(id, replicas);
  }

  /** The current replica count of a deployment. */
  public int replicas(String id) {
    return deployments.get(id).path("replicaCount").asInt(0);
  }

  /** The deployment names a router covers, or null when it does not exist. */
  public List<String> routerDeployments(String id) {
    ObjectNode router = routers.get(id);
    if (router == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    router.path("deployments").forEach(d -> names.add(d.asText()));
    return names;
  }

  /** Every request so far as {@code "METHOD path?query body"}, oldest first. */
  public synchronized List<String> requests() {
    return List.copyOf(requests);
  }

  /** The requests that change something (all but GETs). */
  public synchronized List<String> changes() {
    return requests.stream().filter(r -> !r.startsWith("GET ")).collect(Collectors.toList());
  }

  /** Fails when any request departed from the spec. */
  public synchronized void assertConforms() {
    if (!conformanceProblems.isEmpty()) {
      throw new AssertionError(String.join("\n", conformanceProblems));
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    String url = query == null ? path : path + "?" + query;
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    synchronized (this) {
      requests.add(method + " " + url + (body.isEmpty() ? "" : " " + body));
      conformanceProblems.addAll(SpecConformance.problems(method, url, body).stream()
          .map(p -> method + " " + url + ": " + p).collect(Collectors.toList()));
    }
    Reply reply;
    try {
      reply = route(method, path, query, body.isEmpty() ? null : JSON.readTree(body));
    } catch (RuntimeException e) {
      reply = new Reply(500, "{\"code\":13,\"message\":\"" + e + "\"}");
    }
    byte[] bytes = reply.body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(reply.status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private synchronized Reply route(String method, String path, String query, JsonNode body) {
    Matcher m;
    if (method.equals("POST") && ROUTERS.matcher(path).matches()) {
      String id = query.substring(query.indexOf("routerId=") + "routerId=".length());
      if (routers.containsKey(id)) {
        return new Reply(409, "{\"code\":6,\"message\":\"router exists\"}");
      }
      ObjectNode router = ((ObjectNode) body).deepCopy().put("name", "accounts/acct/routers/" + id)
          .put("state", "CREATING");
      routers.put(id, router);
      return ok(router);
    }
    if ((m = ROUTER.matcher(path)).matches()) {
      ObjectNode router = routers.get(m.group(1));
      if (router == null) {
        return new Reply(404, "{\"code\":5,\"message\":\"router not found\"}");
      }
      switch (method) {
        case "GET":
          return ok(settle(router));
        case "PATCH":
          body.properties().forEach(field -> router.set(field.getKey(), field.getValue()));
          router.put("state", "UPDATING");
          return ok(router);
        case "DELETE":
          routers.remove(m.group(1));
          return new Reply(200, "{}");
        default:
          return new Reply(405, "{}");
      }
    }
    if (method.equals("PATCH") && (m = SCALE.matcher(path)).matches()) {
      ObjectNode deployment = deployments.get(m.group(1));
      int replicas = body.path("replicaCount").asInt(0);
      if (Integer.valueOf(replicas).equals(failScaleTo.get(m.group(1)))) {
        return new Reply(500, "{\"code\":13,\"message\":\"scaling failed\"}");
      }
      deployment.put("replicaCount", replicas).put("state", "UPDATING");
      return new Reply(200, "{}");
    }
    if (method.equals("GET") && (m = DEPLOYMENT.matcher(path)).matches()) {
      ObjectNode deployment = deployments.get(m.group(1));
      return deployment == null ? new Reply(404, "{\"code\":5}") : ok(settle(deployment));
    }
    return new Reply(404, "{\"message\":\"no route " + method + " " + path + "\"}");
  }

  /** The resource as it is now; a transitional state moves to READY for the next read. */
  private static ObjectNode settle(ObjectNode resource) {
    ObjectNode now = resource.deepCopy();
    String state = resource.path("state").asText();
    if (state.equals("CREATING") || state.equals("UPDATING")) {
      resource.put("state", "READY");
    }
    return now;
  }

  private static Reply ok(JsonNode value) {
    return new Reply(200, value.toString());
  }

  private record Reply(int status, String body) {}
}
