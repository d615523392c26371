package dev.fireworks4j.inference.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.AnyGetterWriter;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import dev.fireworks4j.core.json.Json;
import dev.fireworks4j.inference.GenerationParams;
import dev.fireworks4j.inference.chat.ChatCompletionParams;
import dev.fireworks4j.inference.chat.MessageContent;
import dev.fireworks4j.inference.completions.CompletionParams;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The hand-written writer against databind, the reference it replaces: byte-identical output for random
 * parameters, and no property that databind sees left unwritten. A failure names its seed; rerun one with
 * {@code -Dfw4j.paramsSeed=<seed>}.
 */
class ParamsWriterTest {
  private static final int CASES = 3000;
  private static final String ANY_GETTER = "(@JsonAnyGetter)";
  private static final byte[] STREAM_FIELD = "{\"stream\":true,".getBytes(StandardCharsets.US_ASCII);

  private final ObjectMapper mapper = Json.mapper();

  @Test
  void writesWhatDatabindWritesForRandomParameters() throws Exception {
    for (long seed : seeds()) {
      RandomParams random = new RandomParams(seed, new Random(seed).nextDouble());
      assertSameAsDatabind(seed, random.chat(), ChatCompletionParams.class);
      assertSameAsDatabind(seed, random.completion(), CompletionParams.class);
    }
  }

  @Test
  void writesEveryPropertyDatabindSees() throws Exception {
    Map<String, Set<String>> properties = new TreeMap<>();
    Map<String, Set<String>> written = new TreeMap<>();
    for (long seed = 0; seed < 20; seed++) {
      RandomParams full = new RandomParams(seed, 1.0);
      ChatCompletionParams chat = full.chat();
      CompletionParams completion = full.completion();
      assertSameAsDatabind(seed, chat, ChatCompletionParams.class);
      assertSameAsDatabind(seed, completion, CompletionParams.class);
      collect(chat, properties, written);
      collect(completion, properties, written);
    }
    assertThat(properties).containsKeys("ImmutableChatCompletionParams", "ImmutableCompletionParams",
        "ImmutableChatMessage", "ImmutableContentPart", "ImmutableImageUrl", "ImmutableVideoUrl", "ImmutableToolCall",
        "ImmutableFunctionCall", "ImmutableTool", "ImmutableFunction", "ImmutableResponseFormat", "ImmutablePrediction",
        "ImmutableThinking");
    // the full parameters set every property, and the writer writes them as databind does: a property added
    // later fails here until the random parameters set it, then above until the writer writes it
    properties.forEach((type, names) -> assertThat(written.get(type)).as(type).containsAll(names));
  }

  private void assertSameAsDatabind(long seed, GenerationParams params, Class<?> type) throws Exception {
    byte[] expected = mapper.writerFor(type).writeValueAsBytes(params);
    assertSameBytes(seed, expected, ParamsWriter.write(params, false));
    byte[] streaming = new byte[STREAM_FIELD.length + expected.length - 1];
    System.arraycopy(STREAM_FIELD, 0, streaming, 0, STREAM_FIELD.length);
    System.arraycopy(expected, 1, streaming, STREAM_FIELD.length, expected.length - 1);
    assertSameBytes(seed, streaming, ParamsWriter.write(params, true));
  }

  private static void assertSameBytes(long seed, byte[] expected, byte[] actual) {
    if (!Arrays.equals(expected, actual)) {
      fail("seed %d (rerun with -Dfw4j.paramsSeed=%d): ParamsWriter wrote%n%s%ninstead of databind's%n%s", seed, seed,
          new String(actual, StandardCharsets.UTF_8), new String(expected, StandardCharsets.UTF_8));
    }
  }

  /** The bean properties databind sees per type, and the fields its JSON of the values holds, through nesting. */
  private void collect(Object value, Map<String, Set<String>> properties, Map<String, Set<String>> written)
      throws Exception {
    if (value instanceof Optional) {
      if (((Optional<?>) value).isPresent()) {
        collect(((Optional<?>) value).get(), properties, written);
      }
      return;
    }
    if (value instanceof Collection) {
      for (Object element : (Collection<?>) value) {
        collect(element, properties, written);
      }
      return;
    }
    if (value instanceof MessageContent) {
      collect(((MessageContent) value).parts(), properties, written);
      return;
    }
    if (value == null || value instanceof OptionalInt || value instanceof OptionalLong
        || value instanceof OptionalDouble) {
      return;
    }
    SerializerProvider provider = mapper.getSerializerProviderInstance();
    JsonSerializer<Object> serializer = provider.findValueSerializer(value.getClass());
    if (!(serializer instanceof BeanSerializerBase)) {
      return;
    }
    String type = value.getClass().getSimpleName();
    JsonNode json = mapper.valueToTree(value);
    Set<String> fields = written.computeIfAbsent(type, t -> new TreeSet<>());
    json.fieldNames().forEachRemaining(fields::add);
    Set<String> names = properties.computeIfAbsent(type, t -> new TreeSet<>());
    List<Object> nested = new ArrayList<>();
    for (Iterator<PropertyWriter> it = serializer.properties(); it.hasNext(); ) {
      BeanPropertyWriter property = (BeanPropertyWriter) it.next();
      if (property instanceof AnyGetterWriter) {
        // its fields are the map's keys: written when the map held some and they all came out
        names.add(ANY_GETTER);
        Map<?, ?> extras = (Map<?, ?>) property.get(value);
        if (!extras.isEmpty() && extras.keySet().stream().allMatch(key -> json.has((String) key))) {
          fields.add(ANY_GETTER);
        }
      } else {
        names.add(property.getName());
        nested.add(property.get(value));
      }
    }
    for (Object child : nested) {
      collect(child, properties, written);
    }
  }

  private static long[] seeds() {
    String seed = System.getProperty("fw4j.paramsSeed");
    if (seed != null) {
      return new long[] {Long.parseLong(seed)};
    }
    long base = System.nanoTime();
    long[] seeds = new long[CASES];
    for (int i = 0; i < CASES; i++) {
      seeds[i] = base + i;
    }
    return seeds;
  }
}
