package org.mlops4j.cli.internal;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;

/**
 * How the cells of a CSV file are read: the field delimiter (or detection of it) and the texts that
 * mean "missing value".
 *
 * <p>Missing-value tokens follow pandas' {@code read_csv}: the defaults ({@link #DEFAULT_MISSING})
 * are a subset of pandas' default {@code na_values}; {@code naValues} adds tokens to them and
 * {@code keepDefaultNa} false drops them, as pandas' {@code na_values} and {@code keep_default_na}.
 * Unlike pandas, an empty cell is always missing. A cell matches a token after its surrounding
 * spaces are removed; the match is exact (case-sensitive).
 *
 * @param delimiter the field delimiter, or null to detect it ({@link CsvTable#detectDelimiter})
 * @param missing the tokens read as missing values, in order
 * @param delimiterDetected whether the delimiter was detected rather than given
 */
public record CsvFormat(
    @Nullable Character delimiter, Set<String> missing, boolean delimiterDetected) {

  /**
   * The default missing-value tokens: {@code NA}, {@code N/A}, {@code NaN}, {@code nan}, {@code
   * null}, {@code NULL}, {@code None} (each in pandas' default {@code na_values}), besides the
   * empty cell.
   */
  public static final List<String> DEFAULT_MISSING =
      List.of("NA", "N/A", "NaN", "nan", "null", "NULL", "None");

  private static final CsvFormat DEFAULTS = of(null, List.of(), true);

  /** Copies the tokens. */
  public CsvFormat {
    missing = Collections.unmodifiableSet(new LinkedHashSet<>(Require.nonNull(missing, "missing")));
  }

  /**
   * @return a detected delimiter and the default missing-value tokens
   */
  public static CsvFormat defaults() {
    return DEFAULTS;
  }

  /**
   * @param delimiter the delimiter, or null to detect it
   * @param naValues tokens added to the defaults (pandas' {@code na_values})
   * @param keepDefaultNa whether the defaults are kept (pandas' {@code keep_default_na})
   * @return the format
   */
  public static CsvFormat of(
      @Nullable Character delimiter, List<String> naValues, boolean keepDefaultNa) {
    Set<String> tokens = new LinkedHashSet<>();
    if (keepDefaultNa) {
      tokens.addAll(DEFAULT_MISSING);
    }
    for (String t : naValues) {
      String s = t.strip();
      if (!s.isEmpty()) {
        tokens.add(s);
      }
    }
    return new CsvFormat(delimiter, tokens, false);
  }

  /**
   * @return this format with a delimiter detected in a file
   */
  public CsvFormat withDetectedDelimiter(char d) {
    return new CsvFormat(d, missing, true);
  }

  /**
   * @return this format with its delimiter detected in the file when it has none
   * @throws org.mlops4j.api.MlopsException if the file cannot be opened
   */
  public CsvFormat resolve(java.nio.file.Path file) {
    return delimiter != null ? this : withDetectedDelimiter(CsvTable.detectDelimiter(file));
  }

  /**
   * @return whether a token would parse as a number or a date (then tokens are checked before
   *     numbers, e.g. {@code --na-values -999})
   */
  boolean tokenLooksLikeAValue() {
    for (String t : missing) {
      char[] c = t.toCharArray();
      if (CsvReader.isDecimal(c, 0, c.length) || !Double.isNaN(IsoTime.epochSeconds(t))) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return the delimiter as shown to a user: {@code tab} or the character in quotes
   */
  public static String describe(char delimiter) {
    return delimiter == '\t' ? "tab" : "'" + delimiter + "'";
  }
}
