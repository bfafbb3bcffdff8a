package org.mlops4j.drift.internal;

import org.apache.datasketches.kll.KllDoublesSketch;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.Binning;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.ColumnKind;
import org.mlops4j.drift.ColumnType;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.DriftMethod;
import org.mlops4j.drift.MissingPolicy;

/**
 * The fitted reference of one numeric feature: counts, mean and standard deviation, the PSI bin
 * edges (distinct, strictly inside the reference's range: {@link Stats#psiEdges}) and counts (bins
 * {@code [e[k-1], e[k])} as {@code numpy.histogram}), whether it is binary (only 0 and 1), the
 * reason of its kind, and the sorted finite sample or a KLL sketch of it. Immutable after
 * construction (the sketch is read under its own lock).
 */
public final class NumericReference implements FeatureReference {
  /** 2^53: every integer up to it is exact in a double. */
  private static final double MAX_EXACT_INTEGER = 9007199254740992.0;

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
  final String kindReason;

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
      String kindReason,
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
    this.kindReason = kindReason;
    this.sorted = sorted;
    this.sketch = sketch;
    this.ties = sorted != null && KolmogorovSmirnovMath.hasInternalTies(sorted, sorted.length);
  }

  /**
   * Fits the reference of one numeric column. A column without a finite value is not refused: it
   * becomes an {@link UntestableReference} of kind {@link ColumnKind#EMPTY}; an identifier-like one
   * ({@code isIdentifier}), without a method override, one of kind {@link ColumnKind#IDENTIFIER}.
   *
   * @throws IllegalArgumentException if the column has missing values under {@link
   *     MissingPolicy#FAIL}, or its method override does not apply
   */
  public static FeatureReference fit(String name, double[] values, DriftDetector detector) {
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
    DriftMethod override = detector.methodFor(name).orElse(null);
    if (override != null) {
      requireNumeric(name, override);
    }
    if (n == 0) {
      return UntestableReference.empty(
          name,
          ColumnType.NUMERIC,
          override != null ? override : DriftMethod.KOLMOGOROV_SMIRNOV,
          values.length,
          missing,
          infinite);
    }
    double[] sorted = Stats.sortedPrefix(finite, n);
    long distinct = distinct(sorted, n);
    if (override == null && isIdentifier(sorted, n, distinct, detector)) {
      return UntestableReference.numericIdentifier(
          name,
          DriftMethod.KOLMOGOROV_SMIRNOV,
          values.length,
          missing,
          infinite,
          distinct,
          n,
          (long) sorted[0],
          (long) sorted[n - 1]);
    }
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
        Stats.psiEdges(sorted, n, detector.bins(), detector.binning() == Binning.QUANTILE);
    long[] counts = Stats.binCountsSorted(edges, sorted, n);
    DriftMethod method =
        override != null
            ? override
            : binary ? DriftMethod.TWO_PROPORTION_Z : DriftMethod.KOLMOGOROV_SMIRNOV;
    String reason =
        kindReason(binary, ones, n, distinct)
            + FeatureReference.overrideSuffix(override != null, method);
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
        reason,
        keep,
        sketch);
  }

  private static void requireNumeric(String name, DriftMethod method) {
    Require.argument(
        method.appliesTo(ColumnType.NUMERIC),
        "the method of column '" + name + "'",
        "one for numeric columns",
        method.key());
  }

  /**
   * The reason of a numeric column's kind, without the override part: {@code "binary: only 0 and 1
   * in the reference (<ones> ones in <n>)"} or {@code "numeric: values other than 0 and 1 in the
   * reference (<distinct> distinct)"}; distinct below 0 when unknown (a sketch read from an old
   * file) leaves the count out.
   */
  static String kindReason(boolean binary, long ones, long n, long distinct) {
    if (binary) {
      return "binary: only 0 and 1 in the reference (" + ones + " ones in " + n + ")";
    }
    return "numeric: values other than 0 and 1 in the reference"
        + (distinct >= 0 ? " (" + distinct + " distinct)" : "");
  }

  /**
   * Whether a numeric column is identifier-like: its values are all integers (of magnitude at most
   * 2^53, exact in a double), more than {@link DriftDetector#identifierMinDistinct()} of them and
   * more than {@link DriftDetector#identifierShare()} of the values distinct, over a
   * near-contiguous range ({@code max - min + 1 <= 2 * distinct}). Integer measurements with
   * repeats (ages) and distinct integers spread over a sparse range (amounts in cents) are not.
   */
  static boolean isIdentifier(double[] sorted, int n, long distinct, DriftDetector detector) {
    if (distinct <= detector.identifierMinDistinct()
        || distinct <= detector.identifierShare() * n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      double v = sorted[i];
      if (Math.abs(v) > MAX_EXACT_INTEGER || v != Math.rint(v)) {
        return false;
      }
    }
    return sorted[n - 1] - sorted[0] + 1 <= 2.0 * distinct;
  }

  /** The number of distinct values of a sorted sample. */
  static long distinct(double[] sorted, int n) {
    long d = n > 0 ? 1 : 0;
    for (int i = 1; i < n; i++) {
      if (sorted[i] != sorted[i - 1]) {
        d++;
      }
    }
    return d;
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
  public ColumnKind kind() {
    return binary ? ColumnKind.BINARY : ColumnKind.NUMERIC;
  }

  @Override
  public String kindReason() {
    return kindReason;
  }

  /**
   * @return whether the reference has only 0 and 1
   */
  public boolean binary() {
    return binary;
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
   * @return the interior PSI bin edges, distinct, strictly inside the reference's range (the array
   *     itself: do not modify); the effective number of bins is their count plus one
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
