package org.mlops4j.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.DriftBaseline;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.spark.internal.DriftComputation;
import org.mlops4j.spark.internal.Frames;

/**
 * Data drift between Spark DataFrames, into the JVM API's own types: {@link #compare(Dataset,
 * Dataset)} returns a {@link DriftReport}, {@link #fit(Dataset)} a {@link DriftBaseline} (which
 * checks a JVM batch with {@code baseline.compare(columns)}, and a DataFrame with {@link
 * #compare(DriftBaseline, Dataset)}, whether it was fitted here or in the JVM).
 *
 * <pre>{@code
 * SparkDrift drift = SparkDrift.defaults();
 * DriftReport report = drift.compare(referenceDf, currentDf);
 * DriftBaseline baseline = drift.fit(referenceDf);          // save() it, load() it in a JVM
 * DriftReport again = drift.compare(baseline, currentDf);
 * }</pre>
 *
 * <p>Each table is read in one pass: one Spark {@code Aggregator} over whole rows fills, per
 * column, a mergeable state (partitions reduced apart, then merged): for a numeric column (every
 * Spark numeric type) rows, missing (null or NaN), infinite, count, mean and variance (Chan et
 * al.'s pairwise update), minimum, maximum, the counts of 0 and of 1, a KLL quantile sketch
 * (Karnin, Lang &amp; Liberty 2016; k = {@link DriftDetector#sketchK()}, default 200: normalized
 * rank error about 1.33% with 99% confidence) and, on the current side, exact counts per reference
 * PSI bin; for a categorical column (string, boolean) the count of every label. Other column types
 * are refused, naming the columns and their types.
 *
 * <p>Exact where the data fit: a column with at most {@link #exactLimit()} finite values (default
 * 100,000) is collected by the aggregation and given to the JVM API as it is, so its statistics are
 * those of {@link DriftDetector#compare} on the same values (categorical columns always are: their
 * counts are exact; their vocabulary is in lexical order, as a cluster has no row order). Above the
 * limit a numeric column is summarized: as a reference, it becomes a sketched baseline feature (PSI
 * edges from the sketch's quantiles, bin counts from its ranks, mean and standard deviation exact);
 * as a current, KS D is computed from the sketches (within the sum of their rank errors of the
 * exact D: the feature's metric {@code ks_error_bound} and its note say how much) with the
 * asymptotic p-value, PSI from exact bin counts, Wasserstein from 1,000 quantiles. {@code
 * exactKs(true)} refuses to summarize: a column above the limit is then an {@link
 * IllegalStateException} that says to raise the limit.
 *
 * <p>Instances are immutable. Spark is a provided dependency: the application brings it.
 *
 * @since 0.1.0
 */
public final class SparkDrift {
  private static final SparkDrift DEFAULTS = new Builder().build();

  private final DriftDetector detector;
  private final int exactLimit;
  private final boolean exactKs;

  private SparkDrift(Builder b) {
    this.detector = b.detector;
    this.exactLimit = b.exactLimit;
    this.exactKs = b.exactKs;
  }

  /**
   * @return the default settings: {@link DriftDetector#defaults()}, exact limit 100,000, exactKs
   *     off
   */
  public static SparkDrift defaults() {
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
    Builder b = new Builder();
    b.detector = detector;
    b.exactLimit = exactLimit;
    b.exactKs = exactKs;
    return b;
  }

  /**
   * Compares a current DataFrame with a reference DataFrame: fits the reference ({@link
   * #fit(Dataset)}), then compares the current with it ({@link #compare(DriftBaseline, Dataset)});
   * one pass over each.
   *
   * @param reference the reference table
   * @param current the current table, with the reference's columns and types
   * @return the report, as {@link DriftDetector#compare} gives
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a table has a column of an unsupported type, no column or
   *     no row, or the tables' columns differ (each missing, unexpected or retyped column named)
   * @throws IllegalStateException if exactKs is on and a numeric column exceeds the exact limit
   */
  public DriftReport compare(Dataset<Row> reference, Dataset<Row> current) {
    Require.nonNull(reference, "reference");
    Require.nonNull(current, "current");
    Frames.requireSameColumns(
        Frames.columns(reference, "reference"), Frames.columns(current, "current"));
    return compare(fit(reference), current);
  }

  /**
   * Fits a baseline from a reference DataFrame in one pass.
   *
   * @param reference the reference table
   * @return the baseline: the JVM API's type, with {@code save}, {@code load} and {@code compare}
   * @throws NullPointerException if reference is null
   * @throws IllegalArgumentException if the table has a column of an unsupported type, no column or
   *     no row, or a missing value under {@code MissingPolicy.FAIL}
   * @throws IllegalStateException if exactKs is on and a numeric column exceeds the exact limit
   */
  public DriftBaseline fit(Dataset<Row> reference) {
    Require.nonNull(reference, "reference");
    return DriftComputation.fit(reference, detector, exactLimit, exactKs);
  }

  /**
   * Compares a current DataFrame with a baseline (fitted here or by {@link DriftDetector#fit} in a
   * JVM) in one pass; the baseline's detector decides.
   *
   * @param baseline the baseline
   * @param current the current table, with the baseline's columns and types
   * @return the report
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the table has a column of an unsupported type or no row, or
   *     its columns differ from the baseline's (each named)
   * @throws IllegalStateException if exactKs is on and a numeric column exceeds the exact limit
   */
  public DriftReport compare(DriftBaseline baseline, Dataset<Row> current) {
    Require.nonNull(baseline, "baseline");
    Require.nonNull(current, "current");
    return DriftComputation.compare(baseline, current, exactLimit, exactKs);
  }

  /**
   * @return the detector that fits and decides (its settings: alpha, correction, bins, gates...)
   */
  public DriftDetector detector() {
    return detector;
  }

  /**
   * @return the most finite values of a numeric column that are compared exactly
   */
  public int exactLimit() {
    return exactLimit;
  }

  /**
   * @return whether a numeric column above the exact limit is refused rather than summarized
   */
  public boolean exactKs() {
    return exactKs;
  }

  @Override
  public String toString() {
    return "SparkDrift[exactLimit=" + exactLimit + ", exactKs=" + exactKs + ", " + detector + "]";
  }

  /**
   * Settings of a {@link SparkDrift}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private DriftDetector detector = DriftDetector.defaults();
    private int exactLimit = 100_000;
    private boolean exactKs;

    private Builder() {}

    /**
     * @param value the detector that fits and decides (default {@link DriftDetector#defaults()})
     * @return this builder
     * @throws NullPointerException if value is null
     */
    public Builder detector(DriftDetector value) {
      this.detector = Require.nonNull(value, "detector");
      return this;
    }

    /**
     * @param values the most finite values of a numeric column, per table, that the aggregation
     *     collects to compare exactly (default 100,000: 0.8 MB per column on the driver); 0 always
     *     summarizes
     * @return this builder
     * @throws IllegalArgumentException if values is negative
     */
    public Builder exactLimit(int values) {
      this.exactLimit = Require.nonNegative(values, "exactLimit");
      return this;
    }

    /**
     * @param exact whether a numeric column above the exact limit is refused (an {@link
     *     IllegalStateException}) rather than compared from sketches (default false)
     * @return this builder
     */
    public Builder exactKs(boolean exact) {
      this.exactKs = exact;
      return this;
    }

    /**
     * @return the settings
     */
    public SparkDrift build() {
      return new SparkDrift(this);
    }
  }
}
