package org.mlops4j.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text tables for the terminal: padded columns, numbers aligned right and printed alike. Every cell
 * goes through {@link TerminalText#escape(String)} before the widths are measured, so that a name
 * or value from data can neither break a table's lines nor send escape sequences to the terminal.
 */
public final class TextTable {

  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

  private TextTable() {}

  /**
   * Formats rows as a text table: cells escaped ({@link TerminalText#escape(String)}), columns
   * padded to their widest cell, two spaces apart, decimal numbers aligned right (but not in the
   * first row or column).
   */
  public static String table(List<String[]> rows) {
    return table(rows, true);
  }

  /** As {@link #table(List)}; with {@code alignNumbers} false every cell is aligned left. */
  public static String table(List<String[]> rows, boolean alignNumbers) {
    List<String[]> escaped = new ArrayList<>(rows.size());
    int cols = 0;
    for (String[] r : rows) {
      String[] e = new String[r.length];
      for (int c = 0; c < r.length; c++) {
        e[c] = TerminalText.escape(r[c]);
      }
      escaped.add(e);
      cols = Math.max(cols, r.length);
    }
    int[] width = new int[cols];
    for (String[] r : escaped) {
      for (int c = 0; c < r.length; c++) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    boolean first = true;
    for (String[] r : escaped) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < r.length; c++) {
        String cell = r[c];
        int pad = width[c] - cell.length();
        boolean right = alignNumbers && !first && c > 0 && NUMBER.matcher(cell).matches();
        if (right) {
          line.append(" ".repeat(pad)).append(cell);
        } else {
          line.append(cell).append(" ".repeat(pad));
        }
        if (c < r.length - 1) {
          line.append("  ");
        }
      }
      sb.append(line.toString().stripTrailing()).append('\n');
      first = false;
    }
    return sb.toString();
  }

  /**
   * @return a number for a table: whole numbers as such, else 4 decimals (scientific below 1e-4 or
   *     from 1e6), {@code -} when NaN
   */
  public static String num(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    double a = Math.abs(v);
    if (a != 0 && (a < 1e-4 || a >= 1e6)) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /**
   * @return a new list with a header row
   */
  public static List<String[]> rows(String... header) {
    List<String[]> rows = new ArrayList<>();
    rows.add(header);
    return rows;
  }
}
