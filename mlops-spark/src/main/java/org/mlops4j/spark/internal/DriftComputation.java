package org.mlops4j.spark.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.CategoryCounts;
import org.mlops4j.drift.ColumnSummaries;
import org.mlops4j.drift.ColumnType;
import org.mlops4j.drift.DriftBaseline;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.NumericSummary;

/**
 * Fits a {@link DriftBaseline} from one aggregation over a reference DataFrame and compares a
 * current DataFrame with a baseline from one aggregation over it, through the drift module's public
 * {@link ColumnSummaries}: a numeric column whose finite values number at most the exact limit is
 * handed over as its values (the same fit and evaluation as the JVM API, so the same numbers), a
 * larger one as a {@link NumericSummary} (KLL sketch, exact counts, exact bin counts over the
 * baseline's edges on the current side); a categorical column as its label counts, in lexical
 * order.
 */
public final class DriftComputation {
  private DriftComputation() {}

  /** Fits a baseline. */
  public static DriftBaseline fit(
      Dataset<Row> reference, DriftDetector detector, int limit, boolean exactKs) {
    LinkedHashMap<String, Boolean> cols = Frames.columns(reference, "reference");
    List<String> names = new ArrayList<>(cols.keySet());
    boolean[] numeric = numericFlags(cols);
    TableState state =
        TableAggregator.run(
            reference, names, new TableAggregator(numeric, detector.sketchK(), limit, null, false));
    requireRows(state, "reference");
    return detector.fit(summaries(state, names, numeric, null, limit, exactKs, "reference"));
  }

  /** Compares a current DataFrame with a baseline. */
  public static DriftReport compare(
      DriftBaseline baseline, Dataset<Row> current, int limit, boolean exactKs) {
    DriftDetector detector = baseline.detector();
    LinkedHashMap<String, Boolean> expected = new LinkedHashMap<>();
    for (String name : baseline.features()) {
      expected.put(name, baseline.type(name) == ColumnType.NUMERIC);
    }
    LinkedHashMap<String, Boolean> cols = Frames.columns(current, "current");
    Frames.requireSameColumns(expected, cols);
    List<String> names = new ArrayList<>(expected.keySet());
    boolean[] numeric = numericFlags(expected);
    double[][] edges = new double[names.size()][];
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (numeric[i] && baseline.kind(name).testable()) {
        edges[i] = baseline.histogram(name).edges();
      }
    }
    TableState state =
        TableAggregator.run(
            current, names, new TableAggregator(numeric, detector.sketchK(), limit, edges, false));
    requireRows(state, "current");
    return baseline.compare(summaries(state, names, numeric, edges, limit, exactKs, "current"));
  }

  /** The columns of an aggregated table: values or summaries, label counts. */
  static ColumnSummaries summaries(
      TableState state,
      List<String> names,
      boolean[] numeric,
      double @Nullable [][] edges,
      int limit,
      boolean exactKs,
      String side) {
    ColumnSummaries.Builder b = ColumnSummaries.builder();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (numeric[i]) {
        NumericState s = (NumericState) state.column(i);
        double[] values = s.rowValues();
        if (values != null) {
          b.numeric(name, values);
        } else {
          requireExact(exactKs, name, s.count(), limit, side);
          NumericSummary summary =
              NumericSummary.of(
                  s.sketch().toByteArray(),
                  s.missing(),
                  s.infinite(),
                  s.zeros(),
                  s.ones(),
                  s.count() == 0 ? 0.0 : s.mean(),
                  s.count() == 0 ? 0.0 : s.std());
          double[] e = edges == null ? null : edges[i];
          long[] bins = s.bins();
          b.numeric(name, e != null && bins != null ? summary.withBins(e, bins) : summary);
        }
      } else {
        CategoricalState s = (CategoricalState) state.column(i);
        CategoryCounts counts = CategoryCounts.create();
        for (String label : s.labels()) {
          counts.add(label, s.count(label));
        }
        counts.add(null, s.missing());
        b.categorical(name, counts);
      }
    }
    return b.build();
  }

  private static void requireExact(
      boolean exactKs, String name, long count, int limit, String side) {
    Require.state(
        !exactKs,
        "exact KS was asked for, but the "
            + side
            + " column '"
            + name
            + "' has "
            + count
            + " values, more than the exact limit "
            + limit
            + ": raise exactLimit (the values are collected on the driver) or turn exactKs off");
  }

  private static void requireRows(TableState state, String what) {
    long rows =
        state.column(0) instanceof NumericState n
            ? n.rows()
            : ((CategoricalState) state.column(0)).rows();
    Require.argument(rows > 0, what, "a DataFrame with at least one row", "empty");
  }

  static boolean[] numericFlags(Map<String, Boolean> cols) {
    boolean[] b = new boolean[cols.size()];
    int i = 0;
    for (boolean x : cols.values()) {
      b[i++] = x;
    }
    return b;
  }
}
