package dev.fireworks4j.core.paging;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One page of a list call: its items, the token of the next page, and the server's total count.
 *
 * @param <T> the item type
 */
public final class Page<T> {
  private final List<T> items;
  private final String nextPageToken;
  private final Integer totalSize;

  private Page(List<T> items, String nextPageToken, Integer totalSize) {
    this.items = List.copyOf(items);
    this.nextPageToken = nextPageToken == null || nextPageToken.isEmpty() ? null : nextPageToken;
    this.totalSize = totalSize;
  }

  /** A page; an empty or null token means this is the last page, a null total means the server gave none. */
  public static <T> Page<T> of(List<T> items, String nextPageToken, Integer totalSize) {
    return new Page<>(Objects.requireNonNull(items, "items"), nextPageToken, totalSize);
  }

  /** The items on this page. */
  public List<T> items() {
    return items;
  }

  /** The token that fetches the next page; empty on the last page. */
  public Optional<String> nextPageToken() {
    return Optional.ofNullable(nextPageToken);
  }

  /** Whether another page follows. */
  public boolean hasNextPage() {
    return nextPageToken != null;
  }

  /** The total number of items across all pages, when the server reports it. */
  public OptionalInt totalSize() {
    return totalSize == null ? OptionalInt.empty() : OptionalInt.of(totalSize);
  }

  @Override
  public String toString() {
    return "Page{items=" + items.size() + ", nextPageToken=" + nextPageToken + ", totalSize=" + totalSize + "}";
  }
}
