package dev.fireworks4j.routers.picker;

import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/** Source of the uniform random integers behind every weighted draw; replaceable for deterministic tests. */
@FunctionalInterface
public interface RandomSource {

  /**
   * Returns a uniformly distributed integer.
   *
   * @param bound exclusive upper bound, positive
   * @return a value in {@code [0, bound)}
   */
  int nextInt(int bound);

  /**
   * Returns the default source, backed by {@link ThreadLocalRandom}, which threads share without contention.
   *
   * @return the thread-local source
   */
  static RandomSource threadLocal() {
    return bound -> ThreadLocalRandom.current().nextInt(bound);
  }

  /**
   * Returns a thread-safe source whose sequence is fully determined by the seed when used from one thread.
   *
   * @param seed the seed
   * @return a seeded source
   */
  static RandomSource seeded(long seed) {
    return new Random(seed)::nextInt;
  }
}
