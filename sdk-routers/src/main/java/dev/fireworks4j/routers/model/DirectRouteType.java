package dev.fireworks4j.routers.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.fireworks4j.core.json.KnownValues;
import dev.fireworks4j.core.json.OpenEnum;
import java.util.List;

/** How a deployment's direct route, which bypasses the API gateway, is exposed ({@code gatewayDirectRouteType}). */
public final class DirectRouteType extends OpenEnum {
  private static final KnownValues<DirectRouteType> VALUES = new KnownValues<>(DirectRouteType::new);

  /** No direct route. */
  public static final DirectRouteType DIRECT_ROUTE_TYPE_UNSPECIFIED = VALUES.known("DIRECT_ROUTE_TYPE_UNSPECIFIED");
  /** Exposed on the public internet. */
  public static final DirectRouteType INTERNET = VALUES.known("INTERNET");
  /** Exposed through GCP Private Service Connect. */
  public static final DirectRouteType GCP_PRIVATE_SERVICE_CONNECT = VALUES.known("GCP_PRIVATE_SERVICE_CONNECT");
  /** Exposed through AWS PrivateLink. */
  public static final DirectRouteType AWS_PRIVATELINK = VALUES.known("AWS_PRIVATELINK");

  private DirectRouteType(String value, boolean known) {
    super(value, known);
  }

  /** The value for a wire string, known or not. */
  @JsonCreator
  public static DirectRouteType of(String value) {
    return VALUES.of(value);
  }

  /** The values this SDK version declares. */
  public static List<DirectRouteType> knownValues() {
    return VALUES.values();
  }
}
