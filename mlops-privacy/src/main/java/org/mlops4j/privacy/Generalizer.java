package org.mlops4j.privacy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.mlops4j.api.internal.Require;

/**
 * Makes a quasi-identifier's value less precise, so that more rows share it: a function from a
 * value to its generalisation, applied with {@link PersonalData#map(String, UnaryOperator)} or
 * declared in an {@link Anonymizer}. An empty value stays empty (a missing value is not made up).
 *
 * <pre>{@code
 * Generalizer.band(10).apply("28")                          // "20-29"
 * Generalizer.truncateDate(ChronoUnit.MONTHS).apply("1965-03-14")   // "1965-03"
 * Generalizer.prefix(4).apply("02139")                      // "0213*"
 * Generalizer.suppress().apply("anything")                  // "*"
 * }</pre>
 *
 * These are the value generalisation hierarchies of Sweeney (2002), "Achieving k-anonymity privacy
 * protection using generalization and suppression", IJUFKS 10(5): ZIP codes by dropping trailing
 * digits, ages by bands, dates by month or year, and full suppression as the top of each hierarchy.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Generalizer extends UnaryOperator<String> {

  /**
   * Numeric bands of a given width, aligned on multiples of it: {@code floor(x / width) * width} to
   * that plus {@code width - 1} ({@code band(10)}: 28 to {@code "20-29"}, -3 to {@code "-10--1"}).
   * Values may be decimals; the band is of whole numbers.
   *
   * @param width the band's width, positive
   * @return the generalizer; it throws {@code IllegalArgumentException} {@code value must be a
   *     number, but was '...'} on a value that is not a number
   * @throws IllegalArgumentException if width is not positive
   */
  static Generalizer band(long width) {
    Require.positive(width, "width");
    return v -> {
      if (v.isEmpty()) {
        return v;
      }
      double x;
      try {
        x = Double.parseDouble(v.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(Require.mustBe("value", "a number", "'" + v + "'"));
      }
      Require.argument(Double.isFinite(x), "value", "a finite number", "'" + v + "'");
      long lo = (long) Math.floor(x / width) * width;
      return lo + "-" + (lo + width - 1);
    };
  }

  /**
   * ISO dates ({@code yyyy-MM-dd}; a time after the date is ignored) cut to the month ({@code
   * "1965-03"}), the year ({@code "1965"}) or the decade ({@code "1960s"}).
   *
   * @param unit {@link ChronoUnit#MONTHS}, {@link ChronoUnit#YEARS} or {@link ChronoUnit#DECADES}
   * @return the generalizer; it throws {@code IllegalArgumentException} {@code value must be an ISO
   *     date (yyyy-MM-dd), but was '...'} on another value
   * @throws IllegalArgumentException for another unit
   */
  static Generalizer truncateDate(ChronoUnit unit) {
    Require.nonNull(unit, "unit");
    Require.argument(
        unit == ChronoUnit.MONTHS || unit == ChronoUnit.YEARS || unit == ChronoUnit.DECADES,
        "unit",
        "MONTHS, YEARS or DECADES",
        unit);
    return v -> {
      if (v.isEmpty()) {
        return v;
      }
      LocalDate d;
      try {
        d = LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            Require.mustBe("value", "an ISO date (yyyy-MM-dd)", "'" + v + "'"));
      }
      return switch (unit) {
        case MONTHS -> String.format(Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue());
        case YEARS -> String.format(Locale.ROOT, "%04d", d.getYear());
        default -> Math.floorDiv(d.getYear(), 10) * 10 + "s";
      };
    };
  }

  /**
   * Keeps the first {@code keep} characters and replaces each of the rest with {@code *} (a ZIP
   * code {@code 02139} with {@code prefix(4)}: {@code 0213*}); a value not longer is kept as is.
   *
   * @param keep the characters kept, at least 0
   * @return the generalizer
   * @throws IllegalArgumentException if keep is negative
   */
  static Generalizer prefix(int keep) {
    Require.nonNegative(keep, "keep");
    return v -> {
      int n = v.codePointCount(0, v.length());
      if (n <= keep) {
        return v;
      }
      int cut = v.offsetByCodePoints(0, keep);
      return v.substring(0, cut) + "*".repeat(n - keep);
    };
  }

  /**
   * @return the generalizer that replaces every non-empty value by {@code *}
   */
  static Generalizer suppress() {
    return v -> v.isEmpty() ? v : "*";
  }
}
