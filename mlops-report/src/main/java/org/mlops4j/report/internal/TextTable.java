package org.mlops4j.report.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with aligned columns for the {@code toString()} of results: the header, a rule
 * of dashes, then one line per row; columns padded to their widest cell and separated by two
 * spaces, trailing blanks stripped, a newline inside a cell printed as a space.
 */
public final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final int width;

  /**
   * @param header the column names
   */
  public TextTable(String... header) {
    this.width = header.length;
    rows.add(header.clone());
  }

  /**
   * @param cells one row (null printed as empty)
   * @return this
   */
  public TextTable row(Object... cells) {
    String[] r = new String[width];
    for (int i = 0; i < width; i++) {
      Object c = i < cells.length ? cells[i] : null;
      r[i] = c == null ? "" : c.toString().replace('\n', ' ');
    }
    rows.add(r);
    return this;
  }

  /**
   * @return the rows below the header
   */
  public int size() {
    return rows.size() - 1;
  }

  @Override
  public String toString() {
    int[] w = new int[width];
    for (String[] r : rows) {
      for (int i = 0; i < width; i++) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < rows.size(); k++) {
      String[] r = rows.get(k);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < width; i++) {
        line.append(r[i]).append(" ".repeat(w[i] - r[i].length()));
        if (i < width - 1) {
          line.append("  ");
        }
      }
      sb.append(line.toString().stripTrailing()).append('\n');
      if (k == 0) {
        int total = 0;
        for (int i = 0; i < width; i++) {
          total += w[i] + (i < width - 1 ? 2 : 0);
        }
        sb.append("-".repeat(total)).append('\n');
      }
    }
    return sb.toString();
  }
}
