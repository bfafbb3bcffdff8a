package org.mlops4j.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeTicksTest {

  private static long t(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  @Test
  void sixHours_areTickedEveryHourWithTheDateOnTheFirstTickAndWhereTheDayChanges() {
    // span 6 h 20 min, at most 8 ticks: 1 h is the smallest step giving 6 intervals <= 7
    TimeTicks ticks = TimeTicks.of(t("2024-03-01T20:40:00Z"), t("2024-03-02T03:00:00Z"), 8);
    assertThat(ticks.labels())
        .containsExactly("03-01 21:00", "22:00", "23:00", "03-02 00:00", "01:00", "02:00", "03:00");
  }

  @Test
  void twentyWeeks_areTickedByMonthsFromTheFirstOfAMonth() {
    // 133 days, at most 4 ticks: 2 months (133 / 60.9 = 2.2 <= 3 intervals)
    TimeTicks ticks = TimeTicks.of(t("2024-01-01T00:00:00Z"), t("2024-05-13T00:00:00Z"), 4);
    assertThat(ticks.labels()).containsExactly("2024-01", "2024-03", "2024-05");
    assertThat(ticks.values().get(1)).isEqualTo(t("2024-03-01T00:00:00Z"));
  }

  @Test
  void tenDays_areTickedByDaysOrTwoDays() {
    TimeTicks ticks = TimeTicks.of(t("2024-01-01T12:00:00Z"), t("2024-01-11T00:00:00Z"), 6);
    // 9.5 days: 2 days gives 4.75 <= 5 intervals; ticks at midnight of even epoch days
    assertThat(ticks.labels()).allMatch(l -> l.matches("2024-01-[0-9]{2}"));
    assertThat(ticks.labels()).hasSizeBetween(4, 6);
  }

  @Test
  void decades_areTickedByNiceNumbersOfYears() {
    TimeTicks ticks = TimeTicks.of(t("1994-06-01T00:00:00Z"), t("2024-06-01T00:00:00Z"), 5);
    // 30 years over 4 intervals: nice(7.5, false) = 10 years
    assertThat(ticks.labels()).containsExactly("2000", "2010", "2020");
  }

  @Test
  void badArguments_areNamed() {
    assertThatThrownBy(() -> TimeTicks.of(2, 1, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("min must be at most max 1, but was 2");
  }
}
