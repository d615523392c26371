package dev.fireworks4j.examples.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Markdown table, its first column left-aligned and the others right-aligned, as the router guide shows. */
final class Table {
  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  Table(String... header) {
    this.columns = header.length;
    rows.add(header);
  }

  /** Adds a row; it must have one cell per column. */
  Table row(Object... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
    }
    String[] row = new String[columns];
    for (int i = 0; i < columns; i++) {
      row[i] = String.valueOf(cells[i]);
    }
    rows.add(row);
    return this;
  }

  /** {@code 0.6} as {@code "60%"}, {@code 0.6034} as {@code "60.3%"}. */
  static String percent(double fraction) {
    double value = fraction * 100;
    return Math.abs(value - Math.rint(value)) < 0.05 ? String.format(Locale.ROOT, "%.0f%%", value)
        : String.format(Locale.ROOT, "%.1f%%", value);
  }

  /** A duration in milliseconds with one decimal, such as {@code "2.4 ms"}. */
  static String millis(Duration duration) {
    return String.format(Locale.ROOT, "%.1f ms", duration.toNanos() / 1e6);
  }

  @Override
  public String toString() {
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    append(out, rows.get(0), widths);
    out.append('|');
    for (int i = 0; i < columns; i++) {
      out.append("-").append("-".repeat(widths[i])).append(i == 0 ? "-|" : ":|");
    }
    out.append('\n');
    for (String[] row : rows.subList(1, rows.size())) {
      append(out, row, widths);
    }
    return out.toString();
  }

  private static void append(StringBuilder out, String[] row, int[] widths) {
    out.append('|');
    for (int i = 0; i < row.length; i++) {
      String fill = " ".repeat(widths[i] - row[i].length());
      out.append(' ').append(i == 0 ? row[i] + fill : fill + row[i]).append(" |");
    }
    out.append('\n');
  }
}
