package org.mlops4j.drift.internal;

import org.apache.datasketches.kll.KllDoublesSketch;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.Binning;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.ColumnType;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.DriftMethod;
import org.mlops4j.drift.MissingPolicy;

/**
 * The fitted reference of one numeric feature: counts, mean and standard deviation, the PSI bin
 * edges and counts, and the sorted finite sample or a KLL sketch of it. Immutable after
 * construction (the sketch is read under its own lock).
 */
public final class NumericReference implements FeatureReference {
  final String name;
  final DriftMethod method;
  final long rows;
  final long missing;
  final long infinite;
  final int count;
  final double mean;
  final double std;
  final boolean binary;
  final long ones;
  final double[] edges;
  final long[] counts;

  /** Sorted finite reference values, or null when sketched. */
  final double @Nullable [] sorted;

  /** KLL sketch of the finite values, or null. */
  final @Nullable KllDoublesSketch sketch;

  /** Whether the sorted sample has repeated values (false when sketched). */
  final boolean ties;

  NumericReference(
      String name,
      DriftMethod method,
      long rows,
      long missing,
      long infinite,
      int count,
      double mean,
      double std,
      boolean binary,
      long ones,
      double[] edges,
      long[] counts,
      double @Nullable [] sorted,
      @Nullable KllDoublesSketch sketch) {
    this.name = name;
    this.method = method;
    this.rows = rows;
    this.missing = missing;
    this.infinite = infinite;
    this.count = count;
    this.mean = mean;
    this.std = std;
    this.binary = binary;
    this.ones = ones;
    this.edges = edges;
    this.counts = counts;
    this.sorted = sorted;
    this.sketch = sketch;
    this.ties = sorted != null && KolmogorovSmirnovMath.hasInternalTies(sorted, sorted.length);
  }

  /**
   * Fits the reference of one numeric column.
   *
   * @throws IllegalArgumentException if the column has no finite value, has missing values under
   *     {@link MissingPolicy#FAIL}, or its method override does not apply
   */
  public static NumericReference fit(String name, double[] values, DriftDetector detector) {
    long missing = 0;
    long infinite = 0;
    double[] finite = new double[values.length];
    int n = 0;
    for (double v : values) {
      if (Double.isNaN(v)) {
        missing++;
      } else if (Double.isInfinite(v)) {
        infinite++;
      } else {
        finite[n++] = v;
      }
    }
    String column = "reference column '" + name + "'";
    Require.argument(
        detector.missingPolicy() != MissingPolicy.FAIL || missing + infinite == 0,
        column,
        "free of missing and infinite values (missingPolicy FAIL)",
        missing + " missing and " + infinite + " infinite of " + values.length + " rows");
    Require.argument(
        n > 0,
        column,
        "non-empty after leaving out missing and infinite values",
        values.length + " rows: " + missing + " missing, " + infinite + " infinite");
    double[] sorted = Stats.sortedPrefix(finite, n);
    boolean binary = true;
    long ones = 0;
    for (int i = 0; i < n; i++) {
      double v = sorted[i];
      if (v == 1.0) {
        ones++;
      } else if (v != 0.0) {
        binary = false;
      }
    }
    double mean = Stats.mean(sorted, n);
    double std = Stats.std(sorted, n);
    double[] edges =
        detector.binning() == Binning.QUANTILE
            ? Stats.quantileEdges(sorted, n, detector.bins())
            : Stats.equalWidthEdges(sorted[0], sorted[n - 1], detector.bins());
    long[] counts = Stats.binCountsSorted(edges, sorted, n);
    DriftMethod method =
        detector
            .methodFor(name)
            .orElse(binary ? DriftMethod.TWO_PROPORTION_Z : DriftMethod.KOLMOGOROV_SMIRNOV);
    Require.argument(
        method.appliesTo(ColumnType.NUMERIC),
        "the method of column '" + name + "'",
        "one for numeric columns",
        method.key());
    KllDoublesSketch sketch = null;
    double[] keep = sorted;
    if (n > detector.sketchAbove()) {
      Require.argument(
          method != DriftMethod.CRAMER_VON_MISES && method != DriftMethod.ANDERSON_DARLING,
          "the method of column '" + name + "'",
          "one that works on a sketch (the reference has "
              + n
              + " values, above sketchAbove "
              + detector.sketchAbove()
              + ")",
          method.key());
      sketch = KllDoublesSketch.newHeapInstance(detector.sketchK());
      sketch.update(sorted, 0, n);
      keep = null;
    }
    return new NumericReference(
        name,
        method,
        values.length,
        missing,
        infinite,
        n,
        mean,
        std,
        binary,
        ones,
        edges,
        counts,
        keep,
        sketch);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ColumnType type() {
    return ColumnType.NUMERIC;
  }

  @Override
  public DriftMethod method() {
    return method;
  }

  @Override
  public long rows() {
    return rows;
  }

  @Override
  public long missing() {
    return missing;
  }

  /**
   * @return the number of finite reference values
   */
  public int count() {
    return count;
  }

  /**
   * @return whether the reference is kept as a KLL sketch rather than a sorted sample
   */
  public boolean isSketched() {
    return sketch != null;
  }

  /**
   * @return the interior PSI bin edges (the array itself: do not modify)
   */
  public double[] edges() {
    return edges;
  }

  /**
   * @return the reference counts per PSI bin (the array itself: do not modify)
   */
  public long[] counts() {
    return counts;
  }

  @Override
  public String toString() {
    return name + ":numeric/" + method.key() + " n=" + count + (sketch != null ? " (kll)" : "");
  }
}
