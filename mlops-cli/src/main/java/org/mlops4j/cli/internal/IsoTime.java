package org.mlops4j.cli.internal;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * ISO-8601 dates and date-times of CSV cells as seconds since 1970-01-01T00:00Z, so that a date
 * column is compared as time (a numeric column for the drift tests) rather than as thousands of
 * categories.
 *
 * <p>Grammar (ISO 8601 extended format, as written by databases, pandas and {@code java.time}):
 * {@code YYYY-MM-DD}, optionally followed by {@code T} or one space and {@code hh:mm}, {@code
 * hh:mm:ss} or {@code hh:mm:ss.fraction} (1 to 9 digits), optionally followed by {@code Z} or an
 * offset {@code ±hh:mm}, {@code ±hhmm} or {@code ±hh}. A date is its midnight; a date-time without
 * an offset is taken as UTC (the same local time in two files compares alike). Surrounding spaces
 * are allowed. Anything else (other orders such as {@code 27/01/2013}, week dates, a 24th hour, a
 * 61st second, an impossible day such as {@code 2013-02-30}) is not a date.
 */
public final class IsoTime {

  private IsoTime() {}

  /**
   * @param s the text
   * @return the seconds since 1970-01-01T00:00Z, or NaN if the text is not a date in the grammar
   */
  public static double epochSeconds(String s) {
    char[] c = s.toCharArray();
    return epochSeconds(c, 0, c.length);
  }

  /**
   * @param s characters holding the text in {@code [start, end)}
   * @return the seconds since 1970-01-01T00:00Z, or NaN if the text is not a date in the grammar
   */
  public static double epochSeconds(char[] s, int start, int end) {
    while (start < end && s[start] == ' ') {
      start++;
    }
    while (end > start && s[end - 1] == ' ') {
      end--;
    }
    // YYYY-MM-DD: the cheap checks first, for most cells of most columns are not dates
    if (end - start < 10 || s[start + 4] != '-' || s[start + 7] != '-') {
      return Double.NaN;
    }
    int year = digits(s, start, 4);
    int month = digits(s, start + 5, 2);
    int day = digits(s, start + 8, 2);
    if (year < 0 || month < 0 || day < 0) {
      return Double.NaN;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return Double.NaN;
    }
    double seconds = epochDay * 86_400.0;
    int p = start + 10;
    if (p == end) {
      return seconds;
    }
    if ((s[p] != 'T' && s[p] != ' ') || end - p < 6 || s[p + 3] != ':') {
      return Double.NaN;
    }
    int hour = digits(s, p + 1, 2);
    int minute = digits(s, p + 4, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
      return Double.NaN;
    }
    p += 6;
    int second = 0;
    double fraction = 0;
    if (p < end && s[p] == ':') {
      second = end - p >= 3 ? digits(s, p + 1, 2) : -1;
      if (second < 0 || second > 59) {
        return Double.NaN;
      }
      p += 3;
      if (p < end && (s[p] == '.' || s[p] == ',')) {
        int q = p + 1;
        double scale = 0.1;
        while (q < end && s[q] >= '0' && s[q] <= '9' && q - p <= 9) {
          fraction += (s[q] - '0') * scale;
          scale /= 10;
          q++;
        }
        if (q == p + 1) {
          return Double.NaN;
        }
        p = q;
      }
    }
    int offset = 0;
    if (p < end) {
      if (s[p] == 'Z' && p + 1 == end) {
        p++;
      } else if (s[p] == '+' || s[p] == '-') {
        int sign = s[p] == '-' ? -1 : 1;
        int n = end - p - 1;
        int oh = n >= 2 ? digits(s, p + 1, 2) : -1;
        int om = 0;
        if (n == 5 && s[p + 3] == ':') {
          om = digits(s, p + 4, 2);
        } else if (n == 4) {
          om = digits(s, p + 3, 2);
        } else if (n != 2) {
          return Double.NaN;
        }
        if (oh < 0 || oh > 18 || om < 0 || om > 59) {
          return Double.NaN;
        }
        offset = sign * (oh * 3600 + om * 60);
        p = end;
      } else {
        return Double.NaN;
      }
    }
    if (p != end) {
      return Double.NaN;
    }
    return seconds + hour * 3600 + minute * 60 + second - offset + fraction;
  }

  /** The value of n decimal digits at s[p], or -1 if one is not a digit. */
  private static int digits(char[] s, int p, int n) {
    int v = 0;
    for (int i = 0; i < n; i++) {
      char ch = s[p + i];
      if (ch < '0' || ch > '9') {
        return -1;
      }
      v = v * 10 + (ch - '0');
    }
    return v;
  }
}
