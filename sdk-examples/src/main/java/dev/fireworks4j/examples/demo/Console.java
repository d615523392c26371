package dev.fireworks4j.examples.demo;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's output. On a terminal a progress bar is redrawn on one line with {@code \r} while traffic flows;
 * elsewhere (a pipe, a file, Maven's output) only the finished line of each measurement is printed.
 */
final class Console {
  private static final int BAR_WIDTH = 30;
  private static final long REDRAW_NANOS = 80_000_000;

  private final PrintStream out;
  private final boolean interactive;

  Console(PrintStream out, boolean interactive) {
    this.out = out;
    this.interactive = interactive;
  }

  /** Prints a line. */
  void line(String text) {
    out.println(text);
  }

  /** Prints each line of {@code block}, indented by {@code indent}. */
  void block(String indent, String block) {
    block.lines().forEach(line -> out.println(line.isEmpty() ? "" : indent + line));
  }

  /** A progress bar for {@code total} units of work named {@code label}. */
  Progress progress(String label, long total) {
    return new Progress(label, total);
  }

  /** Progress of one measurement; {@link #advance()} may be called from any thread. */
  final class Progress {
    private final String label;
    private final long total;
    private final AtomicLong done = new AtomicLong();
    private long lastDraw;
    private int drawnLength;

    private Progress(String label, long total) {
      this.label = label;
      this.total = Math.max(1, total);
    }

    /** One more unit done. */
    void advance() {
      set(done.incrementAndGet());
    }

    /** {@code units} done so far. */
    void set(long units) {
      if (interactive) {
        redraw(Math.min(units, total));
      }
    }

    /** Ends the bar with its outcome, on the same line on a terminal. */
    synchronized void finish(String outcome) {
      String text = "   " + label + ": " + outcome;
      if (interactive) {
        out.print("\r" + text + " ".repeat(Math.max(0, drawnLength - text.length())));
        out.println();
      } else {
        out.println(text);
      }
      out.flush();
    }

    private synchronized void redraw(long units) {
      long now = System.nanoTime();
      if (now - lastDraw < REDRAW_NANOS && units < total) {
        return;
      }
      lastDraw = now;
      int filled = (int) (BAR_WIDTH * units / total);
      String text = "   " + label + " [" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] "
          + (100 * units / total) + "%";
      out.print("\r" + text + " ".repeat(Math.max(0, drawnLength - text.length())));
      out.flush();
      drawnLength = text.length();
    }
  }
}
