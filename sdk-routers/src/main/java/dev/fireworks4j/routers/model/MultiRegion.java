package dev.fireworks4j.routers.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.fireworks4j.core.json.KnownValues;
import dev.fireworks4j.core.json.OpenEnum;
import java.util.List;

/** A group of regions a deployment may be placed in ({@code gatewayMultiRegion}); open for new groups. */
public final class MultiRegion extends OpenEnum {
  private static final KnownValues<MultiRegion> VALUES = new KnownValues<>(MultiRegion::new);

  /** Default: unspecified. */
  public static final MultiRegion MULTI_REGION_UNSPECIFIED = VALUES.known("MULTI_REGION_UNSPECIFIED");
  /** Any region (the default placement). */
  public static final MultiRegion GLOBAL = VALUES.known("GLOBAL");
  /** Regions in the United States. */
  public static final MultiRegion US = VALUES.known("US");
  /** Regions in Europe. */
  public static final MultiRegion EUROPE = VALUES.known("EUROPE");
  /** Regions in Asia-Pacific. */
  public static final MultiRegion APAC = VALUES.known("APAC");

  private MultiRegion(String value, boolean known) {
    super(value, known);
  }

  /** The value for a wire string, known or not. */
  @JsonCreator
  public static MultiRegion of(String value) {
    return VALUES.of(value);
  }

  /** The values this SDK version declares. */
  public static List<MultiRegion> knownValues() {
    return VALUES.values();
  }
}
