package dev.fireworks4j.core.paging;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a list call across all its pages, fetched lazily: a page is requested only when iteration
 * reaches it. Each call to {@link #iterator()} starts again from the first page.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {
  /** Stops a server that keeps returning the same token from looping forever. */
  private static final int MAX_PAGES = 100_000;
  private final Function<String, Page<T>> fetchPage;
  private volatile Page<T> firstPage;

  /** Creates the iterable; {@code fetchPage} gets {@code null} for the first page, then each next token. */
  public PagedIterable(Function<String, Page<T>> fetchPage) {
    this.fetchPage = Objects.requireNonNull(fetchPage, "fetchPage");
  }

  /** The first page (fetched once and kept). */
  public Page<T> firstPage() {
    Page<T> page = firstPage;
    if (page == null) {
      page = Objects.requireNonNull(fetchPage.apply(null), "page");
      firstPage = page;
    }
    return page;
  }

  /** The server's total item count from the first page, if it reports one. */
  public OptionalInt totalSize() {
    return firstPage().totalSize();
  }

  /** The pages, lazily. */
  public Iterable<Page<T>> pages() {
    return PageIterator::new;
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<T>() {
      private final PageIterator pages = new PageIterator();
      private Iterator<T> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (!pages.hasNext()) {
            return false;
          }
          current = pages.next().items().iterator();
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** The items as a sequential stream that fetches pages as it goes. */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }

  private final class PageIterator implements Iterator<Page<T>> {
    private Page<T> next;
    private String token;
    private boolean started;
    private boolean done;
    private int fetched;

    @Override
    public boolean hasNext() {
      if (next != null) {
        return true;
      }
      if (done) {
        return false;
      }
      if (!started) {
        started = true;
        next = firstPage();
      } else {
        if (++fetched >= MAX_PAGES) {
          throw new IllegalStateException(
              "more than " + MAX_PAGES + " pages; the server keeps returning a next page token");
        }
        next = Objects.requireNonNull(fetchPage.apply(token), "page");
      }
      return true;
    }

    @Override
    public Page<T> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Page<T> page = next;
      next = null;
      token = page.nextPageToken().orElse(null);
      done = token == null;
      return page;
    }
  }
}
