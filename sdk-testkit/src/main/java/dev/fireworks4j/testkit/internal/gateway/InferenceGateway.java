package dev.fireworks4j.testkit.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fireworks4j.routers.picker.Lease;
import dev.fireworks4j.routers.picker.Outcome;
import dev.fireworks4j.testkit.Faults;
import dev.fireworks4j.testkit.ServingProfile;
import dev.fireworks4j.testkit.StreamQuirk;
import dev.fireworks4j.testkit.internal.control.Accounts;
import dev.fireworks4j.testkit.internal.control.ServingState;
import dev.fireworks4j.testkit.internal.control.ServingState.DeploymentView;
import dev.fireworks4j.testkit.internal.control.ServingState.RouteView;
import dev.fireworks4j.testkit.internal.gateway.ReplicaPool.Slot;
import dev.fireworks4j.testkit.internal.gateway.TextGenerator.Generation;
import dev.fireworks4j.testkit.internal.http.Call;
import dev.fireworks4j.testkit.internal.json.JsonSupport;
import dev.fireworks4j.testkit.internal.sim.Counters;
import dev.fireworks4j.testkit.internal.sim.Profiles;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The inference gateway: {@code POST /inference/v1/chat/completions} and {@code /inference/v1/completions}
 * (also at {@code /v1/...}, the layout of a custom base URL), and direct routes.
 *
 * <p>A request is authenticated (Bearer API key, 401), its {@code model} resolved to a serving router (router
 * name, deployment name, {@code <account>/<id>}, a model alias, or {@code <model>#<deployment>}; 404 when unknown,
 * private to another account, or its router is still CREATING), a deployment leased from the router's picker (weighted random by replicas or
 * even load; sticky when an {@code x-session-affinity} or {@code x-multi-turn-session-id} header is sent; 503
 * when no deployment has a replica), then a replica of that deployment (the least busy, or the {@code user}'s own
 * when the deployment has {@code enableSessionAffinity}; 429 when all are at the concurrency limit). The replica
 * then injects its faults, waits out its latency model and answers with synthetic output.
 *
 * <p>Direct routes: a deployment with {@code directRouteType: INTERNET} is served at
 * {@code /v1/chat/completions} and {@code /v1/completions} when the {@code Host} header is its handle, and at
 * {@code /direct/<handle>/v1/...} on any host; only its {@code directRouteApiKeys} are accepted (401 otherwise)
 * and the {@code model} field is not used for routing.
 *
 * <p>Response headers: {@code x-request-id} always; on answers from a replica also {@code fireworks-deployment},
 * {@code fireworks-backend-host}, {@code fireworks-num-concurrent-requests} (the replica's requests in flight,
 * this one included), {@code fireworks-server-time-to-first-token}, {@code fireworks-prompt-tokens},
 * {@code fireworks-server-processing-time} (non-streaming), {@code x-ratelimit-limit-requests} and
 * {@code x-ratelimit-remaining-requests} (the deployment's concurrency: replicas × per-replica limit).
 */
public final class InferenceGateway implements Consumer<ServingState> {
  private static final String DIRECT_PREFIX = "/direct/";
  private static final Duration DROP_GRACE = Duration.ofMillis(20);

  private final Accounts accounts;
  private final Runnable tick;
  private final Profiles profiles;
  private final Counters counters;
  private final Clock clock;
  private final TextGenerator text;
  private final Traffic traffic;
  private final long seed;
  private Random requestIds;

  /** A gateway; {@code tick} brings the control plane's lifecycle up to date before each request. */
  public InferenceGateway(Accounts accounts, Runnable tick, Profiles profiles, Counters counters, Clock clock,
      long seed) {
    this.accounts = accounts;
    this.tick = tick;
    this.profiles = profiles;
    this.counters = counters;
    this.clock = clock;
    this.text = new TextGenerator(seed);
    this.traffic = new Traffic(seed);
    this.seed = seed;
    this.requestIds = new Random(seed);
  }

  /** Whether the gateway serves a path. */
  public static boolean serves(String path) {
    return path.startsWith("/inference/") || path.equals("/v1/chat/completions") || path.equals("/v1/completions")
        || path.startsWith(DIRECT_PREFIX);
  }

  /** Takes the control plane's new serving state. */
  @Override
  public void accept(ServingState state) {
    traffic.accept(state);
  }

  /** Restarts the pickers' and the request ids' random sequences from their seeds. */
  public void reseed() {
    traffic.reseed();
    synchronized (this) {
      requestIds = new Random(seed);
    }
  }

  /** Serves one call on a path for which {@link #serves(String)} is true. */
  public void handle(Call call) throws IOException {
    counters.request();
    Map<String, String> headers = new LinkedHashMap<>();
    String requestId = newRequestId();
    headers.put("x-request-id", requestId);
    try {
      String path = call.path();
      String direct = null;
      if (path.startsWith(DIRECT_PREFIX)) {
        int slash = path.indexOf('/', DIRECT_PREFIX.length());
        direct = slash < 0 ? "" : path.substring(DIRECT_PREFIX.length(), slash);
        path = slash < 0 ? "" : path.substring(slash);
      } else if (path.startsWith("/inference/")) {
        path = path.substring("/inference".length());
      } else {
        direct = directHost(call.header("Host"));
      }
      boolean chat = path.equals("/v1/chat/completions");
      if (!chat && !path.equals("/v1/completions")) {
        throw InferenceError.detail(404, "Not Found");
      }
      if (!call.method().equals("POST")) {
        throw InferenceError.detail(405, "Method Not Allowed");
      }
      tick.run();
      if (direct != null) {
        serveDirect(call, chat, direct, requestId, headers);
      } else {
        serveGateway(call, chat, requestId, headers);
      }
    } catch (InferenceError e) {
      headers.putAll(e.headers());
      call.respond(e.status(), e.body(), headers);
    }
  }

  private void serveGateway(Call call, boolean chat, String requestId, Map<String, String> headers)
      throws IOException {
    String token = call.bearerToken();
    String account = accounts.accountOf(token);
    if (account == null) {
      throw InferenceError.unauthorized(token == null
          ? "Missing API key: send Authorization: Bearer <FIREWORKS_API_KEY>" : "The API key you provided is invalid.");
    }
    InferenceRequest request = InferenceRequest.parse(body(call), chat);
    ServingState state = traffic.state();
    RouteView route = resolve(state, request.model);
    if (route == null || !(route.isPublic() || route.account().equals(account))) {
      counters.notFound();
      throw InferenceError.modelNotFound(requestId);
    }
    counters.routed(route.routerName());
    Lease lease = traffic.acquire(route, sessionKey(call)).orElse(null);
    DeploymentView deployment = lease == null ? null : state.deployments().get(lease.key());
    if (deployment == null) {
      if (lease != null) {
        lease.close();
      }
      counters.unavailable();
      throw InferenceError.status(503, "No replica is available for " + request.model
          + ": every deployment behind it has 0 replicas");
    }
    serveOn(call, request, deployment, lease, headers);
  }

  private void serveDirect(Call call, boolean chat, String handle, String requestId, Map<String, String> headers)
      throws IOException {
    DeploymentView deployment = traffic.state().deploymentsByHandle().get(handle.toLowerCase(Locale.ROOT));
    if (deployment == null) {
      counters.notFound();
      throw InferenceError.modelNotFound(requestId);
    }
    String token = call.bearerToken();
    if (token == null || !deployment.directRouteKeys().contains(token)) {
      throw InferenceError.unauthorized("invalid direct-route API key for " + handle);
    }
    serveOn(call, InferenceRequest.parse(body(call), chat), deployment, null, headers);
  }

  private void serveOn(Call call, InferenceRequest request, DeploymentView deployment, Lease lease,
      Map<String, String> headers) throws IOException {
    Counters.Tally tally = counters.deployment(deployment.name());
    tally.request();
    ServingProfile profile = profiles.get(deployment.name());
    ReplicaPool pool = traffic.pool(deployment.name());
    if (pool == null || pool.size() == 0) {
      if (lease != null) {
        lease.close();
      }
      counters.unavailable();
      throw InferenceError.status(503, "deployment " + deployment.name() + " has 0 replicas");
    }
    String affinity = deployment.sessionAffinity()
        ? (request.user != null ? request.user : sessionKey(call)) : null;
    Slot slot = pool.acquire(profile.maxConcurrentRequests(), affinity);
    if (slot == null) {
      tally.rateLimited();
      if (lease != null) {
        lease.release(Outcome.OVERLOADED);
      }
      throw InferenceError.tooManyRequests("The deployment's processing capacity is saturated: its " + pool.size()
          + " replica(s) each serve at most " + profile.maxConcurrentRequests()
          + " concurrent requests. Retry later or scale the deployment up.");
    }
    Outcome outcome = Outcome.CANCELLED;
    try {
      tally.replica(slot.replica().host);
      int limit = pool.size() * profile.maxConcurrentRequests();
      headers.put("fireworks-deployment", deployment.name());
      headers.put("fireworks-backend-host", slot.replica().host);
      headers.put("fireworks-num-concurrent-requests", Integer.toString(slot.concurrentRequests()));
      headers.put("x-ratelimit-limit-requests", Integer.toString(limit));
      headers.put("x-ratelimit-remaining-requests", Integer.toString(Math.max(0, limit - pool.inFlight())));
      headers.put("fireworks-prompt-tokens", Integer.toString(request.promptTokens));
      new Reply(call, request, profile, headers, tally, deployment.name(), slot).send();
      outcome = Outcome.SUCCESS;
    } catch (InferenceError e) {
      outcome = e.status() == 429 ? Outcome.OVERLOADED : e.status() >= 500 ? Outcome.FAILURE : Outcome.CANCELLED;
      throw e;
    } catch (RuntimeException e) {
      outcome = Outcome.FAILURE;
      throw e;
    } finally {
      slot.replica().release();
      if (lease != null) {
        lease.release(outcome);
      }
    }
  }

  /** One replica's answer to one request: faults, latency, then the body or the stream. */
  private final class Reply {
    private final Call call;
    private final InferenceRequest request;
    private final ServingProfile profile;
    private final Map<String, String> headers;
    private final Counters.Tally tally;
    private final String deployment;
    private final Slot slot;
    private final long started = System.nanoTime();

    Reply(Call call, InferenceRequest request, ServingProfile profile, Map<String, String> headers,
        Counters.Tally tally, String deployment, Slot slot) {
      this.call = call;
      this.request = request;
      this.profile = profile;
      this.headers = headers;
      this.tally = tally;
      this.deployment = deployment;
      this.slot = slot;
    }

    void send() throws IOException {
      Faults faults = profile.faults();
      pause(faults.addedLatency());
      double roll = faults.isActive() ? profiles.roll(deployment) : 1.0;
      if (roll < faults.errorRate()) {
        tally.faulted();
        throw InferenceError.status(faults.errorStatus(), "injected fault on " + deployment + " (status "
            + faults.errorStatus() + ")");
      }
      boolean drop = roll < faults.errorRate() + faults.dropRate();
      boolean stall = !drop && request.stream && roll < faults.errorRate() + faults.dropRate() + faults.stallRate();
      if (drop && !request.stream) {
        tally.faulted();
        call.dropConnection();
      }
      List<Generation> choices = new ArrayList<>();
      int completionTokens = 0;
      int longest = 0;
      for (String prompt : request.prompts) {
        for (int i = 0; i < request.n; i++) {
          Generation g = text.generate(request.model, prompt, request.seed, choices.size(), request.maxTokens,
              request.ignoreEos, request.stops);
          choices.add(g);
          completionTokens += g.tokens().size();
          longest = Math.max(longest, g.tokens().size());
        }
      }
      ObjectNode usage = ResponseBodies.usage(request.promptTokens, completionTokens);
      ResponseBodies bodies = new ResponseBodies(request, (request.chat ? "chatcmpl-" : "cmpl-") + headers.get(
          "x-request-id"), clock.instant().getEpochSecond());
      Duration ttft = profile.latency().timeToFirstToken();
      headers.put("fireworks-server-time-to-first-token", seconds(ttft));
      if (!request.stream) {
        pause(profile.latency().generationTime(longest));
        headers.put("fireworks-server-processing-time", seconds(Duration.ofNanos(System.nanoTime() - started)));
        tally.completed();
        call.respond(200, bodies.complete(choices, usage, perfMetrics()), headers);
        return;
      }
      pause(ttft);
      stream(bodies, choices, usage, longest, drop || stall ? faults : null, stall);
    }

    private void stream(ResponseBodies bodies, List<Generation> choices, ObjectNode usage, int longest,
        Faults faults, boolean stall) throws IOException {
      SseWriter sse = new SseWriter(call.startEventStream(headers));
      FaultPoint fault = new FaultPoint(faults, stall);
      boolean pings = profile.streamQuirks().contains(StreamQuirk.PING_EVENTS);
      if (request.chat) {
        for (int i = 0; i < choices.size(); i++) {
          fault.before();
          sse.data(bodies.roleChunk(i));
        }
      }
      for (int t = 0; t < longest; t++) {
        if (t > 0) {
          pause(profile.latency().perToken());
        }
        for (int i = 0; i < choices.size(); i++) {
          List<String> tokens = choices.get(i).tokens();
          if (t < tokens.size()) {
            if (pings) {
              sse.event("ping", JsonSupport.object().put("type", "ping"));
            }
            fault.before();
            sse.data(bodies.tokenChunk(i, tokens.get(t)));
          }
        }
      }
      boolean separateUsage = profile.streamQuirks().contains(StreamQuirk.USAGE_ONLY_FINAL_CHUNK);
      boolean noUsage = profile.streamQuirks().contains(StreamQuirk.NO_USAGE);
      ObjectNode metrics = perfMetrics();
      for (int i = 0; i < choices.size(); i++) {
        boolean last = i == choices.size() - 1;
        boolean withUsage = last && !separateUsage && !noUsage;
        fault.before();
        sse.data(bodies.finishChunk(i, choices.get(i).finishReason(), withUsage ? usage : null,
            last && !separateUsage ? metrics : null));
      }
      if (separateUsage && !noUsage) {
        fault.before();
        sse.data(bodies.usageChunk(usage, metrics));
      }
      fault.before();
      tally.completed();
      sse.done();
    }

    private ObjectNode perfMetrics() {
      if (!request.perfMetrics) {
        return null;
      }
      return JsonSupport.object()
          .put("prompt-tokens", request.promptTokens)
          .put("server-time-to-first-token", profile.latency().timeToFirstToken().toNanos() / 1e9)
          .put("server-processing-time", (System.nanoTime() - started) / 1e9)
          .put("deployment", deployment)
          .put("backend-host", slot.replica().host)
          .put("num-concurrent-requests", slot.concurrentRequests());
    }

    /** Drops or stalls a faulty stream once it has sent its allowed number of chunks. */
    private final class FaultPoint {
      private final Faults faults;
      private final boolean stall;
      private int sent;

      FaultPoint(Faults faults, boolean stall) {
        this.faults = faults;
        this.stall = stall;
      }

      void before() {
        if (faults != null && sent++ == faults.streamFaultAfterChunks()) {
          tally.faulted();
          // a moment for the chunks already written to reach the client before the connection goes
          pause(stall ? faults.stallDuration() : DROP_GRACE);
          call.dropConnection();
        }
      }
    }

    private void pause(Duration duration) {
      if (duration.isZero()) {
        return;
      }
      try {
        Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        call.dropConnection();
      }
    }
  }

  private static JsonNode body(Call call) {
    try {
      return JsonSupport.parse(call.body());
    } catch (IllegalArgumentException | IOException e) {
      throw InferenceError.validation("json_invalid", "JSON decode error: " + e.getMessage(), 0);
    }
  }

  private static RouteView resolve(ServingState state, String model) {
    int hash = model.indexOf('#');
    return state.routesByAlias().get(hash < 0 ? model : model.substring(hash + 1));
  }

  private static String sessionKey(Call call) {
    String key = call.header("x-session-affinity");
    return key != null && !key.isEmpty() ? key : call.header("x-multi-turn-session-id");
  }

  private String directHost(String host) {
    if (host == null) {
      return null;
    }
    String name = host.toLowerCase(Locale.ROOT);
    int colon = name.lastIndexOf(':');
    if (colon > 0 && name.indexOf(']') < colon) {
      name = name.substring(0, colon);
    }
    return traffic.state().deploymentsByHandle().containsKey(name) ? name : null;
  }

  private synchronized String newRequestId() {
    return new UUID(requestIds.nextLong(), requestIds.nextLong()).toString();
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1e9);
  }
}
