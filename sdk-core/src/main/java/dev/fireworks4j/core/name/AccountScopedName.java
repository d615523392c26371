package dev.fireworks4j.core.name;

import dev.fireworks4j.core.error.ValidationException;
import java.util.function.BiFunction;

/** Shared parsing and formatting of {@code accounts/{account}/{collection}/{id}} names. */
abstract class AccountScopedName implements ResourceName {
  private final String accountId;
  private final String id;

  AccountScopedName(String accountId, String id, String idField) {
    this.accountId = ResourceIds.check("accountId", accountId);
    this.id = ResourceIds.check(idField, id);
  }

  /** The collection segment, such as {@code routers}. */
  abstract String collection();

  @Override
  public final String accountId() {
    return accountId;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final String toString() {
    return "accounts/" + accountId + "/" + collection() + "/" + id;
  }

  @Override
  public final boolean equals(Object other) {
    return other != null && other.getClass() == getClass() && other.toString().equals(toString());
  }

  @Override
  public final int hashCode() {
    return toString().hashCode();
  }

  /** Parses a full name of {@code collection}; {@code field} names the parameter in errors. */
  static <N> N parseFull(
      String field, String collection, String text, BiFunction<String, String, N> factory) {
    if (text == null) {
      throw new ValidationException(field, "must not be null");
    }
    String[] parts = text.split("/", -1);
    if (parts.length != 4 || !parts[0].equals("accounts") || !parts[2].equals(collection)) {
      throw new ValidationException(field, "\"" + abbreviate(text) + "\" is not of the form accounts/{account}/"
          + collection + "/{id}");
    }
    try {
      return factory.apply(parts[1], parts[3]);
    } catch (ValidationException e) {
      throw new ValidationException(field, "\"" + abbreviate(text) + "\" is not a valid name: " + e.getMessage());
    }
  }

  /** Accepts a full name or a short id resolved against {@code defaultAccount}. */
  static <N> N resolve(String field, String collection, String idOrName, String defaultAccount,
      BiFunction<String, String, N> factory) {
    if (idOrName != null && idOrName.startsWith("accounts/")) {
      return parseFull(field, collection, idOrName, factory);
    }
    if (defaultAccount == null) {
      throw new ValidationException(field, "\"" + abbreviate(String.valueOf(idOrName))
          + "\" is a short id but no account is configured; set FIREWORKS_ACCOUNT_ID or pass a full name");
    }
    return factory.apply(defaultAccount, idOrName);
  }

  private static String abbreviate(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "…" : text;
  }
}
