package org.mlops4j.slices.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mlops4j.api.Binning;
import org.mlops4j.api.internal.SortedSearch;
import org.mlops4j.report.internal.Numbers;

/**
 * A feature ready to count: dense codes {@code 0..eligible-1} for its values that can make a slice
 * (at least minSupport rows, at least 2 rows outside), and the code {@code eligible} for every
 * other row. Internal.
 *
 * @param name the feature's name
 * @param codes the code of each row
 * @param conditions the condition of each eligible code, {@code feature=value}
 * @param description how the feature was encoded, for the report
 */
record EncodedFeature(String name, int[] codes, List<String> conditions, String description) {

  /** The number of codes, the sentinel included. */
  int cardinality() {
    return conditions.size() + 1;
  }

  /**
   * Encodes a column, or returns a note saying why it cannot make a slice.
   *
   * @return an {@code EncodedFeature}, or a {@code String} (the note)
   */
  static Object encode(FeatureColumn column, int n, SearchSettings s) {
    if (column.numeric()) {
      return numeric(column.name(), column.numbers(), n, s);
    }
    int[] codes = column.codes();
    List<String> values = column.values();
    if (values.size() == 1) {
      return single(column.name(), values.get(0));
    }
    List<String> conditions = new ArrayList<>();
    for (String v : values) {
      conditions.add(column.name() + "=" + v);
    }
    return restrict(
        column.name(), codes, conditions, n, s, "categorical, " + values.size() + " values");
  }

  private static String single(String name, String value) {
    return "feature '" + name + "' has a single value ('" + value + "'): no slice to examine";
  }

  private static Object numeric(String name, double[] x, int n, SearchSettings s) {
    double[] finite = Arrays.stream(x).filter(v -> !Double.isNaN(v)).sorted().toArray();
    boolean missing = finite.length < n;
    int distinct = 0;
    for (int i = 0; i < finite.length; i++) {
      if (i == 0 || finite[i] != finite[i - 1]) {
        distinct++;
      }
    }
    if (distinct + (missing ? 1 : 0) == 1) {
      return single(name, distinct == 0 ? "missing" : Numbers.format(finite[0]));
    }
    int[] codes = new int[n];
    List<String> conditions = new ArrayList<>();
    String description;
    if (distinct <= s.bins()) {
      double[] levels = new double[distinct];
      int k = 0;
      for (int i = 0; i < finite.length; i++) {
        if (i == 0 || finite[i] != finite[i - 1]) {
          levels[k++] = finite[i];
        }
      }
      for (double v : levels) {
        conditions.add(name + "=" + Numbers.format(v));
      }
      for (int i = 0; i < n; i++) {
        codes[i] = Double.isNaN(x[i]) ? distinct : Arrays.binarySearch(levels, x[i]);
      }
      description = "numeric, " + distinct + " distinct values, one slice each";
    } else {
      double[] edges = edges(finite, s.bins(), s.binning());
      if (edges.length == 0) {
        // every quantile fell on the minimum (one value fills most rows): that value against the
        // rest, cut at the next value up
        int above = 0;
        while (finite[above] == finite[0]) {
          above++;
        }
        edges = new double[] {finite[above]};
      }
      conditions.add(name + "<" + Numbers.format(edges[0]));
      for (int j = 0; j + 1 < edges.length; j++) {
        conditions.add(
            name + "=[" + Numbers.format(edges[j]) + ", " + Numbers.format(edges[j + 1]) + ")");
      }
      conditions.add(name + ">=" + Numbers.format(edges[edges.length - 1]));
      for (int i = 0; i < n; i++) {
        codes[i] = Double.isNaN(x[i]) ? edges.length + 1 : SortedSearch.countAtOrBelow(edges, x[i]);
      }
      StringBuilder e = new StringBuilder();
      for (double v : edges) {
        e.append(e.length() == 0 ? "" : ", ").append(Numbers.format(v));
      }
      description =
          "numeric, "
              + (edges.length + 1)
              + " "
              + (s.binning() == Binning.QUANTILE ? "quantile" : "equal-width")
              + " bins, edges "
              + e;
    }
    if (missing) {
      conditions.add(name + "=missing");
      description += "; " + (n - finite.length) + " missing";
    }
    return restrict(name, codes, conditions, n, s, description);
  }

  /**
   * Inner bin edges, strictly increasing, above the minimum and at most the maximum: quantiles at
   * j/bins with linear interpolation (numpy's default), or equal widths over the range.
   */
  static double[] edges(double[] sorted, int bins, Binning binning) {
    int m = sorted.length;
    double min = sorted[0];
    double max = sorted[m - 1];
    double[] raw = new double[bins - 1];
    for (int j = 1; j < bins; j++) {
      double q = (double) j / bins;
      if (binning == Binning.QUANTILE) {
        double pos = q * (m - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, m - 1);
        raw[j - 1] = sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
      } else {
        raw[j - 1] = min + q * (max - min);
      }
    }
    return Arrays.stream(raw).filter(e -> e > min && e <= max).distinct().sorted().toArray();
  }

  /** Keeps the values that can make a slice; every other row gets the sentinel code. */
  private static Object restrict(
      String name, int[] codes, List<String> conditions, int n, SearchSettings s, String what) {
    int k = conditions.size();
    int[] support = new int[k];
    for (int c : codes) {
      support[c]++;
    }
    int[] map = new int[k];
    List<String> kept = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      if (support[c] >= s.minSupport() && n - support[c] >= 2) {
        map[c] = kept.size();
        kept.add(conditions.get(c));
      } else {
        map[c] = -1;
      }
    }
    if (kept.isEmpty()) {
      return "feature '"
          + name
          + "' ("
          + what
          + ") has no value with at least "
          + s.minSupport()
          + " rows that leaves 2 rows outside it: no slice to examine";
    }
    if (kept.size() > s.maxValues()) {
      return "feature '"
          + name
          + "' ("
          + what
          + ") has "
          + kept.size()
          + " values with at least "
          + s.minSupport()
          + " rows, more than maxValues "
          + s.maxValues()
          + ": skipped (group or bin its values first)";
    }
    int sentinel = kept.size();
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int c = map[codes[i]];
      out[i] = c < 0 ? sentinel : c;
    }
    return new EncodedFeature(name, out, List.copyOf(kept), name + ": " + what);
  }
}
