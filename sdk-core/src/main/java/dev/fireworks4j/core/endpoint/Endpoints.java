package dev.fireworks4j.core.endpoint;

import dev.fireworks4j.core.auth.ApiKey;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/** The built-in endpoint resolvers: the API gateway hosts, a custom base URL, and a direct route. */
public final class Endpoints {
  /** The default gateway host. */
  public static final URI API = URI.create("https://api.fireworks.ai");
  /** The gateway host that keeps AWS traffic on AWS. */
  public static final URI AWS = URI.create("https://aws.api.fireworks.ai");
  /** The gateway host that keeps GCP traffic on GCP. */
  public static final URI GCP = URI.create("https://gcp.api.fireworks.ai");

  private Endpoints() {}

  /** {@code https://api.fireworks.ai} (control) and {@code https://api.fireworks.ai/inference/v1}. */
  public static EndpointResolver api() {
    return gateway(API);
  }

  /** {@code https://aws.api.fireworks.ai}: AWS traffic stays on AWS. */
  public static EndpointResolver aws() {
    return gateway(AWS);
  }

  /** {@code https://gcp.api.fireworks.ai}: GCP traffic stays on GCP. */
  public static EndpointResolver gcp() {
    return gateway(GCP);
  }

  /**
   * A host laid out like the API gateway: the control plane at {@code root}, inference at
   * {@code root/inference/v1}. The embedded emulator uses this layout.
   */
  public static EndpointResolver gateway(URI root) {
    Endpoint control = Endpoint.of(root);
    return fixed("gateway", control, Endpoint.of(control.resolve("/inference/v1")));
  }

  /**
   * A custom base URL for both planes, as {@code FIREWORKS_BASE_URL} does in the official Python SDK:
   * {@code base/v1/accounts/...} and {@code base/v1/chat/completions}.
   */
  public static EndpointResolver custom(URI base) {
    Endpoint control = Endpoint.of(base);
    return fixed("custom", control, Endpoint.of(control.resolve("/v1")));
  }

  /** Separate base URLs: {@code control} for {@code /v1/accounts/...}, {@code inference} for {@code /chat/completions}. */
  public static EndpointResolver custom(URI control, URI inference) {
    return fixed("custom", Endpoint.of(control), Endpoint.of(inference));
  }

  /**
   * Inference through a deployment's direct-route host ({@code https://<host>/v1}) with its direct-route
   * key, sent to that host only; the control plane stays on {@code api.fireworks.ai}.
   *
   * @deprecated direct routing is deprecated by Fireworks; migrate to the gateway (see
   *     {@code DirectRouteMigration} in sdk-inference).
   */
  @Deprecated
  public static EndpointResolver directRoute(String host, ApiKey directRouteKey) {
    Objects.requireNonNull(directRouteKey, "directRouteKey");
    Endpoint inference = Endpoint.of(URI.create("https://" + host + "/v1"), directRouteKey);
    return fixed("direct-route", Endpoint.of(API), inference);
  }

  /** Parses {@code api}, {@code aws}, {@code gcp}, or an http(s) URL (as for {@link #custom(URI)}). */
  public static EndpointResolver parse(String text) {
    String value = Objects.requireNonNull(text, "endpoint").strip();
    switch (value.toLowerCase(Locale.ROOT)) {
      case "api": return api();
      case "aws": return aws();
      case "gcp": return gcp();
      default:
        try {
          return custom(URI.create(value));
        } catch (IllegalArgumentException e) {
          throw new dev.fireworks4j.core.error.ValidationException(
              "endpoint", "\"" + value + "\" is neither api, aws, gcp nor an http(s) URL: " + e.getMessage());
        }
    }
  }

  private static EndpointResolver fixed(String kind, Endpoint control, Endpoint inference) {
    return new FixedResolver(kind, control, inference);
  }

  /** Resolves every request of a plane to the same endpoint. */
  private static final class FixedResolver implements EndpointResolver {
    private final String kind;
    private final Endpoint control;
    private final Endpoint inference;

    FixedResolver(String kind, Endpoint control, Endpoint inference) {
      this.kind = kind;
      this.control = control;
      this.inference = inference;
    }

    @Override
    public Endpoint resolve(Plane plane, String model) {
      return plane == Plane.CONTROL ? control : inference;
    }

    @Override
    public String toString() {
      return kind + "{control=" + control + ", inference=" + inference + "}";
    }
  }
}
