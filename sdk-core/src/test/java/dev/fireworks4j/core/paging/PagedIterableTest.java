package dev.fireworks4j.core.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PagedIterableTest {
  private final List<String> fetched = new ArrayList<>();

  private PagedIterable<Integer> threePages() {
    return new PagedIterable<>(token -> {
      fetched.add(String.valueOf(token));
      if (token == null) {
        return Page.of(List.of(1, 2), "p2", 5);
      }
      if (token.equals("p2")) {
        return Page.of(List.of(3, 4), "p3", 5);
      }
      return Page.of(List.of(5), "", 5);
    });
  }

  @Test
  void iteratesEveryItemAcrossPages() {
    PagedIterable<Integer> items = threePages();
    assertThat(items).containsExactly(1, 2, 3, 4, 5);
    assertThat(items.totalSize()).hasValue(5);
    assertThat(fetched).containsExactly("null", "p2", "p3");
  }

  @Test
  void fetchesLazily() {
    PagedIterable<Integer> items = threePages();
    assertThat(items.stream().limit(3).collect(Collectors.toList())).containsExactly(1, 2, 3);
    assertThat(fetched).containsExactly("null", "p2");
    Iterator<Integer> iterator = items.iterator();
    iterator.next();
    assertThat(fetched).containsExactly("null", "p2");
  }

  @Test
  void pagesExposeTokens() {
    List<Page<Integer>> pages = new ArrayList<>();
    threePages().pages().forEach(pages::add);
    assertThat(pages).hasSize(3);
    assertThat(pages.get(0).nextPageToken()).contains("p2");
    assertThat(pages.get(2).hasNextPage()).isFalse();
  }

  @Test
  void emptyListWithoutTotal() {
    PagedIterable<Integer> empty = new PagedIterable<>(token -> Page.of(List.of(), null, null));
    assertThat(empty).isEmpty();
    assertThat(empty.totalSize()).isEmpty();
  }
}
