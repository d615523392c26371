package dev.fireworks4j.core.name;

/** A deployment: {@code accounts/{account}/deployments/{id}}. */
public final class DeploymentName extends AccountScopedName {
  private DeploymentName(String accountId, String id) {
    super(accountId, id, "deploymentId");
  }

  /** The deployment {@code id} in {@code accountId}. */
  public static DeploymentName of(String accountId, String id) {
    return new DeploymentName(accountId, id);
  }

  /** Parses a full name {@code accounts/{account}/deployments/{id}}. */
  public static DeploymentName parse(String name) {
    return parseFull("deployment", "deployments", name, DeploymentName::new);
  }

  /** Accepts a full name, or a short id in {@code defaultAccount} (which may be null when a full name is given). */
  public static DeploymentName resolve(String idOrName, String defaultAccount) {
    return resolve("deployment", "deployments", idOrName, defaultAccount, DeploymentName::new);
  }

  @Override
  String collection() {
    return "deployments";
  }
}
