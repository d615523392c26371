package dev.fireworks4j.routers.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.fireworks4j.core.json.KnownValues;
import dev.fireworks4j.core.json.OpenEnum;
import java.util.List;

/** A region a deployment runs in ({@code gatewayRegion}); open, since regions keep being added. */
public final class Region extends OpenEnum {
  private static final KnownValues<Region> VALUES = new KnownValues<>(Region::new);

  /** Default: unspecified. */
  public static final Region REGION_UNSPECIFIED = VALUES.known("REGION_UNSPECIFIED");
  /** Region {@code US_IOWA_1}. */
  public static final Region US_IOWA_1 = VALUES.known("US_IOWA_1");
  /** Region {@code US_VIRGINIA_1}. */
  public static final Region US_VIRGINIA_1 = VALUES.known("US_VIRGINIA_1");
  /** Region {@code US_VIRGINIA_2}. */
  public static final Region US_VIRGINIA_2 = VALUES.known("US_VIRGINIA_2");
  /** Region {@code US_ILLINOIS_1}. */
  public static final Region US_ILLINOIS_1 = VALUES.known("US_ILLINOIS_1");
  /** Region {@code AP_TOKYO_1}. */
  public static final Region AP_TOKYO_1 = VALUES.known("AP_TOKYO_1");
  /** Region {@code US_ARIZONA_1}. */
  public static final Region US_ARIZONA_1 = VALUES.known("US_ARIZONA_1");
  /** Region {@code US_TEXAS_1}. */
  public static final Region US_TEXAS_1 = VALUES.known("US_TEXAS_1");
  /** Region {@code US_ILLINOIS_2}. */
  public static final Region US_ILLINOIS_2 = VALUES.known("US_ILLINOIS_2");
  /** Region {@code EU_FRANKFURT_1}. */
  public static final Region EU_FRANKFURT_1 = VALUES.known("EU_FRANKFURT_1");
  /** Region {@code US_TEXAS_2}. */
  public static final Region US_TEXAS_2 = VALUES.known("US_TEXAS_2");
  /** Region {@code EU_ICELAND_1}. */
  public static final Region EU_ICELAND_1 = VALUES.known("EU_ICELAND_1");
  /** Region {@code EU_ICELAND_2}. */
  public static final Region EU_ICELAND_2 = VALUES.known("EU_ICELAND_2");
  /** Region {@code US_WASHINGTON_1}. */
  public static final Region US_WASHINGTON_1 = VALUES.known("US_WASHINGTON_1");
  /** Region {@code US_WASHINGTON_2}. */
  public static final Region US_WASHINGTON_2 = VALUES.known("US_WASHINGTON_2");
  /** Region {@code US_WASHINGTON_3}. */
  public static final Region US_WASHINGTON_3 = VALUES.known("US_WASHINGTON_3");
  /** Region {@code AP_TOKYO_2}. */
  public static final Region AP_TOKYO_2 = VALUES.known("AP_TOKYO_2");
  /** Region {@code US_CALIFORNIA_1}. */
  public static final Region US_CALIFORNIA_1 = VALUES.known("US_CALIFORNIA_1");
  /** Region {@code US_UTAH_1}. */
  public static final Region US_UTAH_1 = VALUES.known("US_UTAH_1");
  /** Region {@code US_GEORGIA_1}. */
  public static final Region US_GEORGIA_1 = VALUES.known("US_GEORGIA_1");
  /** Region {@code US_GEORGIA_2}. */
  public static final Region US_GEORGIA_2 = VALUES.known("US_GEORGIA_2");
  /** Region {@code US_WASHINGTON_4}. */
  public static final Region US_WASHINGTON_4 = VALUES.known("US_WASHINGTON_4");
  /** Region {@code US_GEORGIA_3}. */
  public static final Region US_GEORGIA_3 = VALUES.known("US_GEORGIA_3");
  /** Region {@code NA_BRITISHCOLUMBIA_1}. */
  public static final Region NA_BRITISHCOLUMBIA_1 = VALUES.known("NA_BRITISHCOLUMBIA_1");
  /** Region {@code US_GEORGIA_4}. */
  public static final Region US_GEORGIA_4 = VALUES.known("US_GEORGIA_4");
  /** Region {@code US_OHIO_1}. */
  public static final Region US_OHIO_1 = VALUES.known("US_OHIO_1");
  /** Region {@code US_NEWYORK_1}. */
  public static final Region US_NEWYORK_1 = VALUES.known("US_NEWYORK_1");
  /** Region {@code EU_NETHERLANDS_1}. */
  public static final Region EU_NETHERLANDS_1 = VALUES.known("EU_NETHERLANDS_1");
  /** Region {@code US_WASHINGTON_5}. */
  public static final Region US_WASHINGTON_5 = VALUES.known("US_WASHINGTON_5");
  /** Region {@code US_MINNESOTA_1}. */
  public static final Region US_MINNESOTA_1 = VALUES.known("US_MINNESOTA_1");
  /** Region {@code US_CALIFORNIA_2}. */
  public static final Region US_CALIFORNIA_2 = VALUES.known("US_CALIFORNIA_2");
  /** Region {@code AP_MALAYSIA_1}. */
  public static final Region AP_MALAYSIA_1 = VALUES.known("AP_MALAYSIA_1");
  /** Region {@code US_OHIO_2}. */
  public static final Region US_OHIO_2 = VALUES.known("US_OHIO_2");

  private Region(String value, boolean known) {
    super(value, known);
  }

  /** The value for a wire string, known or not. */
  @JsonCreator
  public static Region of(String value) {
    return VALUES.of(value);
  }

  /** The values this SDK version declares. */
  public static List<Region> knownValues() {
    return VALUES.values();
  }
}
