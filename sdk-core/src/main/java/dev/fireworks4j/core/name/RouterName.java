package dev.fireworks4j.core.name;

/** A router: {@code accounts/{account}/routers/{id}}. */
public final class RouterName extends AccountScopedName {
  private RouterName(String accountId, String id) {
    super(accountId, id, "routerId");
  }

  /** The router {@code id} in {@code accountId}. */
  public static RouterName of(String accountId, String id) {
    return new RouterName(accountId, id);
  }

  /** Parses a full name {@code accounts/{account}/routers/{id}}. */
  public static RouterName parse(String name) {
    return parseFull("router", "routers", name, RouterName::new);
  }

  /** Accepts a full name, or a short id in {@code defaultAccount} (which may be null when a full name is given). */
  public static RouterName resolve(String idOrName, String defaultAccount) {
    return resolve("router", "routers", idOrName, defaultAccount, RouterName::new);
  }

  @Override
  String collection() {
    return "routers";
  }
}
