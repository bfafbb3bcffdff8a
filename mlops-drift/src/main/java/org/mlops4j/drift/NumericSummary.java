package org.mlops4j.drift;

import java.util.Arrays;
import java.util.Locale;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;

/**
 * A numeric column reduced to mergeable state, for a column too large to hold in one JVM: what a
 * distributed engine (Spark, Flink, a user's own partitions) computes per partition and merges,
 * handed to {@link ColumnSummaries.Builder#numeric(String, NumericSummary)} to fit a {@link
 * DriftBaseline} or to compare with one. It holds the missing (NaN or null) and infinite counts,
 * the counts of 0 and of 1 (a column of only 0 and 1 is {@link ColumnKind#BINARY}), the mean and
 * the population standard deviation (ddof = 0) of the finite values, a KLL quantile sketch of them
 * (Karnin, Lang &amp; Liberty 2016, as serialized by Apache DataSketches' {@code
 * KllDoublesSketch.toByteArray()}: its count, minimum and maximum are exact) and, on the current
 * side, optionally the exact counts per bin over a baseline's PSI edges ({@link #withBins}).
 *
 * <pre>{@code
 * KllDoublesSketch sketch = ...;   // partitions' sketches merged
 * NumericSummary income = NumericSummary.of(sketch.toByteArray(), missing, 0, zeros, ones, mean, std)
 *     .withBins(baseline.histogram("income").edges(), countsPerBin);
 * }</pre>
 *
 * <p>As a reference, a summary becomes a sketched baseline feature: PSI edges from the sketch's
 * quantiles ({@link org.mlops4j.api.Binning#QUANTILE}) or from the exact minimum and maximum
 * ({@link org.mlops4j.api.Binning#EQUAL_WIDTH}), bin counts from the sketch's ranks (exact while
 * the sketch holds every value, else within its rank error). As a current, KS D comes from the
 * sketches, within the sum of their normalized rank errors (99% confidence; 0 for a side held
 * exactly) of the exact D, with the asymptotic p-value; PSI from the exact bin counts when given
 * (else from the sketch's ranks); Wasserstein-1 on a grid of 1,000 quantile levels. Cramér–von
 * Mises and Anderson–Darling need both samples and are refused for a summarized reference and
 * reported as not tested for a summarized current. Immutable.
 *
 * @since 0.1.0
 */
public final class NumericSummary {
  private final KllDoublesSketch sketch;
  private final long missing;
  private final long infinite;
  private final long zeros;
  private final long ones;
  private final double mean;
  private final double std;
  private final double @Nullable [] edges;
  private final long @Nullable [] bins;

  private NumericSummary(
      KllDoublesSketch sketch,
      long missing,
      long infinite,
      long zeros,
      long ones,
      double mean,
      double std,
      double @Nullable [] edges,
      long @Nullable [] bins) {
    this.sketch = sketch;
    this.missing = missing;
    this.infinite = infinite;
    this.zeros = zeros;
    this.ones = ones;
    this.mean = mean;
    this.std = std;
    this.edges = edges;
    this.bins = bins;
  }

  /**
   * A summary from its parts.
   *
   * @param kllSketch a KLL doubles sketch of the finite values, serialized by DataSketches ({@code
   *     KllDoublesSketch.toByteArray()}); copied. An empty sketch is a column without a finite
   *     value
   * @param missing the missing values (NaN or null)
   * @param infinite the infinite values (not in the sketch)
   * @param zeros the finite values equal to 0
   * @param ones the finite values equal to 1
   * @param mean the mean of the finite values (any finite value when there is none)
   * @param std the population standard deviation (ddof = 0) of the finite values
   * @return the summary
   * @throws NullPointerException if kllSketch is null
   * @throws IllegalArgumentException if kllSketch is not a serialized KLL doubles sketch, a count
   *     is negative, zeros + ones exceed the sketch's count, mean is not finite, or std is negative
   *     or not finite
   */
  public static NumericSummary of(
      byte[] kllSketch,
      long missing,
      long infinite,
      long zeros,
      long ones,
      double mean,
      double std) {
    Require.nonNull(kllSketch, "kllSketch");
    KllDoublesSketch s;
    try {
      s = KllDoublesSketch.heapify(Memory.wrap(kllSketch.clone()));
    } catch (RuntimeException e) { // DataSketches' exceptions, bounds errors of a short array
      throw new IllegalArgumentException(
          Require.mustBe(
              "kllSketch",
              "a KLL doubles sketch serialized by DataSketches",
              kllSketch.length + " bytes (" + e.getMessage() + ")"),
          e);
    }
    Require.nonNegative(missing, "missing");
    Require.nonNegative(infinite, "infinite");
    Require.nonNegative(zeros, "zeros");
    Require.nonNegative(ones, "ones");
    Require.argument(
        zeros + ones <= s.getN(),
        "zeros + ones",
        "at most the sketch's count " + s.getN(),
        zeros + ones);
    Require.finite(mean, "mean");
    Require.nonNegative(std, "std");
    return new NumericSummary(s, missing, infinite, zeros, ones, mean, std, null, null);
  }

  /**
   * A copy with the exact counts of the finite values per bin over interior edges (bins {@code
   * [e[k-1], e[k])} closed on the left, open outer bins, as {@link HistogramCounts}): with a
   * baseline's edges ({@code baseline.histogram(feature).edges()}) PSI is exact rather than from
   * the sketch's ranks.
   *
   * @param binEdges the interior edges, non-decreasing and finite; copied
   * @param counts one count per bin ({@code binEdges.length + 1}), summing to {@link #count()};
   *     copied
   * @return the copy
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the edges are not finite or decrease, the lengths do not
   *     match, a count is negative or the counts do not sum to the sketch's count
   */
  public NumericSummary withBins(double[] binEdges, long[] counts) {
    HistogramCounts.over(binEdges); // validates the edges
    Require.nonNull(counts, "counts");
    Require.argument(
        counts.length == binEdges.length + 1,
        "counts.length",
        "binEdges.length + 1 = " + (binEdges.length + 1),
        counts.length);
    long total = 0;
    for (int i = 0; i < counts.length; i++) {
      Require.nonNegative(counts[i], "counts[" + i + "]");
      total += counts[i];
    }
    Require.argument(total == count(), "the sum of counts", "the sketch's count " + count(), total);
    return new NumericSummary(
        sketch, missing, infinite, zeros, ones, mean, std, binEdges.clone(), counts.clone());
  }

  /**
   * @return the rows: finite, missing and infinite values
   */
  public long rows() {
    return count() + missing + infinite;
  }

  /**
   * @return the finite values (the sketch's count)
   */
  public long count() {
    return sketch.getN();
  }

  /**
   * @return the missing values (NaN or null)
   */
  public long missing() {
    return missing;
  }

  /**
   * @return the infinite values
   */
  public long infinite() {
    return infinite;
  }

  /**
   * @return the finite values equal to 0
   */
  public long zeros() {
    return zeros;
  }

  /**
   * @return the finite values equal to 1
   */
  public long ones() {
    return ones;
  }

  /**
   * @return the mean of the finite values
   */
  public double mean() {
    return mean;
  }

  /**
   * @return the population standard deviation of the finite values (ddof = 0)
   */
  public double std() {
    return std;
  }

  /**
   * @return the smallest finite value (exact), NaN without one
   */
  public double min() {
    return sketch.isEmpty() ? Double.NaN : sketch.getMinItem();
  }

  /**
   * @return the largest finite value (exact), NaN without one
   */
  public double max() {
    return sketch.isEmpty() ? Double.NaN : sketch.getMaxItem();
  }

  /**
   * @return whether the sketch still holds every value (exact ranks)
   */
  public boolean isExact() {
    return !sketch.isEstimationMode();
  }

  /**
   * @return the sketch's normalized rank error at 99% confidence, 0 while it holds every value
   *     (about 0.0133 at k = 200)
   */
  public double rankError() {
    return isExact() ? 0.0 : sketch.getNormalizedRankError(false);
  }

  /**
   * @return the serialized sketch (a copy)
   */
  public byte[] kllSketch() {
    return sketch.toByteArray();
  }

  /**
   * @return whether exact bin counts were given ({@link #withBins})
   */
  public boolean hasBins() {
    return bins != null;
  }

  /**
   * @return the interior edges of the exact bin counts (a copy), empty without them
   */
  public double[] binEdges() {
    return edges == null ? new double[0] : edges.clone();
  }

  /**
   * @return the exact counts per bin (a copy), empty without them
   */
  public long[] binCounts() {
    return bins == null ? new long[0] : bins.clone();
  }

  /** The sketch itself, for the evaluation in this package: do not modify. */
  KllDoublesSketch sketch() {
    return sketch;
  }

  double @Nullable [] edgesView() {
    return edges;
  }

  long @Nullable [] binsView() {
    return bins;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "NumericSummary[n=%d, missing=%d, infinite=%d, min=%s, max=%s, mean=%.6g, std=%.6g,"
            + " kll k=%d%s%s]",
        count(),
        missing,
        infinite,
        min(),
        max(),
        mean,
        std,
        sketch.getK(),
        isExact() ? " exact" : String.format(Locale.ROOT, " rank error %.4f", rankError()),
        bins == null ? "" : ", bins=" + Arrays.toString(bins));
  }
}
