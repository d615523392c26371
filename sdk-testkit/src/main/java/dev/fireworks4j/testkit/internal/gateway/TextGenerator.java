package dev.fireworks4j.testkit.internal.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic output. The tokens of a choice depend only on the emulator's seed, the model, the
 * prompt, the request's {@code seed} and the choice index: the same request always gets the same text, whichever
 * replica serves it. A choice naturally ends after 8 to 32 words ({@code finish_reason: "stop"}); a smaller
 * {@code max_tokens} cuts it ({@code "length"}); {@code ignore_eos} makes it exactly {@code max_tokens} long; the
 * first occurrence of a stop sequence ends it before the sequence ({@code "stop"}). One token is one word.
 */
final class TextGenerator {
  private static final String[] WORDS = {
    "fireworks", "router", "replica", "deployment", "token", "stream", "latency", "model", "gateway", "traffic",
    "weight", "alias", "account", "region", "signal", "answer", "quick", "steady", "bright", "calm", "eager",
    "gentle", "honest", "lively", "modest", "neat", "proud", "brave", "clever", "fair", "kind", "swift", "the",
    "a", "of", "to", "and", "in", "on", "with", "for", "from", "under", "over", "between", "through", "beyond",
    "spark", "rocket", "sky", "night", "light", "color", "burst", "glow", "trail", "echo", "orbit", "pulse",
    "wave", "river", "stone", "field", "cloud"
  };

  private final long seed;

  TextGenerator(long seed) {
    this.seed = seed;
  }

  /** The generated tokens of one choice and why generation stopped. */
  record Generation(List<String> tokens, String finishReason) {
    String text() {
      return String.join("", tokens);
    }
  }

  Generation generate(String model, String prompt, Long requestSeed, int choice, Integer maxTokens,
      boolean ignoreEos, List<String> stops) {
    SplittableRandom random = new SplittableRandom(hash(model, prompt, requestSeed, choice));
    int natural = 8 + random.nextInt(25);
    int length = ignoreEos ? maxTokens : maxTokens == null ? natural : Math.min(natural, maxTokens);
    String finish = length < natural || ignoreEos ? "length" : "stop";
    List<String> tokens = new ArrayList<>(length);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      String token = i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word;
      if (i == length - 1 && finish.equals("stop")) {
        token += ".";
      }
      int cut = stopIndex(text, token, stops);
      if (cut >= 0) {
        String kept = token.substring(0, Math.max(0, cut - text.length()));
        if (!kept.isEmpty()) {
          tokens.add(kept);
        }
        return new Generation(List.copyOf(tokens), "stop");
      }
      tokens.add(token);
      text.append(token);
    }
    return new Generation(List.copyOf(tokens), finish);
  }

  /** Where in {@code text + token} the first stop sequence starts, if it ends inside {@code token}; else -1. */
  private static int stopIndex(StringBuilder text, String token, List<String> stops) {
    if (stops.isEmpty()) {
      return -1;
    }
    String joined = text + token;
    int best = -1;
    for (String stop : stops) {
      int at = joined.indexOf(stop);
      if (at >= 0 && (best < 0 || at < best)) {
        best = at;
      }
    }
    return best;
  }

  private long hash(String model, String prompt, Long requestSeed, int choice) {
    long h = 0xcbf29ce484222325L ^ seed;
    for (byte b : (model + "\u0000" + prompt + "\u0000" + requestSeed + "\u0000" + choice)
        .getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return h;
  }
}
