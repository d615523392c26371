package dev.fireworks4j.testkit.internal.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fireworks4j.testkit.DeploymentCounters;
import dev.fireworks4j.testkit.EmulatorCounters;
import dev.fireworks4j.testkit.Faults;
import dev.fireworks4j.testkit.LatencyModel;
import dev.fireworks4j.testkit.ServingProfile;
import dev.fireworks4j.testkit.StreamQuirk;
import dev.fireworks4j.testkit.internal.json.JsonSupport;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * The JSON form of serving profiles, faults and counters, shared by the admin API and the {@code --config}
 * file. A profile: {@code {"timeToFirstToken": "0.05s", "perToken": "10ms", "maxConcurrentRequests": 8,
 * "streamQuirks": ["PING_EVENTS"], "faults": {...}}}; faults: {@code {"errorRate": 0.1, "errorStatus": 503,
 * "addedLatency": "0.2s", "dropRate": 0, "stallRate": 0, "streamFaultAfterChunks": 1, "stallDuration": "600s"}}.
 * Durations are protobuf strings ({@code "1.5s"}) or milliseconds ({@code "20ms"}). Reading merges the fields
 * present over a base value; unknown fields are errors.
 */
public final class ProfileJson {
  private static final Set<String> PROFILE_FIELDS =
      Set.of("timeToFirstToken", "perToken", "maxConcurrentRequests", "streamQuirks", "faults");
  private static final Set<String> FAULT_FIELDS = Set.of("errorRate", "errorStatus", "addedLatency", "dropRate",
      "stallRate", "streamFaultAfterChunks", "stallDuration");

  private ProfileJson() {}

  /** The fields of {@code json} applied over {@code base}; throws {@link IllegalArgumentException} when invalid. */
  public static ServingProfile readProfile(JsonNode json, ServingProfile base) {
    requireObject(json, "profile", PROFILE_FIELDS);
    LatencyModel latency = base.latency();
    if (json.has("timeToFirstToken") || json.has("perToken")) {
      latency = LatencyModel.of(
          json.has("timeToFirstToken") ? duration(json, "timeToFirstToken") : latency.timeToFirstToken(),
          json.has("perToken") ? duration(json, "perToken") : latency.perToken());
    }
    ServingProfile profile = base.withLatency(latency);
    if (json.has("maxConcurrentRequests")) {
      profile = profile.withMaxConcurrentRequests(integer(json, "maxConcurrentRequests"));
    }
    if (json.has("streamQuirks")) {
      Set<StreamQuirk> quirks = EnumSet.noneOf(StreamQuirk.class);
      for (JsonNode q : json.get("streamQuirks")) {
        try {
          quirks.add(StreamQuirk.valueOf(q.asText().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("unknown stream quirk " + q + "; known: " + Set.of(StreamQuirk.values()));
        }
      }
      profile = profile.withStreamQuirks(quirks);
    }
    if (json.has("faults")) {
      profile = profile.withFaults(readFaults(json.get("faults"), base.faults()));
    }
    return profile;
  }

  /** The fields of {@code json} applied over {@code base}. */
  public static Faults readFaults(JsonNode json, Faults base) {
    requireObject(json, "faults", FAULT_FIELDS);
    Faults.Builder b = base.toBuilder();
    if (json.has("errorRate")) {
      b.errorRate(number(json, "errorRate"));
    }
    if (json.has("errorStatus")) {
      b.errorStatus(integer(json, "errorStatus"));
    }
    if (json.has("addedLatency")) {
      b.addedLatency(duration(json, "addedLatency"));
    }
    if (json.has("dropRate")) {
      b.dropRate(number(json, "dropRate"));
    }
    if (json.has("stallRate")) {
      b.stallRate(number(json, "stallRate"));
    }
    if (json.has("streamFaultAfterChunks")) {
      b.streamFaultAfterChunks(integer(json, "streamFaultAfterChunks"));
    }
    if (json.has("stallDuration")) {
      b.stallDuration(duration(json, "stallDuration"));
    }
    return b.build();
  }

  /** A profile as JSON. */
  public static ObjectNode write(ServingProfile profile) {
    ObjectNode json = JsonSupport.object()
        .put("timeToFirstToken", JsonSupport.duration(profile.latency().timeToFirstToken()))
        .put("perToken", JsonSupport.duration(profile.latency().perToken()))
        .put("maxConcurrentRequests", profile.maxConcurrentRequests());
    profile.streamQuirks().stream().sorted().forEach(q -> json.withArray("streamQuirks").add(q.name()));
    if (profile.streamQuirks().isEmpty()) {
      json.putArray("streamQuirks");
    }
    Faults f = profile.faults();
    json.putObject("faults").put("errorRate", f.errorRate()).put("errorStatus", f.errorStatus())
        .put("addedLatency", JsonSupport.duration(f.addedLatency())).put("dropRate", f.dropRate())
        .put("stallRate", f.stallRate()).put("streamFaultAfterChunks", f.streamFaultAfterChunks())
        .put("stallDuration", JsonSupport.duration(f.stallDuration()));
    return json;
  }

  /** Counters as JSON. */
  public static ObjectNode write(EmulatorCounters counters) {
    ObjectNode json = JsonSupport.object().put("requests", counters.requests()).put("notFound", counters.notFound())
        .put("unavailable", counters.unavailable());
    ObjectNode routers = json.putObject("requestsByRouter");
    counters.requestsByRouter().forEach(routers::put);
    ObjectNode deployments = json.putObject("deployments");
    counters.deployments().forEach((name, c) -> deployments.set(name, write(c)));
    return json;
  }

  private static ObjectNode write(DeploymentCounters c) {
    ObjectNode json = JsonSupport.object().put("requests", c.requests()).put("completed", c.completed())
        .put("rateLimited", c.rateLimited()).put("faulted", c.faulted());
    ObjectNode replicas = json.putObject("requestsByReplica");
    c.requestsByReplica().forEach(replicas::put);
    return json;
  }

  private static void requireObject(JsonNode json, String what, Set<String> fields) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException(what + " must be a JSON object");
    }
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!fields.contains(name)) {
        throw new IllegalArgumentException("unknown " + what + " field \"" + name + "\"; known: " + fields);
      }
    }
  }

  private static Duration duration(JsonNode json, String field) {
    Duration d = json.get(field).isTextual() ? JsonSupport.parseDuration(json.get(field).asText()) : null;
    if (d == null) {
      throw new IllegalArgumentException(field + " must be a duration such as \"1.5s\" or \"20ms\", was "
          + json.get(field));
    }
    return d;
  }

  private static int integer(JsonNode json, String field) {
    if (!json.get(field).canConvertToInt() || !json.get(field).isIntegralNumber()) {
      throw new IllegalArgumentException(field + " must be an integer, was " + json.get(field));
    }
    return json.get(field).asInt();
  }

  private static double number(JsonNode json, String field) {
    if (!json.get(field).isNumber()) {
      throw new IllegalArgumentException(field + " must be a number, was " + json.get(field));
    }
    return json.get(field).asDouble();
  }
}
