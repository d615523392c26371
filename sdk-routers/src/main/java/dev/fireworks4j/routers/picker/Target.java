package dev.fireworks4j.routers.picker;

import java.util.Objects;

/**
 * One deployment the picker can route to, with its weight.
 *
 * @param key the deployment's identity, typically its name
 * @param replicas the deployment's replica count, used as its weight; zero means it is never picked
 */
public record Target(String key, int replicas) {

  /**
   * Validates the target.
   *
   * @param key the deployment's identity, typically its name
   * @param replicas the deployment's replica count
   * @throws NullPointerException if {@code key} is null
   * @throws IllegalArgumentException if {@code key} is empty or {@code replicas} is negative
   */
  public Target {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("key must not be empty");
    }
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas of " + key + " must be >= 0, was " + replicas);
    }
  }
}
