package dev.fireworks4j.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.fireworks4j.core.error.ValidationException;
import java.time.Duration;

/**
 * The SDK's own Jackson configuration. It never touches an application's global mapper.
 *
 * <p>Unknown fields are tolerated, absent optionals are not written, timestamps are RFC 3339 strings,
 * durations are proto {@code Duration} strings ({@code "30s"}), and server responses are bounded in
 * nesting depth and size.
 */
public final class Json {
  /** Deepest nesting accepted in a response; real bodies are a few levels deep. */
  public static final int MAX_NESTING_DEPTH = 200;
  /** Longest single string value accepted in a response (characters). */
  public static final int MAX_STRING_LENGTH = 50_000_000;

  private Json() {}

  /**
   * The shared streaming factory (jackson-core only), built on first use: code that writes or reads JSON token
   * by token uses it without building a mapper. The {@link #mapper()} is built on it.
   */
  public static JsonFactory factory() {
    return FactoryHolder.FACTORY;
  }

  /** The shared mapper, built on first use (building one costs about 100 ms cold). */
  public static ObjectMapper mapper() {
    return MapperHolder.MAPPER;
  }

  /** A fresh mapper with the SDK's configuration, for callers that need to customise one. */
  public static ObjectMapper newMapper() {
    return newMapper(newFactory());
  }

  private static JsonFactory newFactory() {
    return JsonFactory.builder()
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .build())
        .build();
  }

  private static ObjectMapper newMapper(JsonFactory factory) {
    return JsonMapper.builder(factory)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .addModule(new OptionalsModule())
        .addModule(ProtoTimestamps.module())
        .addModule(ProtoDurations.module())
        .defaultPropertyInclusion(JsonInclude.Value.construct(Include.NON_ABSENT, Include.NON_ABSENT))
        .build();
  }

  /** Parses {@code text} as a JSON tree, or returns {@code null} when it is not JSON. */
  public static JsonNode readTreeOrNull(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return mapper().readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** Formats a duration as a proto {@code Duration} string, such as {@code "1.5s"}. */
  public static String formatDuration(Duration duration) {
    return ProtoDurations.format(duration);
  }

  /**
   * Parses a proto {@code Duration} string such as {@code "30s"} or {@code "0.000000001s"}.
   *
   * @throws ValidationException when the text is not a proto {@code Duration} within its range
   */
  public static Duration parseDuration(String text) {
    try {
      return ProtoDurations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ValidationException("duration", e.getMessage());
    }
  }

  private static final class FactoryHolder {
    static final JsonFactory FACTORY = newFactory();
  }

  private static final class MapperHolder {
    // the shared factory is the mapper's own from here on (the mapper registers itself as its codec); fresh
    // mappers get a factory of their own, so that customising one never touches the shared factory
    static final ObjectMapper MAPPER = newMapper(factory());
  }
}
