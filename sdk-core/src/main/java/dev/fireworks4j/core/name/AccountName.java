package dev.fireworks4j.core.name;

import dev.fireworks4j.core.error.ValidationException;

/** An account: {@code accounts/{account}}. */
public final class AccountName implements ResourceName {
  private static final String PREFIX = "accounts/";
  private final String accountId;

  private AccountName(String accountId) {
    this.accountId = ResourceIds.check("accountId", accountId);
  }

  /** The account with this id. */
  public static AccountName of(String accountId) {
    return new AccountName(accountId);
  }

  /** Parses {@code accounts/{account}} or a bare account id. */
  public static AccountName parse(String text) {
    if (text == null) {
      throw new ValidationException("account", "must not be null");
    }
    return new AccountName(text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text);
  }

  @Override
  public String accountId() {
    return accountId;
  }

  @Override
  public String id() {
    return accountId;
  }

  @Override
  public String toString() {
    return PREFIX + accountId;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AccountName && ((AccountName) other).accountId.equals(accountId);
  }

  @Override
  public int hashCode() {
    return accountId.hashCode();
  }
}
