package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckTest {

  @Test
  void aShiftOfAFifthOfTheRange_isDrift() {
    // Uniform(0,1) against Uniform(0.2,1.2): KS statistic 0.2 in the limit, far beyond chance at 2,000 rows.
    assertThat(Check.drift().datasetDrift()).isTrue();
  }

  @Test
  void groupBNeverSelected_givesATruePositiveRateGapOfOne() {
    // By construction: group A's TPR is 1 (predictions equal labels), group B's is 0 (never selected).
    assertThat(Check.fairness().equalizedOddsDifference().value()).isEqualTo(1.0);
  }
}
