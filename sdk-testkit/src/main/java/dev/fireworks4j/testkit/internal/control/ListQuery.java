package dev.fireworks4j.testkit.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fireworks4j.testkit.internal.control.Field.Kind;
import dev.fireworks4j.testkit.internal.http.Call;
import dev.fireworks4j.testkit.internal.json.JsonSupport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * A List call's paging, filtering, ordering and read mask (API.md §0): {@code pageSize} defaults to 50 and is
 * coerced to 200; {@code pageToken} is opaque and valid only with the same other parameters;
 * {@code nextPageToken} is omitted on the last page; {@code totalSize} counts every match.
 */
final class ListQuery {
  static final int DEFAULT_PAGE_SIZE = 50;
  static final int MAX_PAGE_SIZE = 200;
  private static final List<String> SORTABLE = List.of("name", "createTime", "updateTime", "displayName");

  private final MessageSchema schema;
  private final int pageSize;
  private final int offset;
  private final Filter filter;
  private final Comparator<ObjectNode> order;
  private final ReadMask readMask;
  private final String fingerprint;

  private ListQuery(Call call, MessageSchema schema, String defaultOrder, String extraParameters) {
    this.schema = schema;
    this.pageSize = pageSize(call.query("pageSize"));
    String orderBy = call.query("orderBy");
    this.filter = Filter.parse(call.query("filter"), schema);
    this.order = order(orderBy == null || orderBy.isBlank() ? defaultOrder : orderBy);
    this.readMask = ReadMask.parse(call.query("readMask"), schema);
    this.fingerprint = Integer.toHexString((call.query("filter") + "|" + orderBy + "|" + call.query("readMask") + "|"
        + extraParameters).hashCode());
    this.offset = offset(call.query("pageToken"));
  }

  /** Reads the List parameters of a call; {@code extraParameters} joins any others the page token must match. */
  static ListQuery of(Call call, MessageSchema schema, String defaultOrder, String extraParameters) {
    return new ListQuery(call, schema, defaultOrder, extraParameters);
  }

  /** The response page: {@code {<field>: [...], nextPageToken?, totalSize}}. */
  ObjectNode page(List<ObjectNode> resources, String field) {
    List<ObjectNode> matches = new ArrayList<>();
    for (ObjectNode r : resources) {
      if (filter.matches(r)) {
        matches.add(r);
      }
    }
    matches.sort(order);
    ObjectNode response = JsonSupport.object();
    ArrayNode items = response.putArray(field);
    int end = Math.min(matches.size(), offset + pageSize);
    for (int i = offset; i < end; i++) {
      items.add(readMask.apply(matches.get(i)));
    }
    if (end < matches.size()) {
      response.put("nextPageToken", token(end));
    }
    response.put("totalSize", matches.size());
    return response;
  }

  private static int pageSize(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_PAGE_SIZE;
    }
    int size;
    try {
      size = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw ApiError.invalid("invalid page_size \"" + text + "\": not an integer");
    }
    if (size < 0) {
      throw ApiError.invalid("invalid page_size " + size + ": must not be negative");
    }
    return size == 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
  }

  private String token(int nextOffset) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((nextOffset + ":" + fingerprint).getBytes(StandardCharsets.UTF_8));
  }

  private int offset(String token) {
    if (token == null || token.isEmpty()) {
      return 0;
    }
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":", 2);
      if (parts.length == 2 && parts[1].equals(fingerprint)) {
        return Integer.parseInt(parts[0]);
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below
    }
    throw ApiError.invalid("invalid page_token: it is malformed or was issued for different list parameters");
  }

  private Comparator<ObjectNode> order(String orderBy) {
    Comparator<ObjectNode> comparator = null;
    for (String raw : orderBy.split(",")) {
      String[] words = raw.strip().split("\\s+");
      Field field = words[0].isEmpty() ? null : schema.field(words[0]);
      if (field == null || !SORTABLE.contains(field.json()) || words.length > 2
          || (words.length == 2 && !words[1].equalsIgnoreCase("desc") && !words[1].equalsIgnoreCase("asc"))) {
        throw ApiError.invalid("invalid order_by \"" + orderBy + "\": the emulator orders by name, create_time,"
            + " update_time or display_name, each optionally followed by \" desc\"");
      }
      Comparator<ObjectNode> next = field.kind() == Kind.TIMESTAMP
          ? Comparator.comparing(r -> instant(r, field)) : Comparator.comparing(r -> r.path(field.json()).asText(""));
      if (words.length == 2 && words[1].equalsIgnoreCase("desc")) {
        next = next.reversed();
      }
      comparator = comparator == null ? next : comparator.thenComparing(next);
    }
    return comparator.thenComparing(r -> r.path("name").asText());
  }

  private static Instant instant(ObjectNode resource, Field field) {
    JsonNode value = resource.get(field.json());
    return value == null ? Instant.EPOCH : Instant.parse(value.asText());
  }
}
