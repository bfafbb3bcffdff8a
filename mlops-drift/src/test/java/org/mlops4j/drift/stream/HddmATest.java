package org.mlops4j.drift.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HddmATest {

  @Test
  void seededShift_warnsAndDriftsAtTheSameUpdatesAsMoa() {
    // expected: MOA 2024.07.0 HDDM_A_Test (defaults: drift 0.001, warning 0.005, one-sided) on
    // the same stream: warning zone only at 2020, change detected at 2021
    HddmA h = HddmA.defaults();
    SplittableRandom r = new SplittableRandom(7);
    List<Integer> warnings = new ArrayList<>();
    List<Integer> drifts = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      DriftState s = h.update(Streams.bernoulli(r, i >= 2000 ? 0.4 : 0.1));
      if (s == DriftState.WARNING) {
        warnings.add(i);
      } else if (s == DriftState.DRIFT) {
        drifts.add(i);
      }
    }
    assertThat(warnings).containsExactly(2020);
    assertThat(drifts).containsExactly(2021);
  }

  @Test
  void handComputedBound_decidesTheFirstDrift() {
    // 100 zeros then ones. By hand: the cut point stays at n_min = 100 (mean 0), and after k ones
    // the A-test drifts when k/(100+k) >= sqrt((1/100 - 1/(100+k))/2 * ln(2/0.001)).
    // (the cut point cannot move: 0 + eps(100) < k/(100+k) + eps(100+k) for k >= 1).
    // python3: k = 3: 0.0291 < 0.0333; k = 4: 0.0385 >= 0.0382 -> drift at index 103
    HddmA h = HddmA.defaults();
    int drift = -1;
    for (int i = 0; i < 200 && drift < 0; i++) {
      if (h.update(i < 100 ? 0 : 1) == DriftState.DRIFT) {
        drift = i;
      }
    }
    assertThat(drift).isEqualTo(103);
  }

  @Test
  void errorRateShift_isDetectedWithin160UpdatesOnFiftySeeds() {
    // measured over seeds 1000..1049: median delay 62, maximum 127
    assertThat(Streams.maxBernoulliDelay(HddmA::defaults, 50)).isLessThan(160);
  }

  @Test
  void stationaryStreams_raiseNoMoreFalseAlarmsThanTheDriftConfidenceAllows() {
    // Hoeffding's bound makes each A-test a level-0.001 test; over 100,000 tests the expected
    // count of false drifts is at most 100 per stream. Measured (seeds 1..5): 0 each.
    for (int seed = 1; seed <= 5; seed++) {
      assertThat(Streams.stationaryDrifts(HddmA.defaults(), seed, 100_000, false)).isZero();
    }
  }

  @Test
  void twoSided_alsoDetectsADecrease() {
    HddmA one = HddmA.defaults();
    HddmA two = HddmA.builder().twoSided(true).build();
    for (int i = 0; i < 400; i++) {
      double x = i < 200 ? 1 : 0;
      one.update(x);
      two.update(x);
    }
    assertThat(one.drifts()).isZero();
    assertThat(two.drifts()).isEqualTo(1);
  }

  @Test
  void badParametersAndValues_areRejectedWithTheirName() {
    assertThatThrownBy(() -> HddmA.defaults().update(1.5))
        .hasMessage("value must be in [0, 1], but was 1.5");
    assertThatThrownBy(() -> HddmA.builder().driftConfidence(0))
        .hasMessage("driftConfidence must be in (0, 1), but was 0.0");
    assertThatThrownBy(() -> HddmA.builder().driftConfidence(0.01).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("warningConfidence (0.005) must not be lower than driftConfidence (0.01)");
  }
}
