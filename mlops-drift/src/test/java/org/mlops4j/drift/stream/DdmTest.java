package org.mlops4j.drift.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DdmTest {

  @Test
  void errorRateAndDeviation_equalTheHandComputedValues() {
    double[] xs = {0, 1, 0, 0, 1, 1, 0, 0, 0, 1};
    Ddm ddm = Ddm.defaults();
    for (double x : xs) {
      assertThat(ddm.update(x)).isEqualTo(DriftState.STABLE);
    }
    // expected by hand: p = 4/10 = 0.4, s = sqrt(0.4 * 0.6 / 10) = 0.15491933384829668 (python3)
    assertThat(ddm.errorRate()).isEqualTo(0.4);
    assertThat(ddm.standardDeviation()).isCloseTo(0.15491933384829668, within(1e-15));
    assertThat(ddm.minimumErrorRate()).isNaN(); // fewer than 30 values: no minimum yet
  }

  @Test
  void deterministicPattern_warnsAndDriftsWhereTheFormulaSays() {
    // errors at i % 10 == 9 for i < 100, then errors only.
    // expected: python3 transcription of the paper's rule (p_i + s_i vs p_min + k s_min,
    // min updated when p_i + s_i <= p_min + s_min, tests from i = 30): first WARNING at
    // index 103, first DRIFT at index 108
    Ddm ddm = Ddm.defaults();
    int firstWarning = -1;
    int firstDrift = -1;
    for (int i = 0; i < 150 && firstDrift < 0; i++) {
      double x = i < 100 ? (i % 10 == 9 ? 1 : 0) : 1;
      DriftState s = ddm.update(x);
      if (s == DriftState.WARNING && firstWarning < 0) {
        firstWarning = i;
      }
      if (s == DriftState.DRIFT) {
        firstDrift = i;
      }
    }
    assertThat(firstWarning).isEqualTo(103);
    assertThat(firstDrift).isEqualTo(108);
    assertThat(ddm.instancesSinceDrift()).isZero();
  }

  @Test
  void seededStreams_driftAndWarnAtTheSameUpdatesAsMoa() {
    // expected: MOA 2024.07.0 DDM with minNumInstances = 31 (MOA tests when its counter, which
    // runs one ahead of the number of values, reaches the minimum; 31 there = 30 values here)
    assertThat(ddmDrifts(7)).containsExactly(2095);
    assertThat(ddmDrifts(11)).containsExactly(39, 2063, 2175);
    assertThat(ddmDrifts(13)).containsExactly(35, 2258, 2460);
    // MOA's warning zone for seed 11 begins at 98..103, 123..132
    Ddm ddm = Ddm.defaults();
    SplittableRandom r = new SplittableRandom(11);
    List<Integer> warnings = new ArrayList<>();
    for (int i = 0; i < 133; i++) {
      if (ddm.update(Streams.bernoulli(r, 0.1)) == DriftState.WARNING) {
        warnings.add(i);
      }
    }
    assertThat(warnings)
        .containsExactly(
            98, 99, 100, 101, 102, 103, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132);
  }

  private static List<Integer> ddmDrifts(long seed) {
    Ddm ddm = Ddm.defaults();
    SplittableRandom r = new SplittableRandom(seed);
    List<Integer> drifts = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      if (ddm.update(Streams.bernoulli(r, i >= 2000 ? 0.4 : 0.1)) == DriftState.DRIFT) {
        drifts.add(i);
      }
    }
    return drifts;
  }

  @Test
  void errorRateShift_isDetectedWithin400UpdatesOnFiftySeeds() {
    // measured over seeds 1000..1049: median delay 96, maximum 382. DDM's delay has a long tail
    // because p_min + 3 s_min is set by the whole history since the last drift.
    assertThat(Streams.maxBernoulliDelay(Ddm::defaults, 50)).isLessThan(400);
  }

  @Test
  void stationaryStreams_raiseFewFalseAlarms() {
    // DDM documents no false-alarm rate; measured on 100,000 values at p = 0.1, seeds 1..5:
    // 0, 0, 1, 1, 2. Asserted exactly, as a regression check of the rule.
    int[] drifts = new int[5];
    for (int seed = 1; seed <= 5; seed++) {
      drifts[seed - 1] = Streams.stationaryDrifts(Ddm.defaults(), seed, 100_000, false);
    }
    assertThat(drifts).containsExactly(0, 0, 1, 1, 2);
  }

  @Test
  void badParametersAndValues_areRejectedWithTheirName() {
    assertThatThrownBy(() -> Ddm.defaults().update(0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value must be an error indicator 0 or 1, but was 0.5");
    assertThatThrownBy(() -> Ddm.builder().warningLevel(-1))
        .hasMessage("warningLevel must be positive and finite, but was -1.0");
    assertThatThrownBy(() -> Ddm.builder().minInstances(0))
        .hasMessage("minInstances must be at least 1, but was 0");
    assertThatThrownBy(() -> Ddm.builder().warningLevel(3).driftLevel(2).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("driftLevel (2.0) must not be lower than warningLevel (3.0)");
  }

  @Test
  void countersAndFreshCopy_followTheUpdates() {
    Ddm ddm = Ddm.builder().minInstances(5).build();
    Streams.bernoulliShift(ddm, 11, 2000, 4000);
    assertThat(ddm.updates()).isEqualTo(4000);
    assertThat(ddm.drifts()).isPositive();
    Ddm copy = ddm.freshCopy();
    assertThat(copy.updates()).isZero();
    assertThat(copy.toString()).startsWith("Ddm[warningLevel=2.0, driftLevel=3.0, minInstances=5,");
  }
}
