package dev.fireworks4j.testkit.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fireworks4j.testkit.internal.http.Call;
import dev.fireworks4j.testkit.internal.json.JsonSupport;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The control plane over HTTP: {@code /v1/accounts/{account}/deployments…}, {@code …/routers…},
 * {@code GET /v1/accounts} and {@code GET /verifyApiKey}.
 *
 * <p>Errors are {@code googlerpcStatus} bodies, {@code {"code": 5, "message": "...", "details": []}}, with the
 * HTTP status of the code: 401 UNAUTHENTICATED without a valid {@code Authorization: Bearer} key; 403
 * PERMISSION_DENIED when the path names another account than the key's; 404 NOT_FOUND for a missing resource
 * or an unknown path; 405 (code UNIMPLEMENTED) for a method the path does not serve; 409 ALREADY_EXISTS; 400
 * INVALID_ARGUMENT for bad input and 400 FAILED_PRECONDITION for an operation the resource's state forbids.
 * The custom-method colon must be literal: {@code …/deployments/x%3Ascale} names a deployment "x:scale".
 */
public final class ControlPlaneApi {
  private final Accounts accounts;
  private final Deployments deployments;
  private final Routers routers;

  /** The API over {@code state}. */
  public ControlPlaneApi(Accounts accounts, ControlPlaneState state) {
    this.accounts = accounts;
    this.deployments = new Deployments(state);
    this.routers = new Routers(state);
  }

  /** Whether a path belongs to the control plane. */
  public static boolean serves(String path) {
    return path.equals("/v1/accounts") || path.startsWith("/v1/accounts/") || path.equals("/verifyApiKey");
  }

  /** Serves one call. */
  public void handle(Call call) throws IOException {
    try {
      String account = accounts.accountOf(call.bearerToken());
      if (account == null) {
        throw ApiError.of(RpcCode.UNAUTHENTICATED, call.bearerToken() == null
            ? "missing API key: send Authorization: Bearer <API_KEY>" : "invalid API key");
      }
      if (call.path().equals("/verifyApiKey")) {
        requireMethod(call, "GET");
        call.respond(200, JsonSupport.object(), Map.of("x-fireworks-account-id", account,
            "x-fireworks-developer-email", Accounts.email(account)));
        return;
      }
      call.respond(200, route(call, account));
    } catch (ApiError e) {
      call.respond(e.httpStatus(), e.body());
    }
  }

  /** Creates a deployment that is READY at once (preset); returns it rendered. */
  public ObjectNode presetDeployment(String account, String id, JsonNode body) {
    return deployments.create(account, id, body, false, true);
  }

  /** Creates a router that is READY at once (preset); returns it rendered. */
  public ObjectNode presetRouter(String account, String id, JsonNode body) {
    return routers.create(account, id, body, true, Accounts.email(account));
  }

  private ObjectNode route(Call call, String caller) {
    String rest = call.path().substring("/v1/accounts".length());
    if (rest.isEmpty() || rest.equals("/")) {
      requireMethod(call, "GET");
      ObjectNode page = JsonSupport.object();
      page.putArray("accounts").add(account(caller));
      return page.put("totalSize", 1);
    }
    String[] segments = rest.substring(1).split("/", -1);
    String account = decode(segments[0]);
    if (!account.equals(caller)) {
      throw ApiError.of(RpcCode.PERMISSION_DENIED, "the API key of account " + caller + " has no access to account "
          + account);
    }
    if (segments.length == 1) {
      requireMethod(call, "GET");
      return account(account);
    }
    String collection = segments[1];
    if (segments.length == 2 && collection.equals("deployments")) {
      return deploymentCollection(call, account);
    }
    if (segments.length == 2 && collection.equals("routers")) {
      return routerCollection(call, account);
    }
    if (segments.length == 3 && collection.equals("deployments")) {
      return deployment(call, account, segments[2]);
    }
    if (segments.length == 3 && collection.equals("routers")) {
      return router(call, account, decode(segments[2]));
    }
    throw ApiError.notFound("Not Found");
  }

  private ObjectNode deploymentCollection(Call call, String account) {
    switch (call.method()) {
      case "GET":
        boolean showDeleted = flag(call, "showDeleted");
        return deployments.list(account, ListQuery.of(call, Schemas.DEPLOYMENT, "create_time",
            "showDeleted=" + showDeleted), showDeleted);
      case "POST":
        return deployments.create(account, call.query("deploymentId"), body(call), flag(call, "validateOnly"), false);
      default:
        throw ApiError.methodNotAllowed();
    }
  }

  private ObjectNode deployment(Call call, String account, String segment) {
    int colon = segment.indexOf(':');
    String id = decode(colon < 0 ? segment : segment.substring(0, colon));
    String verb = colon < 0 ? null : segment.substring(colon + 1);
    if (verb != null) {
      if (verb.equals("scale")) {
        requireMethod(call, "PATCH");
        return deployments.scale(account, id, body(call));
      }
      if (verb.equals("undelete")) {
        requireMethod(call, "POST");
        return deployments.undelete(account, id);
      }
      throw ApiError.notFound("Not Found");
    }
    switch (call.method()) {
      case "GET":
        ObjectNode deployment = deployments.get(account, id);
        return ReadMask.parse(call.query("readMask"), Schemas.DEPLOYMENT).apply(deployment);
      case "PATCH":
        return deployments.update(account, id, body(call), call.query("updateMask"));
      case "DELETE":
        return deployments.delete(account, id, flag(call, "hard"), flag(call, "ignoreChecks"));
      default:
        throw ApiError.methodNotAllowed();
    }
  }

  private ObjectNode routerCollection(Call call, String account) {
    switch (call.method()) {
      case "GET":
        return routers.list(account, ListQuery.of(call, Schemas.ROUTER, "name", ""));
      case "POST":
        return routers.create(account, call.query("routerId"), body(call), false, Accounts.email(account));
      default:
        throw ApiError.methodNotAllowed();
    }
  }

  private ObjectNode router(Call call, String account, String id) {
    switch (call.method()) {
      case "GET":
        return ReadMask.parse(call.query("readMask"), Schemas.ROUTER).apply(routers.get(account, id));
      case "PATCH":
        return routers.update(account, id, body(call), call.query("updateMask"));
      case "DELETE":
        return routers.delete(account, id);
      default:
        throw ApiError.methodNotAllowed();
    }
  }

  private static ObjectNode account(String account) {
    ObjectNode node = JsonSupport.object().put("name", "accounts/" + account).put("displayName", account)
        .put("email", Accounts.email(account)).put("state", "READY");
    node.putObject("status").put("code", "OK").put("message", "");
    return node;
  }

  private static void requireMethod(Call call, String method) {
    if (!call.method().equals(method)) {
      throw ApiError.methodNotAllowed();
    }
  }

  private static JsonNode body(Call call) {
    byte[] bytes;
    try {
      bytes = call.body();
    } catch (IOException e) {
      throw ApiError.invalid("cannot read the request body: " + e.getMessage());
    }
    if (bytes.length == 0) {
      return JsonSupport.object();
    }
    try {
      return JsonSupport.parse(bytes);
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid("the request body is not valid JSON: " + e.getMessage());
    }
  }

  private static boolean flag(Call call, String name) {
    String value = call.query(name);
    if (value == null || value.isEmpty() || value.equals("false") || value.equals("0")) {
      return false;
    }
    if (value.equals("true") || value.equals("1")) {
      return true;
    }
    throw ApiError.invalid("invalid value for " + name + ": \"" + value + "\" (expected true or false)");
  }

  private static String decode(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
