package org.mlops4j.cli;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.mlops4j.cli.internal.CsvFormat;
import org.mlops4j.cli.internal.UsageException;
import picocli.CommandLine.Option;

/**
 * How {@code mlops drift} and {@code mlops fairness} read their CSV files (a picocli mixin): the
 * field delimiter ({@code --delimiter}, detected by default) and the missing-value tokens ({@code
 * --na-values}, {@code --keep-default-na}, as pandas' {@code read_csv}).
 */
final class CsvOptions {

  @Option(
      names = "--delimiter",
      paramLabel = "CHAR",
      description =
          "Field delimiter: one character, or tab, comma, semicolon, pipe; auto detects it from"
              + " the first lines among comma, semicolon, tab and pipe, and says so on standard"
              + " error when it is not a comma (default: ${DEFAULT-VALUE}).")
  String delimiter = "auto";

  @Option(
      names = "--na-values",
      split = ",",
      paramLabel = "TOKEN",
      description =
          "More texts that mean a missing value, comma-separated, as pandas' na_values (the"
              + " defaults: NA, N/A, NaN, nan, null, NULL, None; an empty cell is always missing).")
  @Nullable List<String> naValues;

  @Option(
      names = "--keep-default-na",
      arity = "0..1",
      fallbackValue = "true",
      paramLabel = "true|false",
      description =
          "Whether the default missing-value tokens apply; =false leaves only --na-values and the"
              + " empty cell, as pandas' keep_default_na (default: ${DEFAULT-VALUE}).")
  boolean keepDefaultNa = true;

  /**
   * @return the format of the options
   * @throws UsageException if the delimiter is not one character or a known name
   */
  CsvFormat format() {
    return CsvFormat.of(delimiter(), naValues == null ? List.of() : naValues, keepDefaultNa);
  }

  private @Nullable Character delimiter() {
    String d = delimiter;
    switch (d.toLowerCase(Locale.ROOT)) {
      case "auto" -> {
        return null;
      }
      case "tab", "\\t" -> {
        return '\t';
      }
      case "comma" -> {
        return ',';
      }
      case "semicolon" -> {
        return ';';
      }
      case "pipe" -> {
        return '|';
      }
      default -> {
        if (d.length() == 1 && d.charAt(0) != '"' && d.charAt(0) != '\n' && d.charAt(0) != '\r') {
          return d.charAt(0);
        }
        throw new UsageException(
            "--delimiter takes one character, tab, comma, semicolon, pipe or auto, not '"
                + d
                + "'");
      }
    }
  }
}
