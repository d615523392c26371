package dev.fireworks4j.routers.clientside;

import dev.fireworks4j.core.endpoint.Endpoint;
import dev.fireworks4j.core.endpoint.EndpointResolver;
import dev.fireworks4j.core.endpoint.Endpoints;
import dev.fireworks4j.core.endpoint.Plane;
import dev.fireworks4j.core.endpoint.RoutingEndpointResolver;
import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.core.http.Headers;
import dev.fireworks4j.core.name.RouterName;
import dev.fireworks4j.routers.picker.Lease;
import dev.fireworks4j.routers.picker.Outcome;
import dev.fireworks4j.routers.picker.PickStrategy;
import dev.fireworks4j.routers.picker.PickerOptions;
import dev.fireworks4j.routers.picker.ReplicaPicker;
import dev.fireworks4j.routers.picker.TargetStats;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the inference requests for one router alias across the router's deployments on the client, instead
 * of leaving the split to the gateway. Requests whose {@code model} is the alias (the full name
 * {@code accounts/<account>/routers/<id>} or the short form {@code <account>/<id>}) go to a deployment chosen by a
 * {@link ReplicaPicker}, either through the gateway with {@code model} set to the deployment's name
 * ({@link RoutingMode#GATEWAY}) or to the deployment's direct route with its key
 * ({@link RoutingMode#DIRECT_ROUTE}); every other request goes where the underlying
 * {@linkplain Builder#endpoints endpoints} send it.
 *
 * <pre>{@code
 * try (Fireworks control = Fireworks.fromEnv();
 *      ClientSideRouter router = ClientSideRouter.builder()
 *          .router(RouterName.of(control.accountId(), "ab-test"))
 *          .topology(TopologySource.controlPlane(control.routers(), control.deployments()))
 *          .endpoints(control.options().endpoints())
 *          .build()) {
 *   Fireworks fw = control.withOptions(options -> options.endpoints(router));
 *   fw.chat().completions().create(params);   // params.model() is accounts/<account>/routers/ab-test
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>Weights</b>: a deployment's replica count when it is serving ({@code READY} or {@code UPDATING}) and,
 *       in direct-route mode, has an internet direct route; zero otherwise. When every weight is zero a request
 *       fails with {@link NoCapacityException}.
 *   <li><b>Strategy</b>: the router's ({@code evenLoad} is {@link PickStrategy#EVEN_LOAD}, anything else
 *       {@link PickStrategy#WEIGHTED_RANDOM}) unless {@link Builder#strategy} sets one; requests sent through
 *       {@link #withAffinity(String)} stick to one deployment per affinity key.
 *   <li><b>Health</b>: each attempt's outcome is reported to the picker: 2xx success; 429 and 503 overload (a
 *       load penalty, no ejection); other 5xx, connection failures and timeouts failure (a deployment failing
 *       {@link PickerOptions#failuresToEject()} times in a row is ejected for a while); other statuses, such as
 *       400 or 404, success, since they are not the deployment's fault. A retry goes to a deployment the call
 *       has not tried yet, while there is one. The {@code fireworks-num-concurrent-requests} response header is
 *       reported as the deployment's server-side load.
 *   <li><b>Refresh</b>: the topology is fetched once by {@link Builder#build()}, then every
 *       {@link Builder#refreshInterval refresh interval} and on {@link #refresh()}; each fetch replaces the
 *       picker's snapshot atomically, in-flight requests finish normally and per-deployment counters carry over.
 *       A failed background fetch is logged and routing keeps the last topology.
 * </ul>
 *
 * <p>A request counts as in flight on its deployment from the pick until its response body has been read or
 * its stream closed: close every stream. Thread-safe. {@link #close()} stops the background refresh.
 */
public final class ClientSideRouter implements RoutingEndpointResolver, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClientSideRouter.class);

  private final RouterName router;
  private final String shortAlias;
  private final TopologySource topology;
  private final EndpointResolver endpoints;
  private final RoutingMode mode;
  private final PickStrategy strategy;
  private final Function<String, URI> directRouteUri;
  private final LongSupplier nanoClock;
  private final ReplicaPicker picker;
  private final Object refreshLock = new Object();
  private volatile RoutingView view = RoutingView.EMPTY;
  private volatile Refresher refresher;

  private ClientSideRouter(Builder b) {
    this.router = b.router;
    this.shortAlias = b.router.accountId() + "/" + b.router.id();
    this.topology = b.topology;
    this.endpoints = b.endpoints;
    this.mode = b.mode;
    this.strategy = b.strategy;
    this.directRouteUri = b.directRouteUri;
    this.nanoClock = b.pickerOptions.nanoClock();
    this.picker = ReplicaPicker.create(b.pickerOptions);
  }

  /** A builder; {@link Builder#router} and {@link Builder#topology} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The router whose alias this routes. */
  public RouterName router() {
    return router;
  }

  /** How requests reach the chosen deployment. */
  public RoutingMode mode() {
    return mode;
  }

  /** How deployments are picked for requests without an affinity key, as of the last refresh. */
  public PickStrategy strategy() {
    return view.strategy();
  }

  /** Whether {@code model} is the router's alias, whose requests this routes across the deployments. */
  public boolean routes(String model) {
    return router.toString().equals(model) || shortAlias.equals(model);
  }

  /**
   * The endpoint of a request without a per-attempt choice: always what the underlying endpoints give, which
   * for the alias is the gateway's own server-side routing.
   */
  @Override
  public Endpoint resolve(Plane plane, String model) {
    return endpoints.resolve(plane, model);
  }

  /**
   * Routes one attempt: for the alias, to a deployment picked with the current strategy, other than those in
   * {@code avoid} while one is left; anything else as the underlying endpoints route it.
   *
   * @throws NoCapacityException when no deployment of the router can take the request
   */
  @Override
  public Route route(Plane plane, String model, Set<String> avoid) {
    return route(plane, model, avoid, null);
  }

  /**
   * A view of this router that keeps the requests of one session on one deployment: requests for the alias
   * sent through it go to the deployment that {@code affinityKey} maps to by weighted rendezvous hashing, as long
   * as that deployment is healthy (a retry goes to the key's next choice). Keys spread over the deployments in
   * proportion to their replicas, and a change of weights moves as few keys as possible. Use it as a client's
   * endpoints, for instance {@code fw.withOptions(o -> o.endpoints(router.withAffinity(params.user())))}; the
   * view shares this router's picker, counters and refresh.
   */
  public RoutingEndpointResolver withAffinity(String affinityKey) {
    return new Sticky(this, Objects.requireNonNull(affinityKey, "affinityKey"));
  }

  /**
   * Fetches the topology now and routes over it from now on; returns what was fetched. Refreshes never overlap.
   *
   * @throws RuntimeException whatever the {@link TopologySource} throws; routing then keeps the last topology
   */
  public RouterTopology refresh() {
    synchronized (refreshLock) {
      RouterTopology fetched = topology.fetch(router);
      RoutingView next = RoutingView.of(fetched, mode, strategy, endpoints, directRouteUri);
      view = next;
      picker.update(next.weights());
      LOG.debug("client-side routing of {} refreshed: {}, {}", router, next.strategy(), next.describe());
      return fetched;
    }
  }

  /**
   * Each deployment's counters, in name order: requests routed to it, requests in flight, failures, overloads,
   * whether it is ejected, its weight (replicas) and its mean time to response head.
   */
  public Map<String, TargetStats> stats() {
    return picker.stats();
  }

  /** Stops the background refresh; requests are still routed, over the last topology. */
  @Override
  public void close() {
    Refresher current = refresher;
    if (current != null) {
      current.close();
    }
  }

  @Override
  public String toString() {
    return "ClientSideRouter{" + router + ", " + mode + ", " + view.strategy() + ", " + view.weights() + "}";
  }

  private Route route(Plane plane, String model, Set<String> avoid, String affinityKey) {
    if (plane != Plane.INFERENCE || !routes(model)) {
      return endpoints instanceof RoutingEndpointResolver routing
          ? routing.route(plane, model, avoid)
          : new PassThrough(endpoints.resolve(plane, model), model);
    }
    Set<String> gone = Set.of();
    while (true) {
      Lease lease = lease(avoid, gone, affinityKey);
      Endpoint endpoint = view.endpoint(lease.key());
      if (endpoint != null) {
        return new AttemptRoute(lease, endpoint, nanoClock);
      }
      // a refresh removed the deployment between the pick and now: pick again among the current ones
      lease.release(Outcome.CANCELLED);
      gone = with(gone, lease.key());
    }
  }

  private Lease lease(Set<String> avoid, Set<String> gone, String affinityKey) {
    Optional<Lease> lease = pick(gone.isEmpty() ? avoid : with(gone, avoid), affinityKey);
    if (lease.isEmpty() && !avoid.isEmpty()) {
      lease = pick(gone, affinityKey); // every deployment failed this call once: any of them may try again
    }
    return lease.orElseThrow(() -> new NoCapacityException(router, view.describe()));
  }

  private Optional<Lease> pick(Set<String> excluded, String affinityKey) {
    return affinityKey != null
        ? picker.acquireFor(affinityKey, excluded)
        : picker.acquire(view.strategy(), excluded);
  }

  private static Set<String> with(Set<String> set, String key) {
    return with(set, Set.of(key));
  }

  private static Set<String> with(Set<String> set, Set<String> more) {
    Set<String> union = new HashSet<>(set);
    union.addAll(more);
    return union;
  }

  private void startRefreshing(Duration interval, ScheduledExecutorService scheduler) {
    if (!interval.isZero()) {
      refresher = new Refresher(router.toString(), this::refresh, interval, scheduler);
    }
  }

  /** The router seen through one affinity key. */
  private static final class Sticky implements RoutingEndpointResolver {
    private final ClientSideRouter router;
    private final String affinityKey;

    Sticky(ClientSideRouter router, String affinityKey) {
      this.router = router;
      this.affinityKey = affinityKey;
    }

    @Override
    public Endpoint resolve(Plane plane, String model) {
      return router.resolve(plane, model);
    }

    @Override
    public Route route(Plane plane, String model, Set<String> avoid) {
      return router.route(plane, model, avoid, affinityKey);
    }

    /** The router, not the affinity key (which may identify a user). */
    @Override
    public String toString() {
      return router + " with an affinity key";
    }
  }

  /** A request that is not routed client-side: the underlying endpoint, nothing to report. */
  private static final class PassThrough implements Route {
    private final Endpoint endpoint;
    private final String model;

    PassThrough(Endpoint endpoint, String model) {
      this.endpoint = endpoint;
      this.model = model;
    }

    @Override
    public Endpoint endpoint() {
      return endpoint;
    }

    @Override
    public String model() {
      return model;
    }

    @Override
    public String target() {
      return model;
    }

    @Override
    public void onResponse(int status, Headers headers) {}

    @Override
    public void onFailure(Throwable failure) {}

    @Override
    public void onComplete() {}
  }

  /** Builds a {@link ClientSideRouter}. */
  public static final class Builder {
    /** The default {@link #refreshInterval(Duration)}. */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(15);

    private RouterName router;
    private TopologySource topology;
    private EndpointResolver endpoints = Endpoints.api();
    private RoutingMode mode = RoutingMode.GATEWAY;
    private PickStrategy strategy;
    private Duration refreshInterval = DEFAULT_REFRESH_INTERVAL;
    private ScheduledExecutorService scheduler;
    private PickerOptions pickerOptions = PickerOptions.defaults();
    private Function<String, URI> directRouteUri = handle -> URI.create("https://" + handle + "/v1");

    private Builder() {}

    /** The router whose alias to route (required). */
    public Builder router(RouterName router) {
      this.router = Objects.requireNonNull(router, "router");
      return this;
    }

    /** The router whose alias to route, by full name {@code accounts/<account>/routers/<id>} (required). */
    public Builder router(String routerName) {
      return router(RouterName.parse(routerName));
    }

    /** Where the router's deployments come from (required), typically {@link TopologySource#controlPlane}. */
    public Builder topology(TopologySource topology) {
      this.topology = Objects.requireNonNull(topology, "topology");
      return this;
    }

    /**
     * The endpoints of every request that is not routed client-side, and the gateway that
     * {@link RoutingMode#GATEWAY} sends deployment names to; default {@link Endpoints#api()}. A
     * {@link RoutingEndpointResolver} here (another client-side router, say) routes the requests this one
     * passes on.
     */
    public Builder endpoints(EndpointResolver endpoints) {
      this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
      return this;
    }

    /** Through the gateway (default) or to direct routes. */
    public Builder mode(RoutingMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** How to pick, instead of the router's own strategy. */
    public Builder strategy(PickStrategy strategy) {
      this.strategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    /**
     * The delay between background refreshes of the topology (default {@link #DEFAULT_REFRESH_INTERVAL});
     * {@link Duration#ZERO} refreshes only on {@link ClientSideRouter#refresh()}.
     */
    public Builder refreshInterval(Duration refreshInterval) {
      Objects.requireNonNull(refreshInterval, "refreshInterval");
      if (refreshInterval.isNegative()) {
        throw new ValidationException("refreshInterval", "must not be negative, was " + refreshInterval);
      }
      this.refreshInterval = refreshInterval;
      return this;
    }

    /**
     * The scheduler that runs background refreshes, which {@link ClientSideRouter#close()} leaves running; by
     * default the router starts a daemon thread of its own and stops it on close.
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** The picker's tuning: ejection, penalties, random source and clock. */
    public Builder pickerOptions(PickerOptions pickerOptions) {
      this.pickerOptions = Objects.requireNonNull(pickerOptions, "pickerOptions");
      return this;
    }

    /**
     * The inference base URL of a direct-route handle, default {@code https://<handle>/v1}; a test points it at an
     * emulator or a proxy.
     */
    public Builder directRouteUri(Function<String, URI> directRouteUri) {
      this.directRouteUri = Objects.requireNonNull(directRouteUri, "directRouteUri");
      return this;
    }

    /**
     * Fetches the topology once and returns the router, refreshing in the background from then on.
     *
     * @throws ValidationException when the router or the topology source is missing
     * @throws RuntimeException whatever the first fetch throws; no thread is started then
     */
    public ClientSideRouter build() {
      if (router == null) {
        throw new ValidationException("router", "is required");
      }
      if (topology == null) {
        throw new ValidationException("topology", "is required");
      }
      ClientSideRouter built = new ClientSideRouter(this);
      built.refresh();
      built.startRefreshing(refreshInterval, scheduler);
      return built;
    }
  }
}
