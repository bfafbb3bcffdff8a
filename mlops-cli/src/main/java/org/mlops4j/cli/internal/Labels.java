package org.mlops4j.cli.internal;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.mlops4j.cli.internal.CsvTable.CategoricalColumn;

/** Turns a label or prediction column of text cells into 0/1 codes. */
public final class Labels {

  private Labels() {}

  /**
   * Codes each row 1 (positive) or 0 (negative). Without {@code positive}, the cells must be {@code
   * 0}/{@code 1} (also written {@code 0.0}/{@code 1.0}) or {@code true}/{@code false} in any case;
   * with it, a cell equal to {@code positive} is 1 and any other value 0.
   *
   * @param source file name, for messages
   * @param role "label" or "prediction", for messages
   * @param positive the positive value, or null
   * @throws IllegalArgumentException naming the column, the row and the value of an empty or
   *     non-binary cell (a missing cell: empty, or a missing-value token such as {@code NA})
   */
  public static int[] binary(
      String source, String role, CategoricalColumn column, @Nullable String positive) {
    List<String> levels = column.levels();
    int[] levelCode = new int[levels.size()];
    for (int l = 0; l < levels.size(); l++) {
      levelCode[l] =
          positive != null ? (levels.get(l).equals(positive) ? 1 : 0) : parse(levels.get(l));
    }
    int[] codes = column.codes();
    int[] out = new int[codes.length];
    for (int i = 0; i < codes.length; i++) {
      int c = codes[i];
      if (c < 0) {
        throw new IllegalArgumentException(
            source
                + ": column '"
                + column.name()
                + "', row "
                + (i + 1)
                + ": "
                + column.missingCell(i, role)
                + " (every row needs a "
                + role
                + ")");
      }
      int v = levelCode[c];
      if (v < 0) {
        throw new IllegalArgumentException(
            source
                + ": column '"
                + column.name()
                + "', row "
                + (i + 1)
                + ": '"
                + CsvTable.abbreviate(levels.get(c))
                + "' is not a binary "
                + role
                + " (expected 0/1 or true/false; name the positive value with --positive)");
      }
      out[i] = v;
    }
    return out;
  }

  private static int parse(String s) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    switch (t) {
      case "1", "1.0", "true" -> {
        return 1;
      }
      case "0", "0.0", "false" -> {
        return 0;
      }
      default -> {
        return -1;
      }
    }
  }
}
