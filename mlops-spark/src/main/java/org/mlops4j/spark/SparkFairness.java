package org.mlops4j.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mlops4j.api.Binning;
import org.mlops4j.api.internal.Require;
import org.mlops4j.fairness.CalibrationCounts;
import org.mlops4j.fairness.Decisions;
import org.mlops4j.fairness.FairnessAuditor;
import org.mlops4j.fairness.FairnessReport;
import org.mlops4j.fairness.GroupCounts;
import org.mlops4j.spark.internal.FairnessAggregator;

/**
 * Group fairness of a binary classifier's decisions held in a Spark DataFrame, into the JVM API's
 * {@link FairnessReport}: per group (or intersection of attributes) the confusion counts, rates
 * with Wilson intervals, the criteria and disparities with bootstrap intervals, the four-fifths
 * rule, from one aggregation pass.
 *
 * <pre>{@code
 * FairnessReport report = SparkFairness.defaults()
 *     .audit(df, SparkDecisions.of("label", "prediction").groups("sex").score("p"));
 * }</pre>
 *
 * <p>The pass counts TN, FP, FN and TP per group name (a mergeable {@link GroupCounts}, exact), and
 * keeps the rows while there are at most {@link #exactLimit()} (default 100,000). When it kept
 * them, the report is {@link FairnessAuditor#audit(Decisions)} of those rows, calibration per group
 * included when a score column is given: the same report as in one JVM. Above the limit it is
 * {@link FairnessAuditor#audit(GroupCounts, CalibrationCounts)} of the counts and, with a score
 * column, of the calibration counts the same pass kept per group and equal-width bin (rows, score
 * sums, positives, squared errors): the same groups, rates, intervals, criteria and calibration
 * (curves, ECE, MCE, calibration-in-the-large, Brier, up to the order of floating-point sums), the
 * calibration disparities without a bootstrap interval (it resamples rows). Quantile calibration
 * bins need the rows: above the limit such an auditor's report has no calibration.
 *
 * @since 0.1.0
 */
public final class SparkFairness {
  private static final SparkFairness DEFAULTS = new Builder().build();

  private final FairnessAuditor auditor;
  private final int exactLimit;

  private SparkFairness(Builder b) {
    this.auditor = b.auditor;
    this.exactLimit = b.exactLimit;
  }

  /**
   * @return {@link FairnessAuditor#defaults()} with an exact limit of 100,000 rows
   */
  public static SparkFairness defaults() {
    return DEFAULTS;
  }

  /**
   * @return a builder with the default settings
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return a builder that starts from these settings
   */
  public Builder toBuilder() {
    return new Builder().auditor(auditor).exactLimit(exactLimit);
  }

  /**
   * Audits the decisions in a DataFrame.
   *
   * @param decisions the table
   * @param columns which of its columns hold the labels, decisions, scores and attributes
   * @return the report
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a named column is absent (named), a label or decision is
   *     not 0/1/boolean, a score is not in [0, 1] (null counts as invalid), the table is empty, or
   *     the auditor's reference group is not a group
   * @throws IllegalStateException if no attribute column is given
   */
  public FairnessReport audit(Dataset<Row> decisions, SparkDecisions columns) {
    Require.nonNull(decisions, "decisions");
    Require.nonNull(columns, "columns");
    Require.state(
        !columns.groups().isEmpty(),
        "no group attribute given: call groups(columns...) on the SparkDecisions");
    List<String> names = new ArrayList<>();
    names.add(columns.label());
    names.add(columns.prediction());
    columns.score().ifPresent(names::add);
    names.addAll(columns.groups());
    List<String> present = List.of(decisions.columns());
    List<String> absent = names.stream().filter(n -> !present.contains(n)).toList();
    Require.argument(
        absent.isEmpty(), "decisions", "a DataFrame with the named columns", "without " + absent);
    boolean calibrated =
        columns.score().isPresent()
            && auditor.calibration()
            && auditor.binning() == Binning.EQUAL_WIDTH;
    FairnessAggregator aggregator =
        new FairnessAggregator(
            columns.groups(),
            columns.score().isPresent(),
            exactLimit,
            calibrated ? auditor.calibrationBins() : 0);
    FairnessAggregator.State s = FairnessAggregator.run(decisions, names, aggregator);
    Require.argument(s.rows() > 0, "decisions", "a DataFrame with at least one row", "empty");
    s.requireValid();
    if (s.kept()) {
      Decisions d = Decisions.of(s.labels(), s.predictions());
      double[] scores = s.scores();
      if (scores != null) {
        d = d.scores(scores);
      }
      for (int a = 0; a < columns.groups().size(); a++) {
        d = d.groups(columns.groups().get(a), s.values(a));
      }
      return auditor.audit(d);
    }
    GroupCounts counts = counts(s.cells);
    return calibrated ? auditor.audit(counts, aggregator.calibration(s)) : auditor.audit(counts);
  }

  /** The counts in group-name order (TN, FP, FN, TP per group). */
  static GroupCounts counts(Map<String, long[]> cells) {
    GroupCounts counts = GroupCounts.create();
    List<String> groups = new ArrayList<>(cells.keySet());
    groups.sort(null);
    for (String g : groups) {
      long[] c = cells.get(g);
      for (int cell = 0; cell < 4; cell++) {
        counts.addRows(g, cell >= 2, cell % 2 == 1, c[cell]);
      }
    }
    return counts;
  }

  /**
   * @return the auditor that computes the report
   */
  public FairnessAuditor auditor() {
    return auditor;
  }

  /**
   * @return the most rows audited as the JVM API audits them, calibration included
   */
  public int exactLimit() {
    return exactLimit;
  }

  @Override
  public String toString() {
    return "SparkFairness[exactLimit=" + exactLimit + ", " + auditor + "]";
  }

  /**
   * Settings of a {@link SparkFairness}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private FairnessAuditor auditor = FairnessAuditor.defaults();
    private int exactLimit = 100_000;

    private Builder() {}

    /**
     * @param value the auditor (reference group, interval level, bootstrap, calibration bins);
     *     default {@link FairnessAuditor#defaults()}
     * @return this builder
     * @throws NullPointerException if value is null
     */
    public Builder auditor(FairnessAuditor value) {
      this.auditor = Require.nonNull(value, "auditor");
      return this;
    }

    /**
     * @param rows the most rows kept to audit as the JVM API does (default 100,000); 0 always
     *     audits the counts
     * @return this builder
     * @throws IllegalArgumentException if rows is negative
     */
    public Builder exactLimit(int rows) {
      this.exactLimit = Require.nonNegative(rows, "exactLimit");
      return this;
    }

    /**
     * @return the settings
     */
    public SparkFairness build() {
      return new SparkFairness(this);
    }
  }
}
