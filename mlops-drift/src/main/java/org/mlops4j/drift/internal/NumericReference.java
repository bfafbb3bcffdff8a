package org.mlops4j.drift.internal;

import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.Binning;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.ColumnKind;
import org.mlops4j.drift.ColumnType;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.DriftMethod;
import org.mlops4j.drift.FeatureDrift;
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

  /** Whether the values are instants, seconds since 1970-01-01T00:00Z ({@link ColumnKind#TIME}). */
  final boolean time;

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
    this(
        name,
        method,
        rows,
        missing,
        infinite,
        count,
        mean,
        std,
        binary,
        ones,
        edges,
        counts,
        kindReason,
        sorted,
        sketch,
        false);
  }

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
      @Nullable KllDoublesSketch sketch,
      boolean time) {
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
    this.time = time;
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
    return fit(name, values, detector, false);
  }

  /**
   * Fits the reference of one numeric or time column as {@link #fit(String, double[],
   * DriftDetector)} does; a time column ({@code time}: seconds since 1970-01-01T00:00Z) is of kind
   * {@link ColumnKind#TIME}: never binary, identifier-like or discrete, its PSI bins fitted as a
   * numeric column's.
   */
  public static FeatureReference fit(
      String name, double[] values, DriftDetector detector, boolean time) {
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
    if (!time && override == null && isIdentifier(sorted, n, distinct, detector)) {
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
    boolean binary = !time;
    long ones = 0;
    for (int i = 0; i < n && !time; i++) {
      double v = sorted[i];
      if (v == 1.0) {
        ones++;
      } else if (v != 0.0) {
        binary = false;
      }
    }
    double mean = Stats.mean(sorted, n);
    double std = Stats.std(sorted, n);
    double[] edges = edges(sorted, n, detector, time);
    long[] counts = Stats.binCountsSorted(edges, sorted, n);
    DriftMethod method =
        override != null
            ? override
            : binary ? DriftMethod.TWO_PROPORTION_Z : DriftMethod.KOLMOGOROV_SMIRNOV;
    String reason =
        (time
                ? timeReason(sorted, n, distinct)
                : kindReason(binary, ones, n, distinct, isDiscrete(sorted, n)))
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
        sketch,
        time);
  }

  /**
   * Fits the reference of one numeric column from a summary of its finite values (a KLL sketch,
   * exact count, minimum and maximum from the sketch) and its exact counts: kept as a sketched
   * reference. The PSI edges are the sketch's quantiles at {@code k / bins} ({@link
   * Binning#QUANTILE}) or equal-width between the exact minimum and maximum, kept strictly inside
   * the range ({@link Stats#interiorEdges}); the bin counts come from the sketch's exclusive ranks
   * (exact while it holds every value). Neither discrete nor identifier-like columns are detected
   * (the distinct values are unknown): binary is, from the exact counts of 0 and 1. A column
   * without a finite value becomes an {@link UntestableReference} of kind {@link ColumnKind#EMPTY}.
   *
   * @throws IllegalArgumentException if the column has missing or infinite values under {@link
   *     MissingPolicy#FAIL}, its method override does not apply or needs both samples (Cramér–von
   *     Mises, Anderson–Darling), or it has more than 2^31 - 1 finite values
   */
  public static FeatureReference fitSketch(
      String name,
      KllDoublesSketch sketch,
      long missing,
      long infinite,
      long zeros,
      long ones,
      double mean,
      double std,
      DriftDetector detector) {
    long n = sketch.getN();
    long rows = n + missing + infinite;
    Require.argument(
        detector.missingPolicy() != MissingPolicy.FAIL || missing + infinite == 0,
        "reference column '" + name + "'",
        "free of missing and infinite values (missingPolicy FAIL)",
        missing + " missing and " + infinite + " infinite of " + rows + " rows");
    DriftMethod override = detector.methodFor(name).orElse(null);
    if (override != null) {
      requireNumeric(name, override);
    }
    if (n == 0) {
      return UntestableReference.empty(
          name,
          ColumnType.NUMERIC,
          override != null ? override : DriftMethod.KOLMOGOROV_SMIRNOV,
          rows,
          missing,
          infinite);
    }
    Require.argument(
        n <= Integer.MAX_VALUE,
        "the finite values of column '" + name + "'",
        "at most " + Integer.MAX_VALUE,
        n);
    boolean binary = zeros + ones == n;
    DriftMethod method =
        override != null
            ? override
            : binary ? DriftMethod.TWO_PROPORTION_Z : DriftMethod.KOLMOGOROV_SMIRNOV;
    Require.argument(
        method != DriftMethod.CRAMER_VON_MISES && method != DriftMethod.ANDERSON_DARLING,
        "the method of column '" + name + "'",
        "one that works on a sketch (the reference is summarized, " + n + " values)",
        method.key());
    double min = sketch.getMinItem();
    double max = sketch.getMaxItem();
    int bins = detector.bins();
    double[] raw;
    if (detector.binning() == Binning.QUANTILE) {
      double[] ranks = new double[bins - 1];
      for (int k = 1; k < bins; k++) {
        ranks[k - 1] = (double) k / bins;
      }
      raw = sketch.getQuantiles(ranks, QuantileSearchCriteria.INCLUSIVE);
    } else {
      raw = Stats.equalWidthEdges(min, max, bins);
    }
    double[] edges = Stats.interiorEdges(raw, min, max);
    long[] counts = BaselineJson.sketchCounts(sketch, edges, n);
    String reason =
        kindReason(binary, ones, n, -1) + FeatureReference.overrideSuffix(override != null, method);
    KllDoublesSketch copy = KllDoublesSketch.heapify(Memory.wrap(sketch.toByteArray()));
    return new NumericReference(
        name, method, rows, missing, infinite, (int) n, mean, std, binary, ones, edges, counts,
        reason, null, copy, false);
  }

  /**
   * The PSI bin edges of a sorted reference sample: for a discrete column (not a time, at most
   * {@link FeatureDrift#MAX_DISCRETE_VALUES} distinct values, all whole numbers of magnitude at
   * most 2^53, at most half as many as the values: {@link #isDiscrete}) one bin per value, the
   * edges being the values but the smallest (bins {@code [v_k, v_k+1)}, as {@code numpy.histogram}
   * with those edges), so that PSI compares the share of each value, whatever the binning;
   * otherwise {@link Stats#psiEdges} with the detector's bins and binning.
   */
  static double[] edges(double[] sorted, int n, DriftDetector detector, boolean time) {
    if (!time && isDiscrete(sorted, n)) {
      double[] values = new double[FeatureDrift.MAX_DISCRETE_VALUES];
      int k = 0;
      for (int i = 1; i < n; i++) {
        if (sorted[i] != sorted[i - 1]) {
          values[k++] = sorted[i];
        }
      }
      return java.util.Arrays.copyOf(values, k);
    }
    return Stats.psiEdges(sorted, n, detector.bins(), detector.binning() == Binning.QUANTILE);
  }

  /**
   * Whether a sorted sample is discrete: at most {@link FeatureDrift#MAX_DISCRETE_VALUES} distinct
   * values, every one a whole number of magnitude at most 2^53, each seen twice on average (at most
   * n / 2 distinct: ten distinct incomes in ten rows are no discrete column).
   */
  static boolean isDiscrete(double[] sorted, int n) {
    if (n == 0) {
      return false;
    }
    int d = 0;
    for (int i = 0; i < n; i++) {
      double v = sorted[i];
      if (Math.abs(v) > MAX_EXACT_INTEGER || v != Math.rint(v)) {
        return false;
      }
      if (i == 0 || v != sorted[i - 1]) {
        if (++d > FeatureDrift.MAX_DISCRETE_VALUES) {
          return false;
        }
      }
    }
    return 2L * d <= n;
  }

  /**
   * The reason of a time column's kind: {@code "time: instants from 2013-01-01 to 2013-12-31
   * (<distinct> distinct), compared as seconds since 1970-01-01T00:00Z"}.
   */
  static String timeReason(double[] sorted, int n, long distinct) {
    return "time: instants from "
        + Texts.instant(sorted[0])
        + " to "
        + Texts.instant(sorted[n - 1])
        + " ("
        + distinct
        + " distinct), compared as seconds since 1970-01-01T00:00Z";
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
   * As {@link #kindReason(boolean, long, long, long)}, saying when the column is discrete: {@code
   * "numeric: 7 whole-number values in the reference (discrete: PSI by value)"}.
   */
  static String kindReason(boolean binary, long ones, long n, long distinct, boolean discrete) {
    if (!binary && discrete && distinct > 1) {
      return "numeric: "
          + distinct
          + " whole-number values in the reference (discrete: PSI by value)";
    }
    return kindReason(binary, ones, n, distinct);
  }

  /**
   * Whether a numeric column is identifier-like: its values are all integers (of magnitude at most
   * 2^53, exact in a double), more than {@link DriftDetector#identifierMinDistinct()} of them and
   * more than {@link DriftDetector#identifierShare()} of the values distinct, over a range at most
   * {@link DriftDetector#IDENTIFIER_RANGE} times their number ({@code max - min + 1 <= 10 *
   * distinct}). Integer measurements with repeats (ages) and distinct integers spread over a sparse
   * range (amounts in cents) are not.
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
    return sorted[n - 1] - sorted[0] + 1 <= (double) DriftDetector.IDENTIFIER_RANGE * distinct;
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
    return time ? ColumnKind.TIME : binary ? ColumnKind.BINARY : ColumnKind.NUMERIC;
  }

  /**
   * @return whether the values are instants, seconds since 1970-01-01T00:00Z
   */
  public boolean time() {
    return time;
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
