package dev.fireworks4j.testkit.internal.sim;

import dev.fireworks4j.testkit.DeploymentCounters;
import dev.fireworks4j.testkit.EmulatorCounters;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The inference counters; lock-free, resettable. */
public final class Counters {
  private final LongAdder requests = new LongAdder();
  private final LongAdder notFound = new LongAdder();
  private final LongAdder unavailable = new LongAdder();
  private final Map<String, LongAdder> byRouter = new ConcurrentHashMap<>();
  private final Map<String, Tally> byDeployment = new ConcurrentHashMap<>();

  /** Counts an inference request. */
  public void request() {
    requests.increment();
  }

  /** Counts a 404 for an unresolved or inaccessible model. */
  public void notFound() {
    notFound.increment();
  }

  /** Counts a 503 for a model with no replica. */
  public void unavailable() {
    unavailable.increment();
  }

  /** Counts a request resolved by a router. */
  public void routed(String routerName) {
    byRouter.computeIfAbsent(routerName, k -> new LongAdder()).increment();
  }

  /** The tally of one deployment. */
  public Tally deployment(String deploymentName) {
    return byDeployment.computeIfAbsent(deploymentName, k -> new Tally());
  }

  /** A snapshot of every counter. */
  public EmulatorCounters snapshot() {
    Map<String, Long> routers = new TreeMap<>();
    byRouter.forEach((k, v) -> routers.put(k, v.sum()));
    Map<String, DeploymentCounters> deployments = new TreeMap<>();
    byDeployment.forEach((k, v) -> deployments.put(k, v.snapshot()));
    return new EmulatorCounters(requests.sum(), notFound.sum(), unavailable.sum(), routers, deployments);
  }

  /** Sets every counter to zero. */
  public void reset() {
    requests.reset();
    notFound.reset();
    unavailable.reset();
    byRouter.clear();
    byDeployment.clear();
  }

  /** One deployment's counters. */
  public static final class Tally {
    private final LongAdder requests = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder faulted = new LongAdder();
    private final Map<String, LongAdder> byReplica = new ConcurrentHashMap<>();

    /** Counts a request routed to the deployment. */
    public void request() {
      requests.increment();
    }

    /** Counts a request served by a replica. */
    public void replica(String host) {
      byReplica.computeIfAbsent(host, k -> new LongAdder()).increment();
    }

    /** Counts a successful answer. */
    public void completed() {
      completed.increment();
    }

    /** Counts a 429 for saturation. */
    public void rateLimited() {
      rateLimited.increment();
    }

    /** Counts an injected fault. */
    public void faulted() {
      faulted.increment();
    }

    DeploymentCounters snapshot() {
      Map<String, Long> replicas = new TreeMap<>();
      byReplica.forEach((k, v) -> replicas.put(k, v.sum()));
      return new DeploymentCounters(requests.sum(), completed.sum(), rateLimited.sum(), faulted.sum(), replicas);
    }
  }
}
