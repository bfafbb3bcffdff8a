package org.mlops4j.fairness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.fairness.internal.Calibrations;

/**
 * A mergeable accumulator of calibration counts per group over {@code k} equal-width score bins:
 * per group and bin the rows, the sum of their scores and their positive labels, and per group the
 * sum of scores and the sum of squared errors {@code (s − y)²}. That is all {@link
 * GroupCalibration} needs (ECE, MCE, calibration-in-the-large, Brier score, the curve), so a
 * distributed engine (Spark's partitions, threads, files) counts apart, merges, and hands the
 * result with the {@link GroupCounts} to {@link FairnessAuditor#audit(GroupCounts,
 * CalibrationCounts)}. Memory grows with groups times bins, not rows; {@code a.merge(b)} equals the
 * counts of the concatenated rows (sums up to floating-point rounding).
 *
 * <p>Bins as {@code sklearn.calibration.calibration_curve(strategy='uniform')}: edges {@code i /
 * k}, a score s goes to bin i when {@code i/k < s <= (i+1)/k}, the first bin also holding 0 ({@link
 * #binOf(double, int)}). Quantile bins need the rows' scores and are not available here.
 *
 * <pre>{@code
 * CalibrationCounts cal = CalibrationCounts.create(10);
 * cal.add("A", true, 0.83);              // group, label, score
 * CalibrationCounts all = cal.merge(otherPartition);
 * FairnessReport report = FairnessAuditor.defaults().audit(groupCounts, all);
 * }</pre>
 *
 * <p>Not thread-safe: one instance per thread, then merge.
 *
 * @since 0.1.0
 */
public final class CalibrationCounts {
  private final int bins;
  private final Map<String, Group> groups = new HashMap<>();

  /** One group's sums: per bin rows, score sums and positives; score total and squared errors. */
  private static final class Group {
    final long[] rows;
    final double[] scores;
    final long[] positives;
    double scoreTotal;
    double squaredErrors;

    Group(int bins) {
      rows = new long[bins];
      scores = new double[bins];
      positives = new long[bins];
    }
  }

  private CalibrationCounts(int bins) {
    this.bins = bins;
  }

  /**
   * @param bins the number of equal-width score bins (the auditor's default is 10)
   * @return an empty accumulator
   * @throws IllegalArgumentException if bins is below 1
   */
  public static CalibrationCounts create(int bins) {
    Require.positive(bins, "bins");
    return new CalibrationCounts(bins);
  }

  /**
   * The bin of a score among k equal-width bins, as scikit-learn's {@code calibration_curve}
   * ({@code searchsorted(linspace(0, 1, k + 1)[1:-1], s)}): i with {@code i/k < s <= (i+1)/k}, 0
   * for s = 0.
   *
   * @param score the score, in [0, 1]
   * @param bins the number of bins
   * @return the bin, in [0, bins)
   * @throws IllegalArgumentException if the score is outside [0, 1] or bins is below 1
   */
  public static int binOf(double score, int bins) {
    Require.closedUnit(score, "score");
    Require.positive(bins, "bins");
    return Calibrations.equalWidthBin(score, bins);
  }

  /**
   * Adds one row.
   *
   * @param group the group's name
   * @param label true if the label is the positive class
   * @param score the predicted probability of the positive class, in [0, 1]
   * @return this accumulator
   * @throws NullPointerException if group is null
   * @throws IllegalArgumentException if the score is outside [0, 1]
   */
  public CalibrationCounts add(String group, boolean label, double score) {
    Require.nonNull(group, "group");
    int b = binOf(score, bins);
    Group g = group(group);
    int y = label ? 1 : 0;
    g.rows[b]++;
    g.scores[b] += score;
    g.positives[b] += y;
    g.scoreTotal += score;
    g.squaredErrors += (score - y) * (score - y);
    return this;
  }

  /**
   * Adds the sums of a bin counted elsewhere (a partition's): {@code rows} rows of the group whose
   * scores fall in the bin, with these sums.
   *
   * @param group the group's name
   * @param bin the bin, in [0, bins)
   * @param rows the rows
   * @param scoreSum the sum of their scores
   * @param positives how many have a positive label, at most rows
   * @param squaredErrorSum the sum of their {@code (score − label)²}
   * @return this accumulator
   * @throws NullPointerException if group is null
   * @throws IllegalArgumentException if bin is outside [0, bins), a count or sum is negative or not
   *     finite, or positives exceed rows
   */
  public CalibrationCounts addBin(
      String group, int bin, long rows, double scoreSum, long positives, double squaredErrorSum) {
    Require.nonNull(group, "group");
    Require.argument(bin >= 0 && bin < bins, "bin", "in [0, " + bins + ")", bin);
    Require.nonNegative(rows, "rows");
    Require.nonNegative(scoreSum, "scoreSum");
    Require.nonNegative(positives, "positives");
    Require.argument(positives <= rows, "positives", "at most rows = " + rows, positives);
    Require.nonNegative(squaredErrorSum, "squaredErrorSum");
    if (rows == 0) {
      return this;
    }
    Group g = group(group);
    g.rows[bin] += rows;
    g.scores[bin] += scoreSum;
    g.positives[bin] += positives;
    g.scoreTotal += scoreSum;
    g.squaredErrors += squaredErrorSum;
    return this;
  }

  /**
   * Returns a new accumulator holding the counts of both; neither input changes.
   *
   * @param other counts over the same number of bins
   * @return this + other
   * @throws NullPointerException if other is null
   * @throws IllegalArgumentException if the numbers of bins differ
   */
  public CalibrationCounts merge(CalibrationCounts other) {
    Require.nonNull(other, "other");
    Require.argument(other.bins == bins, "other.bins()", "this bins() = " + bins, other.bins);
    CalibrationCounts out = new CalibrationCounts(bins);
    for (CalibrationCounts src : List.of(this, other)) {
      for (Map.Entry<String, Group> e : src.groups.entrySet()) {
        Group from = e.getValue();
        Group to = out.group(e.getKey());
        for (int b = 0; b < bins; b++) {
          to.rows[b] += from.rows[b];
          to.scores[b] += from.scores[b];
          to.positives[b] += from.positives[b];
        }
        to.scoreTotal += from.scoreTotal;
        to.squaredErrors += from.squaredErrors;
      }
    }
    return out;
  }

  private Group group(String name) {
    return groups.computeIfAbsent(name, k -> new Group(bins));
  }

  /**
   * @return the number of bins
   */
  public int bins() {
    return bins;
  }

  /**
   * @return the group names, sorted
   */
  public List<String> groups() {
    List<String> names = new ArrayList<>(groups.keySet());
    Collections.sort(names);
    return List.copyOf(names);
  }

  /**
   * @param group a group's name
   * @return the group's rows, 0 for a group without one
   */
  public long rows(String group) {
    Group g = groups.get(Require.nonNull(group, "group"));
    return g == null ? 0 : Arrays.stream(g.rows).sum();
  }

  /** The calibration of one group (or of all when group is null), for the report. */
  Calibrations.Curve curve(@Nullable String group) {
    Group g;
    if (group != null) {
      g = groups.get(group);
    } else {
      g = new Group(bins);
      for (String name : groups()) {
        Group from = groups.get(name);
        for (int b = 0; b < bins; b++) {
          g.rows[b] += from.rows[b];
          g.scores[b] += from.scores[b];
          g.positives[b] += from.positives[b];
        }
        g.scoreTotal += from.scoreTotal;
        g.squaredErrors += from.squaredErrors;
      }
    }
    Require.nonNull(g, "group");
    return Calibrations.curve(
        g.rows,
        g.scores,
        g.positives,
        g.scoreTotal,
        g.squaredErrors,
        Calibrations.equalWidthEdges(bins));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof CalibrationCounts other) || other.bins != bins) {
      return false;
    }
    if (!groups.keySet().equals(other.groups.keySet())) {
      return false;
    }
    for (Map.Entry<String, Group> e : groups.entrySet()) {
      Group a = e.getValue();
      Group b = other.groups.get(e.getKey());
      if (!Arrays.equals(a.rows, b.rows)
          || !Arrays.equals(a.scores, b.scores)
          || !Arrays.equals(a.positives, b.positives)
          || Double.compare(a.scoreTotal, b.scoreTotal) != 0
          || Double.compare(a.squaredErrors, b.squaredErrors) != 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = bins;
    for (String name : groups()) {
      h = 31 * h + name.hashCode();
      h = 31 * h + Arrays.hashCode(groups.get(name).rows);
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder(String.format(Locale.ROOT, "CalibrationCounts[%d bins", bins));
    for (String name : groups()) {
      sb.append(", ").append(name).append(": n=").append(rows(name));
    }
    return sb.append(']').toString();
  }
}
