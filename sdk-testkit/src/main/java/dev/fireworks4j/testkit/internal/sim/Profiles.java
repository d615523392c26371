package dev.fireworks4j.testkit.internal.sim;

import dev.fireworks4j.testkit.ServingProfile;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The serving profile of each deployment (by name; set before or after it exists) and the seeded dice that
 * decide its faults.
 */
public final class Profiles {
  private final ServingProfile defaults;
  private final Map<String, ServingProfile> initial;
  private final long seed;
  private final Map<String, ServingProfile> byDeployment = new ConcurrentHashMap<>();
  private final Map<String, Random> dice = new ConcurrentHashMap<>();

  /** Profiles starting from {@code initial} (by deployment name), {@code defaults} for the rest. */
  public Profiles(ServingProfile defaults, Map<String, ServingProfile> initial, long seed) {
    this.defaults = defaults;
    this.initial = Map.copyOf(initial);
    this.seed = seed;
    byDeployment.putAll(initial);
  }

  /** The profile of a deployment. */
  public ServingProfile get(String deploymentName) {
    return byDeployment.getOrDefault(deploymentName, defaults);
  }

  /** Replaces the profile of a deployment. */
  public void set(String deploymentName, ServingProfile profile) {
    byDeployment.put(deploymentName, profile);
  }

  /** A uniform draw in [0, 1) from the deployment's own seeded source. */
  public double roll(String deploymentName) {
    return dice.computeIfAbsent(deploymentName, k -> new Random(seed * 31 + k.hashCode())).nextDouble();
  }

  /** Back to the configured profiles, and the dice back to their seeds. */
  public void reset() {
    byDeployment.clear();
    byDeployment.putAll(initial);
    dice.clear();
  }
}
