package org.mlops4j.drift;

import org.apache.datasketches.kll.KllDoublesSketch;
import org.mlops4j.drift.internal.Stats;

/** Fitted reference of one numeric feature. Immutable after construction. */
final class NumericRef {
  final String name;
  final DriftTest test;
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
  final double[] sorted;
  /** KLL sketch of the finite values, or null. */
  final KllDoublesSketch sketch;
  /** Whether the sorted sample has repeated values (false when sketched). */
  final boolean ties;

  NumericRef(String name, DriftTest test, long rows, long missing, long infinite, int count,
      double mean, double std, boolean binary, long ones, double[] edges, long[] counts,
      double[] sorted, KllDoublesSketch sketch) {
    this.name = name;
    this.test = test;
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
    this.ties = sorted != null && org.mlops4j.drift.internal.Ks.hasInternalTies(sorted, sorted.length);
  }

  static NumericRef fit(String name, double[] values, DriftConfig config) {
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
    if (config.missingPolicy() == MissingPolicy.FAIL && missing + infinite > 0) {
      throw new IllegalArgumentException("column '" + name + "': reference has " + missing
          + " missing and " + infinite + " infinite values (missingPolicy FAIL)");
    }
    if (n == 0) {
      throw new IllegalArgumentException("column '" + name + "': reference has no finite values ("
          + values.length + " rows, " + missing + " missing, " + infinite + " infinite)");
    }
    double[] sorted = Stats.sortedPrefix(finite, n);
    double mean = 0;
    boolean binary = true;
    long ones = 0;
    for (int i = 0; i < n; i++) {
      double v = sorted[i];
      mean += v;
      if (v == 1.0) {
        ones++;
      } else if (v != 0.0) {
        binary = false;
      }
    }
    mean /= n;
    double std = Stats.std(sorted, n);
    double[] edges = config.binning() == Binning.QUANTILE
        ? Stats.quantileEdges(sorted, n, config.bins())
        : Stats.equalWidthEdges(sorted[0], sorted[n - 1], config.bins());
    long[] counts = Stats.binCountsSorted(edges, sorted, n);
    DriftTest test = config.testFor(name).orElse(binary ? DriftTest.Z_PROPORTION : DriftTest.KS);
    if (!test.appliesTo(ColumnType.NUMERIC)) {
      throw new IllegalArgumentException(
          "column '" + name + "': test " + test.key() + " does not apply to a numeric column");
    }
    KllDoublesSketch sketch = null;
    double[] keep = sorted;
    if (n > config.sketchAbove()) {
      if (test == DriftTest.CRAMER_VON_MISES || test == DriftTest.ANDERSON_DARLING) {
        throw new IllegalArgumentException("column '" + name + "': test " + test.key()
            + " needs the sorted sample"
            + " but the reference has " + n + " values > sketchAbove " + config.sketchAbove());
      }
      sketch = KllDoublesSketch.newHeapInstance(config.sketchK());
      sketch.update(sorted, 0, n);
      keep = null;
    }
    return new NumericRef(name, test, values.length, missing, infinite, n, mean, std, binary, ones,
        edges, counts, keep, sketch);
  }
}
