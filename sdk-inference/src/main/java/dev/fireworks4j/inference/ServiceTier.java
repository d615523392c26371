package dev.fireworks4j.inference;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.fireworks4j.core.json.KnownValues;
import dev.fireworks4j.core.json.OpenEnum;
import java.util.List;

/**
 * The processing tier of a request ({@code service_tier}); only {@code priority} changes anything, the rest
 * mean {@code default}. Open: values this SDK version does not know are kept.
 */
public final class ServiceTier extends OpenEnum {
  private static final KnownValues<ServiceTier> VALUES = new KnownValues<>(ServiceTier::new);

  /** Let the server choose. */
  public static final ServiceTier AUTO = VALUES.known("auto");
  /** The default tier. */
  public static final ServiceTier DEFAULT = VALUES.known("default");
  /** The flex tier (treated as default). */
  public static final ServiceTier FLEX = VALUES.known("flex");
  /** Priority processing. */
  public static final ServiceTier PRIORITY = VALUES.known("priority");

  private ServiceTier(String value, boolean known) {
    super(value, known);
  }

  /** The value for a wire string, known or not. */
  @JsonCreator
  public static ServiceTier of(String value) {
    return VALUES.of(value);
  }

  /** The values this SDK version declares. */
  public static List<ServiceTier> knownValues() {
    return VALUES.values();
  }
}
