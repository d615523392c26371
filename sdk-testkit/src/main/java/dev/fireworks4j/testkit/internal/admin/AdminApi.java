package dev.fireworks4j.testkit.internal.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fireworks4j.testkit.Faults;
import dev.fireworks4j.testkit.FireworksEmulator;
import dev.fireworks4j.testkit.ServingProfile;
import dev.fireworks4j.testkit.internal.http.Call;
import dev.fireworks4j.testkit.internal.json.JsonSupport;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The emulator's admin API, unauthenticated (the server listens on loopback only):
 *
 * <ul>
 *   <li>{@code GET /admin/counters}: inference counters; {@code POST /admin/counters:reset} zeroes them;
 *   <li>{@code POST /admin/reset}: back to the start state (preset resources only, configured profiles, zero
 *       counters, random sources reseeded);
 *   <li>{@code POST /admin/settle}: completes every pending lifecycle transition now;
 *   <li>{@code GET|PUT /admin/deployments/{account}/{id}/profile}: a deployment's serving profile (PUT merges the
 *       fields given);
 *   <li>{@code PUT|DELETE /admin/deployments/{account}/{id}/faults}: set (merging) or clear its faults.
 * </ul>
 *
 * <p>Errors: 400 {@code {"error": "…"}} for a bad body, 404 for an unknown path, 405 for a wrong method.
 */
public final class AdminApi {
  private final FireworksEmulator emulator;

  /** The admin API of {@code emulator}. */
  public AdminApi(FireworksEmulator emulator) {
    this.emulator = emulator;
  }

  /** Whether the admin API serves a path. */
  public static boolean serves(String path) {
    return path.startsWith("/admin/");
  }

  /** Serves one call. */
  public void handle(Call call) throws IOException {
    try {
      route(call);
    } catch (IllegalArgumentException e) {
      call.respond(400, JsonSupport.object().put("error", e.getMessage()));
    }
  }

  private void route(Call call) throws IOException {
    String path = call.path().substring("/admin/".length());
    switch (path) {
      case "counters":
        if (method(call, "GET")) {
          call.respond(200, ProfileJson.write(emulator.counters()));
        }
        return;
      case "counters:reset":
        if (method(call, "POST")) {
          emulator.resetCounters();
          call.respond(200, JsonSupport.object());
        }
        return;
      case "reset":
        if (method(call, "POST")) {
          emulator.reset();
          call.respond(200, JsonSupport.object());
        }
        return;
      case "settle":
        if (method(call, "POST")) {
          emulator.settle();
          call.respond(200, JsonSupport.object());
        }
        return;
      default:
        deployment(call, path.split("/", -1));
    }
  }

  private void deployment(Call call, String[] segments) throws IOException {
    if (segments.length != 4 || !segments[0].equals("deployments")) {
      call.respond(404, JsonSupport.object().put("error", "no admin resource at " + call.path()));
      return;
    }
    String name = "accounts/" + decode(segments[1]) + "/deployments/" + decode(segments[2]);
    String method = call.method();
    if (segments[3].equals("profile") && method.equals("GET")) {
      call.respond(200, ProfileJson.write(emulator.profile(name)));
    } else if (segments[3].equals("profile") && method.equals("PUT")) {
      ServingProfile profile = ProfileJson.readProfile(body(call), emulator.profile(name));
      emulator.setProfile(name, profile);
      call.respond(200, ProfileJson.write(profile));
    } else if (segments[3].equals("faults") && method.equals("PUT")) {
      Faults faults = ProfileJson.readFaults(body(call), emulator.profile(name).faults());
      emulator.setFaults(name, faults);
      call.respond(200, ProfileJson.write(emulator.profile(name)));
    } else if (segments[3].equals("faults") && method.equals("DELETE")) {
      emulator.clearFaults(name);
      call.respond(200, ProfileJson.write(emulator.profile(name)));
    } else if (segments[3].equals("profile") || segments[3].equals("faults")) {
      call.respond(405, JsonSupport.object().put("error", method + " is not allowed on " + call.path()));
    } else {
      call.respond(404, JsonSupport.object().put("error", "no admin resource at " + call.path()));
    }
  }

  private static boolean method(Call call, String expected) throws IOException {
    if (call.method().equals(expected)) {
      return true;
    }
    call.respond(405, JsonSupport.object().put("error", call.method() + " is not allowed on " + call.path()));
    return false;
  }

  private static JsonNode body(Call call) throws IOException {
    return JsonSupport.parse(call.body());
  }

  private static String decode(String segment) {
    return URLDecoder.decode(segment, StandardCharsets.UTF_8);
  }
}
