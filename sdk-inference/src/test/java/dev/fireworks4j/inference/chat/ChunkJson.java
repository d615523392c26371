package dev.fireworks4j.inference.chat;

import dev.fireworks4j.core.testing.Fuzz;
import java.util.ArrayList;
import java.util.List;

/**
 * Seeded chat-completion-chunk and chat-completion JSON: every field of every chunk and completion type, present, absent, null or of another
 * type (numbers as strings, out-of-range integers, floats, booleans, objects), unknown fields at each level,
 * duplicate fields, tool-call deltas, usage, log probabilities, escapes and non-ASCII text; optionally
 * damaged (truncated, trailing bytes, edited characters).
 */
final class ChunkJson {
  private static final String[] TEXTS = {
    "", "Hel", "lo ", "tok1 ", "é€😀", "\\n", "\\\"quoted\\\"", "\\\\", "\\u00e9\\u20ac", "\\ud83d\\ude00", "\\ud800",
    "\\t\\r\\b\\f\\/", "a\\u0000b", "[DONE]", "data: x", "{\\\"a\\\":1}", "ü".repeat(40)};
  private static final String[] NUMBERS = {
    "0", "1", "-1", "7", "2147483647", "2147483648", "-2147483649", "1700000000", "9223372036854775807",
    "9223372036854775808", "123456789012345678901234567890", "1.0", "1.5", "-0", "1e2", "1E+2", "0.0", "-2.5e-3"};
  private static final String PARTS = "[{\"type\":\"text\",\"text\":\"hi\"}]";
  private static final String[] ROLES = {"assistant", "user", "system", "tool", "developer", "", "Assistant"};

  private final Fuzz fuzz;
  /** Whether values may be of the wrong type or shape (beyond the canonical shapes a server sends). */
  private final boolean odd;

  ChunkJson(Fuzz fuzz, boolean odd) {
    this.fuzz = fuzz;
    this.odd = odd;
  }

  /** A chunk, damaged one time in {@code damageOneIn} (never when 0). */
  String chunk(int damageOneIn) {
    String json = object(List.of(
        field("id", string(fuzz.pick("chatcmpl-1", "chatcmpl-2", "", "é"))),
        field("object", string(fuzz.pick("chat.completion.chunk", "chat.completion"))),
        field("created", integer(fuzz.pick("1700000000", "1700000001", "0", "9223372036854775807"))),
        field("model", string(fuzz.pick("accounts/acct/routers/r", "m"))),
        field("choices", () -> list(this::choice, 3)),
        rare("usage", this::usage),
        rare("perf_metrics", () -> unknownObject(2)),
        rare("prompt_token_ids", this::integers)));
    return damage(json, damageOneIn);
  }

  /** A whole chat completion, damaged one time in {@code damageOneIn} (never when 0). */
  String completion(int damageOneIn) {
    String json = object(List.of(
        field("id", string(fuzz.pick("chatcmpl-1", "", "é"))),
        field("object", string("chat.completion")),
        field("created", integer(fuzz.pick("1700000000", "0", "9223372036854775807"))),
        field("model", string(fuzz.pick("accounts/acct/routers/r", "m"))),
        field("choices", () -> list(this::completionChoice, 3)),
        rare("usage", this::usage),
        rare("perf_metrics", () -> unknownObject(2)),
        rare("prompt_token_ids", this::integers)));
    return damage(json, damageOneIn);
  }

  private String damage(String json, int damageOneIn) {
    if (damageOneIn == 0 || fuzz.nextInt(damageOneIn) != 0) {
      return json;
    }
    switch (fuzz.nextInt(4)) {
      case 0:
        return json.substring(0, fuzz.nextInt(json.length() + 1));
      case 1:
        return json + fuzz.pick(" ", "\n", "x", "}", "{}", " 1", ",", " {\"id\":", "\u0000");
      case 2:
        return fuzz.pick(" ", "\t", "\n", "\ufeff", "") + json + fuzz.pick(" ", "\r\n", "");
      default:
        return fuzz.mutate(json);
    }
  }

  /** A stream of chunks as a server sends them: the canonical shapes, now and then an unknown field. */
  List<String> canonicalStream(int chunks) {
    List<String> events = new ArrayList<>();
    for (int i = 0; i < chunks; i++) {
      events.add(chunk(0));
    }
    return events;
  }

  private String choice() {
    return object(List.of(
        field("index", integer(fuzz.pick("0", "1", "2"))),
        field("delta", this::delta),
        field("finish_reason", string(fuzz.pick("stop", "length", "tool_calls"))),
        rare("logprobs", this::logprobs),
        rare("raw_output", () -> any(2)),
        rare("prompt_token_ids", this::integers),
        rare("token_ids", this::integers)));
  }

  private String completionChoice() {
    return object(List.of(
        field("index", integer(fuzz.pick("0", "1", "2"))),
        required("message", this::message),
        field("finish_reason", string(fuzz.pick("stop", "length", "tool_calls"))),
        rare("logprobs", this::logprobs),
        rare("raw_output", () -> any(2)),
        rare("token_ids", this::integers)));
  }

  /** An assistant message as servers send it; with odd values, also other roles, content parts and missing fields. */
  private String message() {
    return object(List.of(
        required("role", string(odd ? fuzz.pick(ROLES) : "assistant")),
        field("content", () -> odd && fuzz.nextInt(10) == 0 ? PARTS : quote(text())),
        rare("reasoning_content", string(text())),
        rare("tool_calls", () -> list(this::completeToolCall, 2)),
        rare("tool_call_id", string(fuzz.pick("call_1", "")))));
  }

  private String completeToolCall() {
    return object(List.of(
        field("id", string(fuzz.pick("call_1", "call_é"))),
        field("type", string(fuzz.pick("function", "other"))),
        required("function", this::function)));
  }

  private String delta() {
    return object(List.of(
        field("role", string(fuzz.pick(ROLES))),
        field("content", string(text())),
        rare("reasoning_content", string(text())),
        rare("tool_calls", () -> list(this::toolCall, 2))));
  }

  private String toolCall() {
    return object(List.of(
        field("index", integer(fuzz.pick("0", "1"))),
        field("id", string(fuzz.pick("call_1", "call_é"))),
        field("type", string("function")),
        field("function", this::function)));
  }

  private String function() {
    String arguments = fuzz.pick(
        "\"{\\\"city\\\":\"", "\"Paris\\\"}\"", "\"\"", "{\"city\":\"Paris\",\"n\":[1,2.5,true,null]}", "[]", "3", "true",
        "null", "{}");
    return object(List.of(field("name", string(fuzz.pick("get_weather", "f"))), field("arguments", () -> arguments)));
  }

  private String usage() {
    if (fuzz.nextInt(3) == 0) {
      return unknownObject(2);
    }
    return object(List.of(
        field("prompt_tokens", integer("12")),
        field("completion_tokens", integer("1000")),
        field("total_tokens", integer("1012")),
        rare("prompt_tokens_details", () -> object(List.of(field("cached_tokens", integer("4")))))));
  }

  private String logprobs() {
    String token = object(List.of(
        field("token", string("tok")), field("logprob", () -> fuzz.pick("-0.5", "0", "-1e-3")),
        rare("bytes", this::integers), rare("top_logprobs", () -> "[]")));
    return object(List.of(field("content", () -> "[" + token + "]"), rare("tokens", () -> "[\"a\",\"b\"]")));
  }

  /** The fields in random order, a quarter of them absent, with unknown ones and duplicates mixed in. */
  private String object(List<Field> fields) {
    List<String> members = new ArrayList<>();
    for (Field field : fields) {
      // with a duplicate, the last one wins
      int copies = fuzz.nextInt(40) == 0 ? 2 : field.required && !odd || fuzz.nextInt(4) != 0 ? 1 : 0;
      for (int i = 0; i < copies; i++) {
        String json = field.value.json();
        if (json != null) {
          members.add(fuzz.nextInt(members.size() + 1), quote(field.name) + ":" + json);
        }
      }
    }
    int unknown = fuzz.nextInt(8) == 0 ? 1 + fuzz.nextInt(3) : 0;
    for (int i = 0; i < unknown; i++) {
      members.add(fuzz.nextInt(members.size() + 1),
          quote(fuzz.pick("x_extra", "error", "Id", "choice", "", "é", "x_extra", "additionalProperties", "toolCalls")) + ":" + any(2));
    }
    return "{" + String.join(",", members) + "}";
  }

  private Field field(String name, Value value) {
    return new Field(name, () -> fuzz.nextInt(10) == 0 ? "null" : odd && fuzz.nextInt(12) == 0 ? odd() : value.json(),
        false);
  }

  /** A field that servers always send, and never as null (but odd values may still be anything). */
  private Field required(String name, Value value) {
    return odd ? field(name, value) : new Field(name, value, true);
  }

  /** A field that is absent from most chunks. */
  private Field rare(String name, Value value) {
    Field field = field(name, value);
    return new Field(name, () -> fuzz.nextInt(3) == 0 ? field.value.json() : null, false);
  }

  private Value string(String text) {
    return () -> quote(text);
  }

  private Value integer(String number) {
    return () -> odd && fuzz.nextInt(6) == 0 ? fuzz.pick(NUMBERS) : number;
  }

  private String list(Value element, int max) {
    List<String> elements = new ArrayList<>();
    int count = fuzz.nextInt(max + 1);
    for (int i = 0; i < count; i++) {
      elements.add(odd && fuzz.nextInt(20) == 0 ? fuzz.pick("null", "1", "\"x\"", "[]") : element.json());
    }
    return "[" + String.join(",", elements) + "]";
  }

  private String integers() {
    return list(() -> odd && fuzz.nextInt(8) == 0 ? fuzz.pick(NUMBERS) : String.valueOf(fuzz.nextInt(200_000)), 4);
  }

  /** A value of another type than the field's. */
  private String odd() {
    return fuzz.pick("\"1700000000\"", "\"7\"", "\" 7 \"", "\"x\"", "\"\"", "true", "false", "1", "-1", "1.5", "2147483648",
        "[]", "[1]", "[\"a\"]", "{}", "{\"a\":1}", fuzz.pick(NUMBERS));
  }

  private String text() {
    return fuzz.nextInt(4) == 0 ? fuzz.pick(TEXTS) + fuzz.pick(TEXTS) : fuzz.pick(TEXTS);
  }

  /** Any JSON value, up to {@code depth} levels of containers. */
  private String any(int depth) {
    switch (fuzz.nextInt(depth > 0 ? 8 : 6)) {
      case 0:
        return "null";
      case 1:
        return fuzz.pick("true", "false");
      case 2:
      case 3:
        return fuzz.pick(NUMBERS);
      case 4:
      case 5:
        return quote(text());
      case 6:
        return unknownObject(depth - 1);
      default:
        List<String> elements = new ArrayList<>();
        for (int i = fuzz.nextInt(3); i > 0; i--) {
          elements.add(any(depth - 1));
        }
        return "[" + String.join(",", elements) + "]";
    }
  }

  private String unknownObject(int depth) {
    List<String> members = new ArrayList<>();
    for (int i = fuzz.nextInt(3); i > 0; i--) {
      String name = odd ? fuzz.pick("a", "b", "a", "prompt_tokens", "") : fuzz.pick("a", "b", "a", "");
      members.add(quote(name) + ":" + any(depth));
    }
    return "{" + String.join(",", members) + "}";
  }

  /** {@code text}, which holds JSON escapes already, as a JSON string. */
  private static String quote(String text) {
    return "\"" + text + "\"";
  }

  /** Writes one JSON value. */
  private interface Value {
    String json();
  }

  /** A named member; its value writes null to leave it out; a required one is always there in server shapes. */
  private record Field(String name, Value value, boolean required) {}
}
