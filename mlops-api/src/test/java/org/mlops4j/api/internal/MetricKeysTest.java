package org.mlops4j.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The metric keys of docs/CONVENTIONS.md "Metric keys"; expected values by hand from the rules. */
class MetricKeysTest {

  @Test
  void key_joinsSanitisedSegmentsWithDots() {
    assertThat(MetricKeys.key("drift", "age (years)", "ks")).isEqualTo("drift.age__years_.ks");
    assertThat(MetricKeys.key("drift", "dataset", "drifted_share"))
        .isEqualTo("drift.dataset.drifted_share");
    assertThat(MetricKeys.key("fairness", "group", "A", "tpr")).isEqualTo("fairness.group.A.tpr");
    assertThat(MetricKeys.key("fairness", "group", "Black/African-American", "fpr"))
        .isEqualTo("fairness.group.Black_African-American.fpr");
    assertThat(MetricKeys.key("pipeline", "train.v2", "seconds"))
        .isEqualTo("pipeline.train_v2.seconds");
    assertThat(MetricKeys.key("only")).isEqualTo("only");
  }

  @Test
  void segment_keepsLettersDigitsUnderscoreAndDashOnly() {
    assertThat(MetricKeys.segment("income_2024-Q1")).isEqualTo("income_2024-Q1");
    assertThat(MetricKeys.segment("a.b c/d")).isEqualTo("a_b_c_d");
    assertThat(MetricKeys.segment("température")).isEqualTo("temp_rature");
    assertThat(MetricKeys.segment("100%")).isEqualTo("100_");
    assertThat(MetricKeys.segment("")).isEqualTo("_");
  }

  @Test
  void snake_turnsCamelAndScreamingCaseIntoLowerSnakeCase() {
    assertThat(MetricKeys.snake("equalizedOddsDifference")).isEqualTo("equalized_odds_difference");
    assertThat(MetricKeys.snake("demographicParityRatio")).isEqualTo("demographic_parity_ratio");
    assertThat(MetricKeys.snake("flipRate")).isEqualTo("flip_rate");
    assertThat(MetricKeys.snake("FOUR_FIFTHS")).isEqualTo("four_fifths");
    assertThat(MetricKeys.snake("KOLMOGOROV_SMIRNOV")).isEqualTo("kolmogorov_smirnov");
    assertThat(MetricKeys.snake("tpr")).isEqualTo("tpr");
    assertThat(MetricKeys.snake("")).isEmpty();
  }

  @Test
  void badArguments_areRefusedNamingThem() {
    assertThatThrownBy(() -> MetricKeys.key())
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("segments must be non-empty, but was an empty array");
    assertThatThrownBy(() -> MetricKeys.key((String[]) null))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("segments must not be null");
    assertThatThrownBy(() -> MetricKeys.key("drift", null, "ks"))
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage("segments[1] must not be null");
    assertThatThrownBy(() -> MetricKeys.segment(null)).hasMessage("name must not be null");
    assertThatThrownBy(() -> MetricKeys.snake(null)).hasMessage("identifier must not be null");
  }

  @Property
  void everyKeyFromAnyNames_isAValidMlflowKeyWithOneSegmentPerName(
      @ForAll @StringLength(max = 60) String feature,
      @ForAll @StringLength(max = 60) String measure) {
    String key = MetricKeys.key("drift", feature, measure);
    assertThat(Names.validateKey("metric key", key)).isEqualTo(key);
    assertThat(key.split("\\.", -1)).hasSize(3);
  }
}
