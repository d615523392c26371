package dev.fireworks4j.testkit.internal.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fireworks4j.testkit.internal.control.ServingState.DeploymentView;
import dev.fireworks4j.testkit.internal.control.ServingState.RouteView;
import dev.fireworks4j.testkit.internal.json.JsonSupport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The control plane's resources and their lifecycle. Every operation runs under one lock. State changes that
 * take time (CREATING → READY, UPDATING → READY, DELETING → DELETED or gone) are due {@code lifecycleDelay}
 * after they start and are applied lazily, at the next operation or {@link #tick()} after they fall due, so the
 * emulator needs no timer thread; {@link #settle()} applies every pending change at once. After each change the
 * gateway's view ({@link ServingState}) is rebuilt and handed to the listener.
 */
public final class ControlPlaneState {
  /** The pending "state" of a router being deleted: it disappears when the change applies. */
  static final String REMOVED = "REMOVED";

  private final Object lock = new Object();
  private final Map<String, DeploymentRecord> deployments = new TreeMap<>();
  private final Map<String, RouterRecord> routers = new TreeMap<>();
  private final Duration lifecycleDelay;
  private final Clock clock;
  private final long seed;
  private final Consumer<ServingState> listener;
  private Random ids;
  private volatile boolean pending;
  private volatile long nextDueNanos;

  /** Empty state; {@code listener} receives every new serving view (called under the lock). */
  public ControlPlaneState(Duration lifecycleDelay, Clock clock, long seed, Consumer<ServingState> listener) {
    this.lifecycleDelay = lifecycleDelay;
    this.clock = clock;
    this.seed = seed;
    this.listener = listener;
    this.ids = new Random(seed);
    listener.accept(ServingState.EMPTY);
  }

  /** Applies the lifecycle changes that have fallen due; cheap when none has. */
  public void tick() {
    if (pending && System.nanoTime() - nextDueNanos >= 0) {
      synchronized (lock) {
        if (advance(false)) {
          publish();
        }
      }
    }
  }

  /** Applies every pending lifecycle change now, whatever the delay. */
  public void settle() {
    synchronized (lock) {
      if (advance(true)) {
        publish();
      }
    }
  }

  /** Removes every resource and restarts the id sequence. */
  public void clear() {
    synchronized (lock) {
      deployments.clear();
      routers.clear();
      ids = new Random(seed);
      pending = false;
      publish();
    }
  }

  /** Runs an operation that may change resources, then publishes the new serving view. */
  <T> T mutate(Supplier<T> operation) {
    synchronized (lock) {
      advance(false);
      try {
        return operation.get();
      } finally {
        publish();
      }
    }
  }

  /** Runs a read-only operation on up-to-date resources. */
  <T> T read(Supplier<T> operation) {
    synchronized (lock) {
      if (advance(false)) {
        publish();
      }
      return operation.get();
    }
  }

  Map<String, DeploymentRecord> deployments() {
    return deployments;
  }

  Map<String, RouterRecord> routers() {
    return routers;
  }

  Instant now() {
    return clock.instant();
  }

  /** A random id for a resource created without one: 8 lower-case letters and digits, from the seeded source. */
  String newId() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder id = new StringBuilder();
    id.append(alphabet.charAt(ids.nextInt(26)));
    for (int i = 1; i < 8; i++) {
      id.append(alphabet.charAt(ids.nextInt(alphabet.length())));
    }
    return id.toString();
  }

  /** Starts a deployment's transition to {@code next}; it completes after the lifecycle delay. */
  void schedule(DeploymentRecord d, String next) {
    d.pendingState = next;
    d.dueNanos = dueTime();
    pending = true;
  }

  /** Starts a router's transition to {@code next}: READY, or {@link #REMOVED}. */
  void schedule(RouterRecord r, String next) {
    r.pendingState = next;
    r.dueNanos = dueTime();
    pending = true;
  }

  /** Creates the read-only router generated for a deployment, in CREATING until the deployment is ready. */
  void createAutoRouter(DeploymentRecord d) {
    List<String> aliases = new ArrayList<>(List.of(d.name, d.account + "/" + d.id));
    String modelAlias = modelAlias(d);
    if (modelAlias != null && routers.values().stream().noneMatch(r -> r.aliases.contains(modelAlias))) {
      aliases.add(modelAlias);
    }
    ObjectNode spec = JsonSupport.object();
    spec.putArray("deployments").add(d.name);
    spec.putObject("weightedRandom");
    RouterRecord router = new RouterRecord(d.account, d.id + Names.AUTO_ROUTER_SUFFIX, spec, true, aliases, now());
    router.state = d.state.equals("READY") ? "READY" : "CREATING";
    router.serving = router.state.equals("READY") ? spec : null;
    routers.put(router.name, router);
  }

  private long dueTime() {
    long due = System.nanoTime() + lifecycleDelay.toNanos();
    nextDueNanos = pending ? Math.min(nextDueNanos, due) : due;
    return due;
  }

  private static String modelAlias(DeploymentRecord d) {
    String baseModel = JsonSupport.text(d.spec, "baseModel");
    String prefix = "accounts/" + d.account + "/models/";
    return baseModel != null && baseModel.startsWith(prefix) && baseModel.indexOf('/', prefix.length()) < 0
        ? baseModel : null;
  }

  private boolean advance(boolean all) {
    if (!pending) {
      return false;
    }
    long now = System.nanoTime();
    boolean changed = false;
    boolean stillPending = false;
    long next = 0;
    for (Iterator<DeploymentRecord> it = deployments.values().iterator(); it.hasNext(); ) {
      DeploymentRecord d = it.next();
      if (d.pendingState == null) {
        continue;
      }
      if (all || now - d.dueNanos >= 0) {
        changed = true;
        if (completeDeployment(d)) {
          it.remove();
        }
      } else {
        next = stillPending ? Math.min(next, d.dueNanos) : d.dueNanos;
        stillPending = true;
      }
    }
    for (Iterator<RouterRecord> it = routers.values().iterator(); it.hasNext(); ) {
      RouterRecord r = it.next();
      if (r.pendingState == null) {
        continue;
      }
      if (all || now - r.dueNanos >= 0) {
        changed = true;
        if (r.pendingState.equals(REMOVED)) {
          it.remove();
        } else {
          r.state = r.pendingState;
          r.serving = r.spec.deepCopy();
          r.pendingState = null;
        }
      } else {
        next = stillPending ? Math.min(next, r.dueNanos) : r.dueNanos;
        stillPending = true;
      }
    }
    nextDueNanos = next;
    pending = stillPending;
    return changed;
  }

  /** Completes a deployment's transition; returns true when the record must be removed (hard delete). */
  private boolean completeDeployment(DeploymentRecord d) {
    String next = d.pendingState;
    d.pendingState = null;
    RouterRecord auto = routers.get(d.autoRouterName());
    if (next.equals("DELETED")) {
      routers.remove(d.autoRouterName());
      if (d.hardDelete) {
        return true;
      }
      d.state = "DELETED";
      return false;
    }
    d.state = next;
    d.replicas = d.desiredReplicas;
    if (auto != null && auto.serving == null) {
      auto.state = "READY";
      auto.serving = auto.spec.deepCopy();
    }
    return false;
  }

  private void publish() {
    Map<String, RouteView> routes = new HashMap<>();
    for (RouterRecord r : routers.values()) {
      if (r.serving == null || r.state.equals("DELETING")) {
        continue;
      }
      List<String> targets = new ArrayList<>();
      ArrayNode list = (ArrayNode) r.serving.path("deployments");
      list.forEach(n -> targets.add(n.asText()));
      RouteView view = new RouteView(r.name, r.account, r.serving.path("public").asBoolean(false),
          r.serving.has("evenLoad"), targets);
      routes.put(r.name, view);
      r.aliases.forEach(alias -> routes.put(alias, view));
    }
    Map<String, DeploymentView> views = new HashMap<>();
    Map<String, DeploymentView> byHandle = new HashMap<>();
    for (DeploymentRecord d : deployments.values()) {
      if (d.state.equals("DELETED")) {
        continue;
      }
      Set<String> keys = new HashSet<>();
      d.spec.path("directRouteApiKeys").forEach(k -> keys.add(k.asText()));
      DeploymentView view = new DeploymentView(d.name, d.account, d.replicas,
          d.spec.path("enableSessionAffinity").asBoolean(false), keys);
      views.put(d.name, view);
      String handle = DirectRoutes.internetHandle(d);
      if (handle != null) {
        byHandle.put(handle.toLowerCase(Locale.ROOT), view);
      }
    }
    listener.accept(new ServingState(routes, views, byHandle));
  }
}
