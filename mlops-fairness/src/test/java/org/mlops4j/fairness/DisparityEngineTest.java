package org.mlops4j.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class DisparityEngineTest {

  private static FairnessReport report(List<Integer> rows) {
    int n = rows.size();
    int[] y = new int[n];
    int[] p = new int[n];
    String[] g = new String[n];
    for (int i = 0; i < n; i++) {
      int r = rows.get(i);
      y[i] = (r >> 1) & 1;
      p[i] = r & 1;
      g[i] = "g" + (r >> 2);
    }
    return FairnessAuditor.builder()
        .minGroupSize(0)
        .bootstrap(0, 1)
        .build()
        .audit(Decisions.of(y, p).groups("g", g));
  }

  @Property(tries = 200)
  void differencesAndRatios_stayInTheirRangesAndWorstCaseBoundsTheMean(
      @ForAll @Size(min = 1, max = 80) List<@IntRange(min = 0, max = 15) Integer> rows) {
    FairnessReport r = report(rows);
    for (var d : r.disparities()) {
      if (d.defined()) {
        assertThat(d.value()).as(d.name()).isBetween(0.0, 1.0);
      }
    }
    var worst = r.equalizedOddsDifference();
    var mean = r.equalizedOddsDifferenceMean();
    assertThat(worst.defined()).isEqualTo(mean.defined());
    if (worst.defined()) {
      assertThat(worst.value()).isGreaterThanOrEqualTo(mean.value() - 1e-15);
      assertThat(worst.value())
          .isEqualTo(
              Math.max(
                  r.equalOpportunityDifference().value(),
                  r.falsePositiveRateParityDifference().value()));
    }
  }

  @Property(tries = 200)
  void demographicParityDifference_isMaxMinusMinOfSelectionRates(
      @ForAll @Size(min = 1, max = 80) List<@IntRange(min = 0, max = 15) Integer> rows) {
    FairnessReport r = report(rows);
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (GroupMetrics g : r.groups()) {
      max = Math.max(max, g.selectionRate().value());
      min = Math.min(min, g.selectionRate().value());
    }
    if (r.groups().size() < 2) {
      assertThat(r.demographicParityDifference().defined()).isFalse();
    } else {
      assertThat(r.demographicParityDifference().value()).isEqualTo(max - min);
    }
  }
}
