package dev.fireworks4j.directroute;

import dev.fireworks4j.core.auth.ApiKey;
import dev.fireworks4j.core.endpoint.EndpointResolver;
import dev.fireworks4j.core.endpoint.Endpoints;
import dev.fireworks4j.core.error.ValidationException;
import dev.fireworks4j.core.name.AccountName;
import dev.fireworks4j.core.name.DeploymentName;
import dev.fireworks4j.routers.model.Deployment;
import dev.fireworks4j.routers.model.Region;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The direct-route host of one deployment:
 * {@code https://<account>-<deploymentId>.<region-slug>.direct.fireworks.ai/v1}, where the region slug is
 * the {@link Region} in lower case with {@code -} for {@code _} ({@code US_ARIZONA_1} is
 * {@code us-arizona-1}). Regions this SDK version does not know parse to an open {@link Region} value.
 *
 * <p>Account and deployment ids may both contain {@code -}, so a bare host is ambiguous: {@link #parse(String)}
 * splits at the last {@code -} (generated deployment ids have none); pass the account to
 * {@link #parse(String, String)}, or use {@link #from(Deployment)}, to be exact.
 *
 * <p>Direct routing is deprecated by Fireworks: move to the gateway with {@link DirectRouteMigration}.
 */
public final class DirectRouteHandle {
  /** The domain every direct-route host is under. */
  public static final String DOMAIN = "direct.fireworks.ai";
  private static final String FIELD = "directRouteHandle";
  private static final int MAX_LABEL_LENGTH = 63;

  private final String accountId;
  private final String deploymentId;
  private final Region region;
  private final String host;

  private DirectRouteHandle(String accountId, String deploymentId, Region region, String host) {
    this.accountId = accountId;
    this.deploymentId = deploymentId;
    this.region = region;
    this.host = host;
  }

  /** The handle of deployment {@code deploymentId} of {@code accountId} in {@code region}. */
  public static DirectRouteHandle of(String accountId, String deploymentId, Region region) {
    DeploymentName name = DeploymentName.of(accountId, deploymentId);
    String label = name.accountId() + "-" + name.id();
    checkLabel(label, label);
    String host = label + "." + slug(Objects.requireNonNull(region, "region")) + "." + DOMAIN;
    return new DirectRouteHandle(name.accountId(), name.id(), region, host);
  }

  /**
   * Parses a direct-route URL ({@code https://<handle>} or {@code https://<handle>/v1}) or a bare host,
   * splitting the account from the deployment id at the last {@code -}.
   *
   * @throws ValidationException when the text is not a direct-route handle
   */
  public static DirectRouteHandle parse(String handle) {
    return parse(handle, null);
  }

  /**
   * Parses a direct-route URL or host whose account is {@code accountId}, so that both ids may contain
   * {@code -}.
   *
   * @throws ValidationException when the text is not a direct-route handle of that account
   */
  public static DirectRouteHandle parse(String handle, String accountId) {
    String account = accountId == null ? null : AccountName.parse(accountId).accountId();
    String host = hostOf(handle);
    String suffix = "." + DOMAIN;
    String[] labels = host.endsWith(suffix) ? host.substring(0, host.length() - suffix.length()).split("\\.", -1)
        : new String[0];
    if (labels.length != 2) {
      throw new ValidationException(FIELD, "\"" + handle + "\" is not of the form <account>-<deploymentId>.<region>."
          + DOMAIN);
    }
    checkLabel(handle, labels[0]);
    Region region = region(handle, labels[1]);
    int split = account == null ? labels[0].lastIndexOf('-') : account.length();
    if (account != null && !labels[0].startsWith(account + "-")) {
      throw new ValidationException(FIELD, "\"" + handle + "\" does not start with the account \"" + account + "-\"");
    }
    if (split <= 0 || split >= labels[0].length() - 1) {
      throw new ValidationException(FIELD, "\"" + handle + "\" has no <account>-<deploymentId> in its first label");
    }
    DeploymentName name = DeploymentName.of(labels[0].substring(0, split), labels[0].substring(split + 1));
    return new DirectRouteHandle(name.accountId(), name.id(), region, host);
  }

  /**
   * The handle of a deployment with a direct route ({@code directRouteType: INTERNET}): the host from its
   * {@code directRouteHandle}, the ids from its name.
   *
   * @throws ValidationException when the deployment has no name or no internet direct-route handle
   */
  public static DirectRouteHandle from(Deployment deployment) {
    DeploymentName name = DeploymentName.parse(deployment.name()
        .orElseThrow(() -> new ValidationException("name", "the deployment has no name; fetch it from the server")));
    String handle = deployment.directRouteHandle().filter(text -> !text.isBlank())
        .orElseThrow(() -> new ValidationException(FIELD, name + " has no direct route handle"));
    DirectRouteHandle parsed = parse(handle, name.accountId());
    return new DirectRouteHandle(name.accountId(), name.id(), parsed.region, parsed.host);
  }

  /** The account that owns the deployment. */
  public String accountId() {
    return accountId;
  }

  /** The deployment's id. */
  public String deploymentId() {
    return deploymentId;
  }

  /** The deployment's full name, {@code accounts/<account>/deployments/<id>}: its model name on the gateway. */
  public DeploymentName deployment() {
    return DeploymentName.of(accountId, deploymentId);
  }

  /** The region the direct route serves from. */
  public Region region() {
    return region;
  }

  /** The host, such as {@code my-account-abcd1234.us-arizona-1.direct.fireworks.ai}. */
  public String host() {
    return host;
  }

  /** The inference base URL of the direct route, {@code https://<host>/v1}. */
  public URI baseUri() {
    return URI.create("https://" + host + "/v1");
  }

  /**
   * Endpoints that send inference to this direct route with {@code directRouteKey}, which goes to this
   * host only; the control plane stays on {@code api.fireworks.ai} with the client's API key.
   *
   * @deprecated direct routing is deprecated by Fireworks: the gateway now matches its latency and adds
   *     retries and failover. Migrate with {@link DirectRouteMigration}.
   */
  @Deprecated
  public EndpointResolver endpoints(ApiKey directRouteKey) {
    return Endpoints.directRoute(host, directRouteKey);
  }

  /** The region slug of {@code region}: lower case, {@code -} for {@code _}. */
  public static String slug(Region region) {
    if (region.equals(Region.REGION_UNSPECIFIED)) {
      throw new ValidationException("region", "a direct route needs a concrete region, not REGION_UNSPECIFIED");
    }
    return region.value().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static Region region(String handle, String slug) {
    boolean valid = slug.matches("[a-z]+(-[a-z0-9]+)+");
    if (!valid) {
      throw new ValidationException(FIELD, "\"" + handle + "\" has no region such as us-arizona-1 after its first label");
    }
    return Region.of(slug.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  private static String hostOf(String handle) {
    if (handle == null || handle.isBlank()) {
      throw new ValidationException(FIELD, "must not be blank");
    }
    String text = handle.strip();
    if (!text.contains("://")) {
      return text.toLowerCase(Locale.ROOT);
    }
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new ValidationException(FIELD, "\"" + handle + "\" is not a URL: " + e.getMessage());
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    boolean plain = "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getPort() == -1
        && uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null
        && (path.isEmpty() || path.equals("/") || path.equals("/v1") || path.equals("/v1/"));
    if (!plain) {
      throw new ValidationException(FIELD, "\"" + handle + "\" is not of the form https://<handle>[/v1]");
    }
    return uri.getHost().toLowerCase(Locale.ROOT);
  }

  private static void checkLabel(String handle, String label) {
    boolean valid = !label.isEmpty() && label.length() <= MAX_LABEL_LENGTH && label.matches("[a-z0-9-]+")
        && !label.startsWith("-") && !label.endsWith("-");
    if (!valid) {
      throw new ValidationException(FIELD, "\"" + handle + "\": \"" + label
          + "\" is not a host label (lower-case letters, digits and '-', at most 63)");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DirectRouteHandle && ((DirectRouteHandle) other).host.equals(host)
        && ((DirectRouteHandle) other).accountId.equals(accountId)
        && ((DirectRouteHandle) other).deploymentId.equals(deploymentId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(host, accountId, deploymentId);
  }

  /** The host. */
  @Override
  public String toString() {
    return host;
  }
}
