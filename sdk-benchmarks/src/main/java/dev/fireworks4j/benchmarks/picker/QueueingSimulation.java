package dev.fireworks4j.benchmarks.picker;

import dev.fireworks4j.routers.picker.Lease;
import dev.fireworks4j.routers.picker.Outcome;
import dev.fireworks4j.routers.picker.PickStrategy;
import dev.fireworks4j.routers.picker.PickerOptions;
import dev.fireworks4j.routers.picker.RandomSource;
import dev.fireworks4j.routers.picker.ReplicaPicker;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Discrete-event simulation of one scenario and policy, routing with the real {@link ReplicaPicker} on a
 * simulated clock. Each client has its own picker, which sees only that client's requests in flight.
 */
final class QueueingSimulation {

  private static final int USERS = 10_000;
  private static final double NANOS_PER_UNIT = 1e9;

  private final Scenario scenario;
  private final Policy policy;
  private final SplittableRandom random;
  private final ReplicaPicker[] clients;
  private final String[] users = new String[USERS];
  private final Deployment[] deployments;
  private final Map<String, Deployment> byKey = new LinkedHashMap<>();
  private final PriorityQueue<Request> completions =
      new PriorityQueue<>(Comparator.comparingDouble((Request r) -> r.doneAt));
  private double now;

  // measured between the end of the warm-up and the last arrival
  private boolean measuring;
  private double maxPerReplicaIntegral;
  private double meanPerReplicaIntegral;

  QueueingSimulation(Scenario scenario, Policy policy) {
    this.scenario = scenario;
    this.policy = policy;
    this.random = new SplittableRandom(scenario.seed());
    int n = scenario.replicas().length;
    this.deployments = new Deployment[n];
    Map<String, Integer> replicas = new LinkedHashMap<>();
    for (int d = 0; d < n; d++) {
      deployments[d] = new Deployment(d, scenario.replicas()[d], scenario.slotsPerReplica(),
          scenario.speeds()[d]);
      byKey.put("deployment-" + d, deployments[d]);
      replicas.put("deployment-" + d, scenario.replicas()[d]);
    }
    this.clients = new ReplicaPicker[scenario.clients()];
    for (int c = 0; c < clients.length; c++) {
      clients[c] = ReplicaPicker.create(PickerOptions.builder()
          .random(RandomSource.seeded(scenario.seed() * 31 + c))
          .nanoClock(() -> (long) (now * NANOS_PER_UNIT))
          .build());
      clients[c].update(replicas);
    }
    for (int u = 0; u < USERS; u++) {
      users[u] = "user-" + u;
    }
  }

  SimulationResult run() {
    int total = scenario.requests();
    int warmup = total / 10;
    double rate = scenario.load() * scenario.capacity();
    double[] latencies = new double[total - warmup];
    long[] picks = new long[deployments.length];
    double nextArrival = exponential(rate);
    int arrived = 0;
    while (arrived < total || !completions.isEmpty()) {
      if (arrived < total && (completions.isEmpty() || nextArrival <= completions.peek().doneAt)) {
        advance(nextArrival);
        Request r = dispatch(arrived - warmup);
        if (r.sample >= 0) {
          picks[r.deployment.index]++;
        }
        arrived++;
        measuring = arrived >= warmup && arrived < total;
        nextArrival += exponential(rate);
      } else {
        Request r = completions.poll();
        advance(r.doneAt);
        complete(r, latencies);
      }
    }
    Arrays.sort(latencies);
    double[] shares = new double[picks.length];
    for (int d = 0; d < picks.length; d++) {
      shares[d] = (double) picks[d] / latencies.length;
    }
    return new SimulationResult(scenario, policy, Arrays.stream(latencies).average().orElse(0),
        percentile(latencies, 0.50), percentile(latencies, 0.99),
        maxPerReplicaIntegral / meanPerReplicaIntegral, shares);
  }

  /** Routes a new request; {@code sample} is its index among the measured requests, negative in warm-up. */
  private Request dispatch(int sample) {
    ReplicaPicker client = clients[random.nextInt(clients.length)];
    Lease lease = switch (policy) {
      case WEIGHTED_RANDOM -> client.acquire(PickStrategy.WEIGHTED_RANDOM).orElseThrow();
      case EVEN_LOAD, EVEN_LOAD_SERVER_SIGNAL -> client.acquire(PickStrategy.EVEN_LOAD).orElseThrow();
      case STICKY -> client.acquireFor(users[random.nextInt(USERS)]).orElseThrow();
    };
    Request r = new Request(byKey.get(lease.key()), lease, now, sample);
    Deployment d = r.deployment;
    d.inFlight++;
    if (d.busy < d.slots) {
      start(r);
    } else {
      d.queue.add(r);
    }
    return r;
  }

  private void start(Request r) {
    r.deployment.busy++;
    r.doneAt = now + exponential(r.deployment.speed);
    completions.add(r);
  }

  private void complete(Request r, double[] latencies) {
    Deployment d = r.deployment;
    d.inFlight--;
    d.busy--;
    if (policy == Policy.EVEN_LOAD_SERVER_SIGNAL) {
      // what the fireworks-num-concurrent-requests header would carry
      r.lease.reportServerLoad((int) Math.round((double) d.inFlight / d.replicas));
    }
    r.lease.release(Outcome.SUCCESS);
    if (r.sample >= 0) {
      latencies[r.sample] = now - r.arrivedAt;
    }
    Request next = d.queue.poll();
    if (next != null) {
      start(next);
    }
  }

  /** Moves the clock, integrating the in-flight counts over the elapsed time while measuring. */
  private void advance(double to) {
    if (measuring) {
      double dt = to - now;
      double max = 0;
      long inFlight = 0;
      long replicas = 0;
      for (Deployment d : deployments) {
        max = Math.max(max, (double) d.inFlight / d.replicas);
        inFlight += d.inFlight;
        replicas += d.replicas;
      }
      maxPerReplicaIntegral += max * dt;
      meanPerReplicaIntegral += (double) inFlight / replicas * dt;
    }
    now = to;
  }

  private double exponential(double rate) {
    return -Math.log(1 - random.nextDouble()) / rate;
  }

  private static double percentile(double[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  }

  private static final class Deployment {
    final int index;
    final int replicas;
    final int slots;
    final double speed;
    final ArrayDeque<Request> queue = new ArrayDeque<>();
    int busy;
    int inFlight;

    Deployment(int index, int replicas, int slotsPerReplica, double speed) {
      this.index = index;
      this.replicas = replicas;
      this.slots = replicas * slotsPerReplica;
      this.speed = speed;
    }
  }

  private static final class Request {
    final Deployment deployment;
    final Lease lease;
    final double arrivedAt;
    /** Index among the measured requests, or negative during warm-up. */
    final int sample;
    double doneAt;

    Request(Deployment deployment, Lease lease, double arrivedAt, int sample) {
      this.deployment = deployment;
      this.lease = lease;
      this.arrivedAt = arrivedAt;
      this.sample = sample;
    }
  }
}
