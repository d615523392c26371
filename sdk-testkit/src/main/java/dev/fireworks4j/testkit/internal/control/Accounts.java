package dev.fireworks4j.testkit.internal.control;

import java.util.LinkedHashMap;
import java.util.Map;

/** The emulated accounts and the API key of each; immutable. */
public final class Accounts {
  private final Map<String, String> accountByKey = new LinkedHashMap<>();

  /** Accounts from {@code apiKeyByAccount}. */
  public Accounts(Map<String, String> apiKeyByAccount) {
    apiKeyByAccount.forEach((account, key) -> accountByKey.put(key, account));
  }

  /** The account an API key belongs to, or {@code null} for an unknown key. */
  public String accountOf(String apiKey) {
    return apiKey == null ? null : accountByKey.get(apiKey);
  }

  /** The e-mail address the emulator reports for an account's user. */
  public static String email(String account) {
    return "dev@" + account + ".example.com";
  }
}
