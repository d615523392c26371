package dev.fireworks4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fireworks4j.testkit.internal.admin.ProfileJson;
import dev.fireworks4j.testkit.internal.json.JsonSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How an emulator starts: port, accounts and API keys, seed, lifecycle delay, serving profiles, and deployments and
 * routers that exist from the start (READY at once). Immutable; build one with {@link #builder()} or read one from
 * JSON with {@link #fromJson(String)}, the format of the standalone emulator's {@code --config FILE}:
 *
 * <pre>{@code
 * {
 *   "port": 8080, "account": "my-account", "apiKey": "my-key", "seed": 42, "lifecycleDelay": "2s",
 *   "accounts": {"other-account": "other-key"},
 *   "defaultProfile": {"timeToFirstToken": "50ms", "perToken": "10ms", "maxConcurrentRequests": 16},
 *   "deployments": [
 *     {"id": "model-a", "deployment": {"baseModel": "accounts/fireworks/models/llama-v3p1-8b-instruct",
 *      "minReplicaCount": 3}, "profile": {"faults": {"errorRate": 0.05, "errorStatus": 503}}},
 *     {"id": "model-b", "deployment": {"baseModel": "accounts/fireworks/models/llama-v3p1-8b-instruct"}}
 *   ],
 *   "routers": [{"id": "ab-test", "router": {"deployments": ["model-a", "model-b"], "weightedRandom": {}}}]
 * }
 * }</pre>
 *
 * <p>Every field is optional. Deployment and router bodies use the control plane's JSON ({@code gatewayDeployment},
 * {@code gatewayRouter}); an {@code id} may also be a full name ({@code accounts/<account>/deployments/<id>}) to
 * place it in another configured account. Profiles and faults are described in {@link ServingProfile} and
 * {@link Faults}; durations are {@code "1.5s"} or {@code "20ms"}.
 */
public final class EmulatorConfig {
  /** The account of the default configuration. */
  public static final String DEFAULT_ACCOUNT = "emulator";
  /** The API key of the default configuration. */
  public static final String DEFAULT_API_KEY = "emulator-api-key";
  /** The seed of the default configuration. */
  public static final long DEFAULT_SEED = 42;
  /** The base model of deployments created by {@link Builder#deployment(String, int)}. */
  public static final String DEFAULT_BASE_MODEL = "accounts/fireworks/models/llama-v3p1-8b-instruct";

  private static final Set<String> FIELDS = Set.of("port", "account", "apiKey", "seed", "lifecycleDelay", "accounts",
      "defaultProfile", "deployments", "routers");

  private final int port;
  private final Map<String, String> accounts;
  private final long seed;
  private final Duration lifecycleDelay;
  private final ServingProfile defaultProfile;
  private final Map<String, ServingProfile> profiles;
  private final List<Preset> deployments;
  private final List<Preset> routers;

  private EmulatorConfig(Builder b) {
    this.port = b.port;
    Map<String, String> all = new LinkedHashMap<>();
    all.put(b.account, b.apiKey);
    b.otherAccounts.forEach(all::putIfAbsent);
    this.accounts = Collections.unmodifiableMap(all);
    this.seed = b.seed;
    this.lifecycleDelay = b.lifecycleDelay;
    this.defaultProfile = b.defaultProfile;
    Map<String, ServingProfile> named = new LinkedHashMap<>();
    b.profiles.forEach((ref, profile) -> named.put(qualify(ref, "deployments", b.account), profile));
    this.profiles = Collections.unmodifiableMap(named);
    this.deployments = qualify(b.deployments, "deployments", b.account);
    this.routers = qualify(b.routers, "routers", b.account);
    for (Preset p : deployments) {
      requireAccount(p.name());
    }
    for (Preset p : routers) {
      requireAccount(p.name());
    }
  }

  /** A builder with the defaults: a free port, account {@value #DEFAULT_ACCOUNT}, seed 42, no delay. */
  public static Builder builder() {
    return new Builder();
  }

  /** The default configuration. */
  public static EmulatorConfig defaults() {
    return builder().build();
  }

  /** A configuration read from JSON (see the class comment); {@link IllegalArgumentException} when invalid. */
  public static EmulatorConfig fromJson(String json) {
    return builder().applyJson(json).build();
  }

  /** A configuration read from a JSON file. */
  public static EmulatorConfig fromFile(Path file) throws IOException {
    return fromJson(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** A builder holding this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.port = port;
    Iterator<Map.Entry<String, String>> it = accounts.entrySet().iterator();
    Map.Entry<String, String> primary = it.next();
    b.account = primary.getKey();
    b.apiKey = primary.getValue();
    it.forEachRemaining(e -> b.otherAccounts.put(e.getKey(), e.getValue()));
    b.seed = seed;
    b.lifecycleDelay = lifecycleDelay;
    b.defaultProfile = defaultProfile;
    b.profiles.putAll(profiles);
    b.deployments.addAll(deployments);
    b.routers.addAll(routers);
    return b;
  }

  /** The port to bind, 0 for a free one. */
  public int port() {
    return port;
  }

  /** The primary account id. */
  public String accountId() {
    return accounts.keySet().iterator().next();
  }

  /** The primary account's API key. */
  public String apiKey() {
    return accounts.values().iterator().next();
  }

  /** Every account and its API key, the primary first. */
  public Map<String, String> accounts() {
    return accounts;
  }

  /** The seed of every random choice (ids, traffic split, faults, synthetic text). */
  public long seed() {
    return seed;
  }

  /** How long CREATING, UPDATING and DELETING last. */
  public Duration lifecycleDelay() {
    return lifecycleDelay;
  }

  /** The profile of deployments without their own. */
  public ServingProfile defaultProfile() {
    return defaultProfile;
  }

  /** Profiles by deployment name. */
  public Map<String, ServingProfile> profiles() {
    return profiles;
  }

  /** Deployments that exist from the start, by full name, in order. */
  public List<Preset> deployments() {
    return deployments;
  }

  /** Routers that exist from the start, by full name, in order (created after the deployments). */
  public List<Preset> routers() {
    return routers;
  }

  @Override
  public String toString() {
    return "EmulatorConfig{port=" + port + ", accounts=" + accounts.keySet() + ", seed=" + seed + ", lifecycleDelay="
        + lifecycleDelay + ", defaultProfile=" + defaultProfile + ", profiles=" + profiles + ", deployments="
        + deployments + ", routers=" + routers + "}";
  }

  private void requireAccount(String name) {
    String account = name.split("/")[1];
    if (!accounts.containsKey(account)) {
      throw new IllegalArgumentException(name + " belongs to account " + account + ", which is not configured");
    }
  }

  private static List<Preset> qualify(List<Preset> presets, String collection, String account) {
    List<Preset> out = new ArrayList<>();
    for (Preset p : presets) {
      out.add(new Preset(qualify(p.name(), collection, account), p.json()));
    }
    return List.copyOf(out);
  }

  private static String qualify(String ref, String collection, String account) {
    if (!ref.contains("/")) {
      return "accounts/" + account + "/" + collection + "/" + ref;
    }
    String[] parts = ref.split("/");
    if (parts.length != 4 || !parts[0].equals("accounts") || !parts[2].equals(collection)) {
      throw new IllegalArgumentException("\"" + ref + "\" is neither an id nor accounts/<account>/" + collection
          + "/<id>");
    }
    return ref;
  }

  /**
   * A resource that exists from the start.
   *
   * @param name its full name, {@code accounts/<account>/<collection>/<id>}
   * @param json its body in the control plane's JSON
   */
  public record Preset(String name, String json) {
    /** Checks the fields. */
    public Preset {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(json, "json");
    }
  }

  /** Builds an {@link EmulatorConfig}; {@link #start()} builds it and starts an emulator. */
  public static final class Builder {
    private int port;
    private String account = DEFAULT_ACCOUNT;
    private String apiKey = DEFAULT_API_KEY;
    private final Map<String, String> otherAccounts = new LinkedHashMap<>();
    private long seed = DEFAULT_SEED;
    private Duration lifecycleDelay = Duration.ZERO;
    private ServingProfile defaultProfile = ServingProfile.defaults();
    private final Map<String, ServingProfile> profiles = new LinkedHashMap<>();
    private final List<Preset> deployments = new ArrayList<>();
    private final List<Preset> routers = new ArrayList<>();

    private Builder() {}

    /** The port to bind on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /** The primary account's id. */
    public Builder accountId(String accountId) {
      this.account = id("accountId", accountId);
      return this;
    }

    /** The primary account's API key. */
    public Builder apiKey(String apiKey) {
      this.apiKey = key(apiKey);
      return this;
    }

    /** Another account, with its own API key (for ownership and public-router tests). */
    public Builder addAccount(String accountId, String apiKey) {
      otherAccounts.put(id("accountId", accountId), key(apiKey));
      return this;
    }

    /** The seed of every random choice. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** How long CREATING, UPDATING and DELETING last (default zero: the next request sees the end state). */
    public Builder lifecycleDelay(Duration lifecycleDelay) {
      Objects.requireNonNull(lifecycleDelay, "lifecycleDelay");
      if (lifecycleDelay.isNegative()) {
        throw new IllegalArgumentException("lifecycleDelay must not be negative, was " + lifecycleDelay);
      }
      this.lifecycleDelay = lifecycleDelay;
      return this;
    }

    /** The profile of deployments without their own. */
    public Builder defaultProfile(ServingProfile profile) {
      this.defaultProfile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    /** The profile of one deployment (an id of the primary account, or a full name). */
    public Builder profile(String deployment, ServingProfile profile) {
      profiles.put(Objects.requireNonNull(deployment, "deployment"), Objects.requireNonNull(profile, "profile"));
      return this;
    }

    /** A deployment that exists from the start, READY with {@code replicas} replicas of the default base model. */
    public Builder deployment(String id, int replicas) {
      if (replicas < 0) {
        throw new IllegalArgumentException("replicas must not be negative, was " + replicas);
      }
      return deployment(id, JsonSupport.write(JsonSupport.object().put("baseModel", DEFAULT_BASE_MODEL)
          .put("minReplicaCount", replicas).put("maxReplicaCount", replicas)));
    }

    /** A deployment that exists from the start, READY, from its control-plane JSON ({@code baseModel} required). */
    public Builder deployment(String id, String deploymentJson) {
      deployments.add(new Preset(Objects.requireNonNull(id, "id"), deploymentJson));
      return this;
    }

    /** A weighted-random router over {@code deploymentIds} that exists from the start, READY. */
    public Builder router(String id, String... deploymentIds) {
      var body = JsonSupport.object();
      var list = body.putArray("deployments");
      for (String d : deploymentIds) {
        list.add(d);
      }
      body.putObject("weightedRandom");
      return routerJson(id, JsonSupport.write(body));
    }

    /** A router that exists from the start, READY, from its control-plane JSON. */
    public Builder routerJson(String id, String routerJson) {
      routers.add(new Preset(Objects.requireNonNull(id, "id"), routerJson));
      return this;
    }

    /** Applies a JSON configuration (see {@link EmulatorConfig}) over this builder. */
    public Builder applyJson(String json) {
      JsonNode root;
      try {
        root = JsonSupport.parse(json);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("emulator configuration: " + e.getMessage(), e);
      }
      if (!root.isObject()) {
        throw new IllegalArgumentException("emulator configuration must be a JSON object");
      }
      root.fieldNames().forEachRemaining(name -> {
        if (!FIELDS.contains(name)) {
          throw new IllegalArgumentException("unknown emulator configuration field \"" + name + "\"; known: " + FIELDS);
        }
      });
      if (root.has("port")) {
        port(root.get("port").asInt());
      }
      if (root.has("account")) {
        accountId(root.get("account").asText());
      }
      if (root.has("apiKey")) {
        apiKey(root.get("apiKey").asText());
      }
      if (root.has("seed")) {
        seed(root.get("seed").asLong());
      }
      if (root.has("lifecycleDelay")) {
        Duration delay = JsonSupport.parseDuration(root.get("lifecycleDelay").asText());
        if (delay == null) {
          throw new IllegalArgumentException("lifecycleDelay must be a duration such as \"2s\", was "
              + root.get("lifecycleDelay"));
        }
        lifecycleDelay(delay);
      }
      root.path("accounts").properties().forEach(e -> addAccount(e.getKey(), e.getValue().asText()));
      if (root.has("defaultProfile")) {
        defaultProfile(ProfileJson.readProfile(root.get("defaultProfile"), defaultProfile));
      }
      for (JsonNode d : root.path("deployments")) {
        String id = requiredText(d, "id", "deployments[]");
        deployment(id, JsonSupport.write(requiredObject(d, "deployment", "deployments[]")));
        if (d.has("profile")) {
          profile(id, ProfileJson.readProfile(d.get("profile"), defaultProfile));
        }
      }
      for (JsonNode r : root.path("routers")) {
        routerJson(requiredText(r, "id", "routers[]"), JsonSupport.write(requiredObject(r, "router", "routers[]")));
      }
      return this;
    }

    /** The configuration. */
    public EmulatorConfig build() {
      return new EmulatorConfig(this);
    }

    /** Builds the configuration and starts an emulator with it. */
    public FireworksEmulator start() {
      return FireworksEmulator.start(build());
    }

    private static String requiredText(JsonNode node, String field, String where) {
      if (!node.path(field).isTextual()) {
        throw new IllegalArgumentException(where + "." + field + " is required");
      }
      return node.get(field).asText();
    }

    private static JsonNode requiredObject(JsonNode node, String field, String where) {
      if (!node.path(field).isObject()) {
        throw new IllegalArgumentException(where + "." + field + " must be a JSON object");
      }
      return node.get(field);
    }

    private static String id(String what, String value) {
      if (value == null || !value.matches("[a-z0-9][a-z0-9-]{0,62}")) {
        throw new IllegalArgumentException(what + " \"" + value + "\" must be 1 to 63 lower-case letters, digits and"
            + " hyphens");
      }
      return value;
    }

    private static String key(String value) {
      if (value == null || value.isBlank() || value.chars().anyMatch(c -> c <= ' ')) {
        throw new IllegalArgumentException("an API key must be non-blank and without white space");
      }
      return value;
    }
  }
}
