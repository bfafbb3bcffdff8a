package org.mlops4j.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class GeneralizerTest {

  @Test
  void band_alignsOnMultiplesOfTheWidth() {
    // floor(28/10)*10 = 20; floor(-3/10)*10 = -10; floor(29.9/10)*10 = 20 (by hand)
    Generalizer g = Generalizer.band(10);
    assertEquals("20-29", g.apply("28"));
    assertEquals("20-29", g.apply("29.9"));
    assertEquals("30-39", g.apply("30"));
    assertEquals("-10--1", g.apply("-3"));
    assertEquals("", g.apply(""));
    assertEquals("0-4", Generalizer.band(5).apply("4"));
  }

  @Test
  void band_ofANonNumber_namesTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Generalizer.band(10).apply("old"));
    assertEquals("value must be a number, but was 'old'", e.getMessage());
    IllegalArgumentException w =
        assertThrows(IllegalArgumentException.class, () -> Generalizer.band(0));
    assertEquals("width must be positive, but was 0", w.getMessage());
  }

  @Test
  void truncateDate_cutsToMonthYearOrDecade() {
    assertEquals("1965-03", Generalizer.truncateDate(ChronoUnit.MONTHS).apply("1965-03-14"));
    assertEquals("1965", Generalizer.truncateDate(ChronoUnit.YEARS).apply("1965-03-14"));
    assertEquals("1960s", Generalizer.truncateDate(ChronoUnit.DECADES).apply("1965-03-14"));
    assertEquals(
        "1965-03", Generalizer.truncateDate(ChronoUnit.MONTHS).apply("1965-03-14T10:00:00Z"));
  }

  @Test
  void truncateDate_ofANonDate_andOfAnotherUnit_areRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Generalizer.truncateDate(ChronoUnit.YEARS).apply("14/03/1965"));
    assertEquals("value must be an ISO date (yyyy-MM-dd), but was '14/03/1965'", e.getMessage());
    IllegalArgumentException u =
        assertThrows(
            IllegalArgumentException.class, () -> Generalizer.truncateDate(ChronoUnit.DAYS));
    assertEquals("unit must be MONTHS, YEARS or DECADES, but was Days", u.getMessage());
  }

  @Test
  void prefix_masksTheRest_andSuppressHidesAll() {
    assertEquals("0213*", Generalizer.prefix(4).apply("02139"));
    assertEquals("021", Generalizer.prefix(4).apply("021"));
    assertEquals("***", Generalizer.prefix(0).apply("abc"));
    assertEquals("*", Generalizer.suppress().apply("02139"));
    assertEquals("", Generalizer.suppress().apply(""));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Generalizer.prefix(-1));
    assertEquals("keep must be non-negative, but was -1", e.getMessage());
  }

  @Property
  boolean band_containsTheValue_andHasTheWidth(
      @ForAll @IntRange(min = -100_000, max = 100_000) int x,
      @ForAll @IntRange(min = 1, max = 1000) int width) {
    String b = Generalizer.band(width).apply(Integer.toString(x));
    int dash = b.indexOf('-', 1);
    long lo = Long.parseLong(b.substring(0, dash));
    long hi = Long.parseLong(b.substring(dash + 1));
    return lo <= x && x <= hi && hi - lo == width - 1 && Math.floorMod(lo, width) == 0;
  }
}
