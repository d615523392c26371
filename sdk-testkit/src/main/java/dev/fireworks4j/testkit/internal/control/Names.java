package dev.fireworks4j.testkit.internal.control;

import java.util.regex.Pattern;

/** Resource names and ids as the control plane writes them. */
public final class Names {
  /** Appended to a deployment id to name its auto-generated router. */
  static final String AUTO_ROUTER_SUFFIX = "-auto";
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private Names() {}

  /** {@code accounts/<account>/deployments/<id>}. */
  public static String deployment(String account, String id) {
    return "accounts/" + account + "/deployments/" + id;
  }

  /** {@code accounts/<account>/routers/<id>}. */
  public static String router(String account, String id) {
    return "accounts/" + account + "/routers/" + id;
  }

  /** Whether {@code id} is a valid resource id: lower-case letters, digits and hyphens, at most 63. */
  static boolean isValidId(String id) {
    return ID.matcher(id).matches();
  }
}
