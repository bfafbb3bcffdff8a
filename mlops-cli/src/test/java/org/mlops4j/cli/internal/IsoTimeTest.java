package org.mlops4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class IsoTimeTest {

  @Test
  void datesDateTimesAndInstants_areSecondsSinceTheEpoch() {
    // expected: Python 3 datetime.fromisoformat(s) (naive as UTC) .timestamp()
    assertThat(IsoTime.epochSeconds("2013-01-27")).isEqualTo(1359244800.0);
    assertThat(IsoTime.epochSeconds("2013-01-27 14:30:00")).isEqualTo(1359297000.0);
    assertThat(IsoTime.epochSeconds("2013-01-27T14:30:00Z")).isEqualTo(1359297000.0);
    assertThat(IsoTime.epochSeconds("2013-01-27T16:30:00+02:00")).isEqualTo(1359297000.0);
    assertThat(IsoTime.epochSeconds("2013-01-27T16:30:00+0200")).isEqualTo(1359297000.0);
    assertThat(IsoTime.epochSeconds("2013-01-27T12:30-02")).isEqualTo(1359297000.0);
    assertThat(IsoTime.epochSeconds("2013-01-27T14:30")).isEqualTo(1359297000.0);
    assertThat(IsoTime.epochSeconds(" 2013-01-27 14:30:00.25 ")).isEqualTo(1359297000.25);
    assertThat(IsoTime.epochSeconds("1969-12-31T23:59:59Z")).isEqualTo(-1.0);
    assertThat(IsoTime.epochSeconds("2012-02-29")).isEqualTo(1330473600.0);
  }

  @Test
  void otherTexts_areNotDates() {
    for (String s :
        new String[] {
          "",
          "2013",
          "2013-1-27",
          "27/01/2013",
          "2013-02-30",
          "2013-13-01",
          "2013-01-27T24:00:00",
          "2013-01-27T14:60",
          "2013-01-27T14:30:61",
          "2013-01-27T14",
          "2013-01-27X14:30",
          "2013-01-27T14:30:00.",
          "2013-01-27T14:30:00+2",
          "2013-01-27T14:30:00+19:00",
          "2013-01-27T14:30:00 Z",
          "2013-01-27x",
          "13001275CF10A",
          "-2013-01-27"
        }) {
      assertThat(IsoTime.epochSeconds(s)).as(s).isNaN();
    }
  }

  /** Every date of 1900..2100 as java.time writes it reads back as its epoch day. */
  @Property(tries = 300)
  void everyDate_readsAsItsEpochDay(@ForAll @IntRange(min = -25567, max = 47482) int epochDay) {
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    assertThat(IsoTime.epochSeconds(d.toString())).isEqualTo(epochDay * 86400.0);
    Instant noon = d.atTime(12, 0).toInstant(ZoneOffset.UTC);
    assertThat(IsoTime.epochSeconds(noon.toString())).isEqualTo((double) noon.getEpochSecond());
  }
}
