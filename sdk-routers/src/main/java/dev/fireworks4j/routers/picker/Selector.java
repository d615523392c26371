package dev.fireworks4j.routers.picker;

/** The three pick algorithms, over a routing table's members; each returns null when there is no capacity. */
final class Selector {

  private final RandomSource random;
  private final LoadModel loads;
  private final int fullScanLimit;

  Selector(RandomSource random, LoadModel loads, int fullScanLimit) {
    this.random = random;
    this.loads = loads;
    this.fullScanLimit = fullScanLimit;
  }

  /** Draws a member with probability proportional to its weight. */
  KeyState weighted(RoutingTable t) {
    return t.total == 0 ? null : t.members[t.indexOf(random.nextInt(t.total))];
  }

  /**
   * Picks the member with the least load per unit of weight: all of them up to the full-scan limit, else the
   * better of two distinct weighted-random candidates. Ties go to the weighted draw, so that idle
   * deployments share traffic in proportion to their weights.
   */
  KeyState leastLoaded(RoutingTable t) {
    int n = t.members.length;
    if (n <= 1) {
      return n == 0 ? null : t.members[0];
    }
    int drawn = t.indexOf(random.nextInt(t.total));
    return n <= fullScanLimit ? scan(t, drawn) : betterOfTwo(t, drawn);
  }

  private KeyState scan(RoutingTable t, int start) {
    KeyState[] m = t.members;
    int[] w = t.weights;
    int n = m.length;
    boolean signals = false;
    for (KeyState s : m) {
      signals |= LoadModel.hasSignals(s);
    }
    long now = signals ? loads.now() : 0;
    double mean = signals ? loads.meanReportedPerReplica(m, w, now) : Double.NaN;
    int best = start;
    double bestLoad = 0;
    // starting at the drawn member and keeping only strictly better ones breaks ties in its favour
    for (int k = 0, i = start; k < n; k++, i = i + 1 == n ? 0 : i + 1) {
      double load = signals ? loads.load(m[i], w[i], now, mean) : m[i].inFlight();
      // load / w[i] < bestLoad / w[best], without dividing
      if (k == 0 || load * w[best] < bestLoad * w[i]) {
        best = i;
        bestLoad = load;
      }
    }
    return m[best];
  }

  private KeyState betterOfTwo(RoutingTable t, int first) {
    KeyState[] m = t.members;
    int[] w = t.weights;
    // a draw over the total minus the first member's interval, mapped around it: distinct and weighted
    int r = random.nextInt(t.total - w[first]);
    int second = t.indexOf(r < t.startOf(first) ? r : r + w[first]);
    KeyState a = m[first];
    KeyState b = m[second];
    double loadA;
    double loadB;
    if (LoadModel.hasSignals(a) || LoadModel.hasSignals(b)) {
      long now = loads.now();
      double mean = loads.meanReportedPerReplica(a, w[first], b, w[second], now);
      loadA = loads.load(a, w[first], now, mean);
      loadB = loads.load(b, w[second], now, mean);
    } else {
      loadA = a.inFlight();
      loadB = b.inFlight();
    }
    return loadB * w[first] < loadA * w[second] ? b : a;
  }

  /**
   * Picks the member with the highest weighted rendezvous score {@code w / -ln(u)} for the affinity key's
   * hash. Cheap bounds of {@code -ln(u)} settle most comparisons; the logarithm is taken only for close
   * ones, and the winner is the same as with every logarithm taken.
   */
  static KeyState rendezvous(RoutingTable t, long keyHash) {
    KeyState[] m = t.members;
    int[] w = t.weights;
    long[] h = t.hashes;
    if (m.length == 0) {
      return null;
    }
    int best = 0;
    double bestU = Rendezvous.uniform(keyHash, h[0]);
    // bounds of the best member's e = -ln(u); both equal e once its logarithm has been taken
    double bestLow = Rendezvous.lowerBound(bestU);
    double bestHigh = Rendezvous.upperBound(bestU);
    boolean bestExact = false;
    for (int i = 1; i < m.length; i++) {
      // member i wins if w[best] * e(i) < w[i] * e(best)
      double u = Rendezvous.uniform(keyHash, h[i]);
      if (w[best] * Rendezvous.lowerBound(u) >= w[i] * bestHigh) {
        continue;
      }
      double high = Rendezvous.upperBound(u);
      if (w[best] * high < w[i] * bestLow) {
        best = i;
        bestU = u;
        bestLow = Rendezvous.lowerBound(u);
        bestHigh = high;
        bestExact = false;
        continue;
      }
      if (!bestExact) {
        bestLow = -Math.log(bestU);
        bestHigh = bestLow;
        bestExact = true;
      }
      double e = -Math.log(u);
      if (w[best] * e < w[i] * bestLow) {
        best = i;
        bestLow = e;
        bestHigh = e;
      }
    }
    return m[best];
  }
}
