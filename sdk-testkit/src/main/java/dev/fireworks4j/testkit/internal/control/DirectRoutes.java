package dev.fireworks4j.testkit.internal.control;

import dev.fireworks4j.testkit.internal.json.JsonSupport;
import java.util.Locale;

/**
 * Direct-route handles (API.md §3.8): for {@code INTERNET}, the host {@code <account>-<id>.<region-slug>
 * .direct.fireworks.ai}, where the slug is the region enum lower-cased with {@code _} → {@code -}; for the private
 * connectivity types, emulator-specific service names of the documented kind.
 */
final class DirectRoutes {
  /** The region a deployment runs in when its placement names none. */
  static final String DEFAULT_REGION = "US_IOWA_1";

  private DirectRoutes() {}

  /** The deployment's current region: its placement's region, else its first listed region, else the default. */
  static String region(DeploymentRecord d) {
    String region = JsonSupport.text(d.spec.path("placement"), "region");
    if (region != null && !region.equals("REGION_UNSPECIFIED")) {
      return region;
    }
    String first = d.spec.path("placement").path("regions").path(0).asText("");
    return first.isEmpty() || first.equals("REGION_UNSPECIFIED") ? DEFAULT_REGION : first;
  }

  /** The handle for the deployment's direct-route type, or {@code null} when it has none. */
  static String handle(DeploymentRecord d) {
    String type = JsonSupport.text(d.spec, "directRouteType");
    String slug = region(d).toLowerCase(Locale.ROOT).replace('_', '-');
    if (type == null) {
      return null;
    }
    switch (type) {
      case "INTERNET":
        return internetHandle(d);
      case "GCP_PRIVATE_SERVICE_CONNECT":
        return "projects/fireworks-emulator/regions/" + slug + "/serviceAttachments/" + d.account + "-" + d.id;
      case "AWS_PRIVATELINK":
        return "com.amazonaws.vpce." + slug + ".vpce-svc-" + d.account + "-" + d.id;
      default:
        return null;
    }
  }

  /** The INTERNET handle (a host name), or {@code null} when the deployment has no INTERNET direct route. */
  static String internetHandle(DeploymentRecord d) {
    if (!"INTERNET".equals(JsonSupport.text(d.spec, "directRouteType"))) {
      return null;
    }
    return d.account + "-" + d.id + "." + region(d).toLowerCase(Locale.ROOT).replace('_', '-')
        + ".direct.fireworks.ai";
  }
}
