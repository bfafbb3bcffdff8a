package org.mlops4j.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Decisions: an immutable value, each copy method checking its argument at once. */
class DecisionsTest {

  @Test
  void lengthMismatch_isRejectedNamingTheArgument() {
    assertThatThrownBy(() -> Decisions.of(new int[3], new int[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("predictions must have 3 elements (as labels), but had 2");
    assertThatThrownBy(() -> Decisions.of(new int[3], new int[3]).groups("race", new String[4]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute 'race' must have 3 elements (as labels), but had 4");
    assertThatThrownBy(() -> Decisions.ofScores(new int[3], new double[2], 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scores must have 3 elements (as labels), but had 2");
    assertThatThrownBy(() -> Decisions.of(new int[3], new int[3]).weights(new double[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weights must have 3 elements (as labels), but had 1");
  }

  @Test
  void nullGroupValues_negativeWeights_andNaNScores_areRejectedAtOnce() {
    assertThatThrownBy(
            () -> Decisions.of(new int[2], new int[2]).groups("sex", new String[] {"F", null}))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("sex[1] must not be null");
    assertThatThrownBy(() -> Decisions.of(new int[2], new int[2]).weights(new double[] {1, -1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weights[1] must be non-negative and finite, but was -1.0");
    assertThatThrownBy(() -> Decisions.ofScores(new int[2], new double[] {0.5, Double.NaN}, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scores[1] must be a number, but was NaN");
    assertThatThrownBy(() -> Decisions.ofScores(new int[2], new double[2], Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threshold must be a number, but was NaN");
    assertThatThrownBy(() -> Decisions.of(new int[0], new int[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("labels must be non-empty, but was an empty array");
  }

  @Test
  void nullWeightsOrScores_areRejectedNamingTheArgument() {
    assertThatThrownBy(() -> Decisions.of(new int[2], new int[2]).weights(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("weights must not be null");
    assertThatThrownBy(() -> Decisions.of(new int[2], new int[2]).scores(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("scores must not be null");
  }

  @Test
  void attributeNames_mustBeNonBlankAndNewAndLabelValuesDistinct() {
    Decisions d = Decisions.of(new int[2], new int[2]).groups("sex", new String[] {"F", "M"});
    assertThatThrownBy(() -> d.groups("sex", new int[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute must be a name not given before, but was 'sex'");
    assertThatThrownBy(() -> d.groups(" ", new int[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute must be non-blank, but was ' '");
    assertThatThrownBy(() -> d.labelValues(1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("negativeLabel must be different from positiveLabel 1, but was 1");
  }

  @Test
  void copyMethods_returnNewDecisionsAndLeaveTheOriginalUnchanged() {
    int[] labels = {0, 1, 1};
    Decisions plain = Decisions.of(labels, new int[] {0, 1, 0});
    Decisions grouped = plain.groups("g", new String[] {"a", "a", "b"});
    Decisions weighted = grouped.weights(new double[] {1, 2, 3});
    assertThat(plain.attributes()).isEmpty();
    assertThat(grouped.attributes()).containsExactly("g");
    assertThat(grouped.weighted()).isFalse();
    assertThat(weighted.weighted()).isTrue();
    assertThat(weighted.labelValues(1, 0)).isEqualTo(weighted).isNotSameAs(weighted);
    assertThat(grouped).isNotEqualTo(weighted);
    labels[0] = 7; // the caller's array is copied
    assertThat(plain).isEqualTo(Decisions.of(new int[] {0, 1, 1}, new int[] {0, 1, 0}));
    assertThat(Decisions.ofScores(new int[] {0, 1}, new double[] {0.2, 0.7}, 0.5).threshold())
        .hasValue(0.5);
    assertThat(grouped.threshold()).isEmpty();
    assertThat(weighted.groups("h", new int[] {1, 2, 1}))
        .hasToString("Decisions[3 rows, attributes [g, h], weighted, labels 1/0]");
  }
}
