package org.mlops4j.report.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;

/**
 * Tick marks for a time axis, in UTC: the smallest calendar step (1, 2, 5, 10, 15, 30 seconds or
 * minutes; 1, 2, 3, 6, 12 hours; 1, 2 days; a week from Monday; 1, 2, 3, 6 months; 1, 2, 5, 10, ...
 * years) that gives at most the asked number of ticks between the first and the last instant; ticks
 * fall on multiples of the step (midnight, the first of a month, ...) inside the range. Labels show
 * what the step needs: {@code HH:mm:ss}, {@code HH:mm} (with the date where the day changes),
 * {@code yyyy-MM-dd}, {@code yyyy-MM} or {@code yyyy}.
 *
 * @param values the ticks, epoch milliseconds, ascending
 * @param labels one label per tick
 */
public record TimeTicks(List<Long> values, List<String> labels) {

  private static final long SECOND = 1000L;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;
  private static final long[] FIXED = {
    SECOND,
    2 * SECOND,
    5 * SECOND,
    10 * SECOND,
    15 * SECOND,
    30 * SECOND,
    MINUTE,
    2 * MINUTE,
    5 * MINUTE,
    10 * MINUTE,
    15 * MINUTE,
    30 * MINUTE,
    HOUR,
    2 * HOUR,
    3 * HOUR,
    6 * HOUR,
    12 * HOUR,
    DAY,
    2 * DAY,
    7 * DAY
  };
  private static final int[] MONTHS = {1, 2, 3, 6};
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DAY_MINUTES = DateTimeFormatter.ofPattern("MM-dd HH:mm");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

  /** Copies the lists. */
  public TimeTicks {
    values = List.copyOf(values);
    labels = List.copyOf(labels);
  }

  /**
   * @param min the first instant, epoch milliseconds
   * @param max the last instant, epoch milliseconds, at least min
   * @param ticks at most this many ticks (at least 2)
   * @return the ticks inside [min, max]
   * @throws IllegalArgumentException if min &gt; max or ticks &lt; 2
   */
  public static TimeTicks of(long min, long max, int ticks) {
    Require.argument(min <= max, "min", "at most max " + max, min);
    Require.argument(ticks >= 2, "ticks", "at least 2", ticks);
    long span = Math.max(max - min, 1);
    for (long step : FIXED) {
      if (span / step <= ticks - 1) {
        return fixed(min, max, step);
      }
    }
    for (int months : MONTHS) {
      if (span / (months * 30.44 * DAY) <= ticks - 1) {
        return monthly(min, max, months);
      }
    }
    double years = span / (365.25 * DAY);
    int step = (int) Math.max(1, Ticks.niceNumber(years / (ticks - 1), false));
    return yearly(min, max, step);
  }

  private static TimeTicks fixed(long min, long max, long step) {
    // weeks start on Monday: 1970-01-05 was a Monday, four days after the epoch
    long offset = step == 7 * DAY ? 4 * DAY : 0;
    long first = Math.floorDiv(min - offset + step - 1, step) * step + offset;
    List<Long> values = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    @Nullable LocalDate previousDay = null;
    for (long t = first; t <= max; t += step) {
      ZonedDateTime z = Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC);
      String label;
      if (step >= DAY) {
        label = DATE.format(z);
      } else if (step < MINUTE) {
        label = SECONDS.format(z);
      } else {
        LocalDate day = z.toLocalDate();
        label = day.equals(previousDay) ? MINUTES.format(z) : DAY_MINUTES.format(z);
        previousDay = day;
      }
      values.add(t);
      labels.add(label);
    }
    return new TimeTicks(values, labels);
  }

  private static TimeTicks monthly(long min, long max, int months) {
    ZonedDateTime z = Instant.ofEpochMilli(min).atZone(ZoneOffset.UTC);
    ZonedDateTime t =
        LocalDate.of(z.getYear(), 1, 1)
            .atStartOfDay(ZoneOffset.UTC)
            .plusMonths((long) Math.floorDiv(z.getMonthValue() - 1, months) * months);
    List<Long> values = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (; t.toInstant().toEpochMilli() <= max; t = t.plusMonths(months)) {
      long ms = t.toInstant().toEpochMilli();
      if (ms >= min) {
        values.add(ms);
        labels.add(MONTH.format(t));
      }
    }
    return new TimeTicks(values, labels);
  }

  private static TimeTicks yearly(long min, long max, int years) {
    int startYear = Instant.ofEpochMilli(min).atZone(ZoneOffset.UTC).getYear();
    int year = Math.floorDiv(startYear, years) * years;
    List<Long> values = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (; ; year += years) {
      long ms = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      if (ms > max) {
        break;
      }
      if (ms >= min) {
        values.add(ms);
        labels.add(Integer.toString(year));
      }
    }
    return new TimeTicks(values, labels);
  }
}
