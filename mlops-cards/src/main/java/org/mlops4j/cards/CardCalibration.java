package org.mlops4j.cards;

import java.util.List;
import java.util.Locale;
import org.mlops4j.api.internal.Require;

/**
 * The calibration of one group of the evaluation data, from a fairness report: its expected
 * calibration error, Brier score and reliability curve (per score bin: mean score, fraction of
 * positive labels, rows).
 *
 * @param group the group, {@code ""} for all rows
 * @param size the group's rows
 * @param flag why it needs care ({@code n=32 < 100, too small to judge}: a group too small to
 *     judge), or {@code ""}
 * @param ece the expected calibration error
 * @param brier the Brier score
 * @param meanScores each bin's mean score
 * @param fractionPositives each bin's fraction of positive labels
 * @param counts each bin's rows
 * @since 0.1.0
 */
public record CardCalibration(
    String group,
    long size,
    String flag,
    double ece,
    double brier,
    List<Double> meanScores,
    List<Double> fractionPositives,
    List<Long> counts) {

  /**
   * Copies the lists.
   *
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if the bin lists differ in length
   */
  public CardCalibration {
    Require.nonNull(group, "group");
    Require.nonNull(flag, "flag");
    meanScores = List.copyOf(Require.nonNull(meanScores, "meanScores"));
    fractionPositives = List.copyOf(Require.nonNull(fractionPositives, "fractionPositives"));
    counts = List.copyOf(Require.nonNull(counts, "counts"));
    Require.sameLength(
        fractionPositives.size(), "fractionPositives", meanScores.size(), "meanScores");
    Require.sameLength(counts.size(), "counts", meanScores.size(), "meanScores");
  }

  /**
   * @return true if the flag marks a group too small to judge (it contains {@link
   *     QuantitativeResult#TOO_SMALL})
   */
  public boolean tooSmall() {
    return flag.contains(QuantitativeResult.TOO_SMALL);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s (%s): ECE=%.4f Brier=%.4f, %d bins",
        group.isEmpty() ? "all rows" : group,
        flag.startsWith("n=") ? flag : "n=" + size + (flag.isEmpty() ? "" : ", " + flag),
        ece,
        brier,
        meanScores.size());
  }
}
