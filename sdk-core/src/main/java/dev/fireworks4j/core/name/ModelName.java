package dev.fireworks4j.core.name;

/** A model: {@code accounts/{account}/models/{id}}. */
public final class ModelName extends AccountScopedName {
  private ModelName(String accountId, String id) {
    super(accountId, id, "modelId");
  }

  /** The model {@code id} in {@code accountId}. */
  public static ModelName of(String accountId, String id) {
    return new ModelName(accountId, id);
  }

  /** Parses a full name {@code accounts/{account}/models/{id}}. */
  public static ModelName parse(String name) {
    return parseFull("model", "models", name, ModelName::new);
  }

  /** Accepts a full name, or a short id in {@code defaultAccount} (which may be null when a full name is given). */
  public static ModelName resolve(String idOrName, String defaultAccount) {
    return resolve("model", "models", idOrName, defaultAccount, ModelName::new);
  }

  @Override
  String collection() {
    return "models";
  }
}
