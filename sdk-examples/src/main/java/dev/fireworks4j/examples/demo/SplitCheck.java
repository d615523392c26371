package dev.fireworks4j.examples.demo;

import dev.fireworks4j.routers.traffic.TrafficSplit;
import java.util.Locale;

/**
 * An observed traffic split held against the expected one. Each request lands on a deployment with its expected
 * probability {@code p}, so its count over {@code n} served requests is binomial with standard deviation
 * {@code sqrt(p(1-p)/n)}; an observed share passes when it is within {@value #SIGMAS} of those of {@code p} (a
 * chance of about 1 in 16,000 of failing by luck alone). A deployment expected to get no traffic must get none.
 */
final class SplitCheck {
  /** The tolerance, in standard deviations. */
  static final int SIGMAS = 4;

  private final TrafficSplit expected;
  private final Sample sample;

  SplitCheck(TrafficSplit expected, Sample sample) {
    this.expected = expected;
    this.sample = sample;
  }

  /** The requests measured. */
  Sample sample() {
    return sample;
  }

  /** Whether every observed share is within the tolerance and nothing went to other deployments. */
  boolean withinTolerance() {
    long served = sample.requests() - sample.failures();
    long accounted = 0;
    for (TrafficSplit.Share share : expected.shares()) {
      double observed = sample.share(share.deployment());
      if (Math.abs(observed - share.fraction()) > tolerance(share.fraction())) {
        return false;
      }
      accounted += sample.servedBy(share.deployment());
    }
    return accounted == served;
  }

  /** The largest tolerance over the deployments, in percentage points, such as {@code "±4.4 points"}. */
  String widestTolerance() {
    double widest = 0;
    for (TrafficSplit.Share share : expected.shares()) {
      widest = Math.max(widest, tolerance(share.fraction()));
    }
    return String.format(Locale.ROOT, "±%.1f points", widest * 100);
  }

  /** The guide's table (deployment, replicas, expected share) with the observed share and count beside it. */
  String table(DemoResources names) {
    Table table = new Table("Deployment", "Replicas", "Expected share", "Observed share", "Requests");
    for (TrafficSplit.Share share : expected.shares()) {
      table.row(names.label(share.deployment()), share.replicas(), Table.percent(share.fraction()),
          Table.percent(sample.share(share.deployment())), sample.servedBy(share.deployment()));
    }
    table.row("Total", expected.totalReplicas(), "100%", "100%", sample.requests() - sample.failures());
    return table.toString();
  }

  private double tolerance(double p) {
    long served = sample.requests() - sample.failures();
    return served == 0 ? 0 : SIGMAS * Math.sqrt(p * (1 - p) / served);
  }
}
