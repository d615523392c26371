package dev.fireworks4j.core.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Seeded random inputs for property tests: strings that mix valid tokens, separators, control characters,
 * lone surrogates and non-ASCII text, mutations of valid inputs, and raw bytes. Every test derives its own
 * generator from {@link #SEED} (set {@code -Dfireworks4j.fuzz.seed} to replay, {@code -Dfireworks4j.fuzz.runs}
 * for more cases), so a failure names the seed and case that reproduce it.
 */
public final class Fuzz {
  /** The seed of every generator. */
  public static final long SEED = Long.getLong("fireworks4j.fuzz.seed", 20_261_122L);
  /** Cases per property. */
  public static final int RUNS = Integer.getInteger("fireworks4j.fuzz.runs", 3_000);
  private static final String[] PIECES = {
    "accounts", "routers", "deployments", "models", "/", "//", "-", "_", ".", ":", " ", "\t", "\n", "\r", "\u0000",
    "\u007f", "é", "€", "😀", "\ud800", "%2F", "..", "acct", "r1", "data:", "event:", "[DONE]", "{", "}", "[", "]",
    "\"", "\\", ",", "null", "0", "-1", "1e999", "s", "Z", "T", "direct.fireworks.ai", "us-iowa-1", "https://"};
  private final Random random;
  private final String name;
  private int run;

  /** A generator for the property {@code name}. */
  public Fuzz(String name) {
    this.name = name;
    this.random = new Random(SEED ^ name.hashCode());
  }

  /** Starts case {@code run} (for the failure message). */
  public void startRun(int run) {
    this.run = run;
  }

  /** Where a failing case comes from. */
  public String where() {
    return name + " case " + run + " (seed " + SEED + ")";
  }

  /** The underlying random source. */
  public Random random() {
    return random;
  }

  /** A uniform int in [0, bound). */
  public int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /** One of {@code options}. */
  @SafeVarargs
  public final <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }

  /** One of {@code options}. */
  public <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  /** A string of up to {@code maxPieces} pieces: tokens, separators and odd characters. */
  public String string(int maxPieces) {
    StringBuilder out = new StringBuilder();
    int pieces = random.nextInt(maxPieces + 1);
    for (int i = 0; i < pieces; i++) {
      int kind = random.nextInt(4);
      if (kind == 0) {
        out.append((char) random.nextInt(0x80));
      } else if (kind == 1) {
        out.append((char) random.nextInt(0x10000));
      } else {
        out.append(pick(PIECES));
      }
    }
    return out.toString();
  }

  /** {@code valid} with a few characters inserted, deleted or replaced, or unchanged. */
  public String mutate(String valid) {
    StringBuilder out = new StringBuilder(valid);
    int edits = random.nextInt(4);
    for (int i = 0; i < edits; i++) {
      int at = out.length() == 0 ? 0 : random.nextInt(out.length());
      switch (random.nextInt(3)) {
        case 0:
          out.insert(at, string(1));
          break;
        case 1:
          if (out.length() > 0) {
            out.deleteCharAt(at);
          }
          break;
        default:
          if (out.length() > 0) {
            out.replace(at, at + 1, string(1));
          }
      }
    }
    return out.toString();
  }

  /** Up to {@code maxLength} random bytes, often made of UTF-8 pieces. */
  public byte[] bytes(int maxLength) {
    if (random.nextBoolean()) {
      byte[] raw = new byte[random.nextInt(maxLength + 1)];
      random.nextBytes(raw);
      return raw;
    }
    byte[] text = string(maxLength / 2).getBytes(StandardCharsets.UTF_8);
    return text.length <= maxLength ? text : java.util.Arrays.copyOf(text, maxLength);
  }
}
