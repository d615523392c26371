package dev.fireworks4j.examples.demo;

/** One part of the demo: it prints what it does and records its checks. */
interface DemoStep {
  /** The step's title, such as {@code "A/B test"}. */
  String title();

  /** Runs the step; an exception counts as a failed check. */
  void run(DemoContext context, Checks checks);
}
