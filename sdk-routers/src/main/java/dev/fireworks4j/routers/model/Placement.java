package dev.fireworks4j.routers.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where a deployment may be placed ({@code gatewayPlacement}): one region, one multi-region, or a list of
 * regions; exactly one of them is set. Unspecified placement means the {@code GLOBAL} multi-region.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePlacement.class)
@JsonDeserialize(as = ImmutablePlacement.class)
public abstract class Placement {
  Placement() {}

  /** The single region the deployment must be placed in. */
  public abstract Optional<Region> region();

  /** The multi-region the deployment must be placed in. */
  public abstract Optional<MultiRegion> multiRegion();

  /** The regions the deployment must be placed in. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<Region> regions();

  /** Fields this SDK version does not know, kept and written back. */
  @JsonAnyGetter
  public abstract Map<String, JsonNode> additionalProperties();

  /** Placement in one region. */
  public static Placement region(Region region) {
    return builder().region(region).build();
  }

  /** Placement anywhere in a multi-region. */
  public static Placement multiRegion(MultiRegion multiRegion) {
    return builder().multiRegion(multiRegion).build();
  }

  /** Placement in any of these regions. */
  public static Placement regions(Region... regions) {
    return builder().addRegions(regions).build();
  }

  /** A builder; prefer the factories, which set exactly one field. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Placement}. */
  public static final class Builder extends ImmutablePlacement.Builder {}
}
