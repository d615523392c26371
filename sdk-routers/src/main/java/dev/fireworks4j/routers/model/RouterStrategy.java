package dev.fireworks4j.routers.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.fireworks4j.core.json.KnownValues;
import dev.fireworks4j.core.json.OpenEnum;
import java.util.List;

/**
 * How a router splits traffic across its deployments. On the wire a strategy is the key of an empty
 * marker object ({@code "weightedRandom": {}} or {@code "evenLoad": {}}); {@link #value()} is that key.
 * A router without a strategy uses the server default, weighted random.
 */
public final class RouterStrategy extends OpenEnum {
  private static final KnownValues<RouterStrategy> VALUES = new KnownValues<>(RouterStrategy::new);

  /** Each request goes to a deployment chosen at random, weighted by its replica count. */
  public static final RouterStrategy WEIGHTED_RANDOM = VALUES.known("weightedRandom");
  /** Traffic is adjusted continuously so that the load per replica is as even as possible. */
  public static final RouterStrategy EVEN_LOAD = VALUES.known("evenLoad");

  private RouterStrategy(String value, boolean known) {
    super(value, known);
  }

  /** The strategy whose marker key is {@code key}, known or not. */
  @JsonCreator
  public static RouterStrategy of(String key) {
    return VALUES.of(key);
  }

  /** The strategies this SDK version declares. */
  public static List<RouterStrategy> knownValues() {
    return List.of(WEIGHTED_RANDOM, EVEN_LOAD);
  }
}
