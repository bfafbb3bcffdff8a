package org.mlops4j.spark.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.functions;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.fairness.CalibrationCounts;

/**
 * One aggregation over (label, prediction, [score], attributes...) rows: the confusion counts (TN,
 * FP, FN, TP) per group name; with a score, per group name and equal-width calibration bin ({@link
 * CalibrationCounts#binOf}) the rows, the sum of scores, the positives and the sum of squared
 * errors; and every row while there are at most {@code limit} of them.
 */
public final class FairnessAggregator
    extends Aggregator<Row, FairnessAggregator.State, FairnessAggregator.State> {
  @Serial private static final long serialVersionUID = 1L;

  private final List<String> attributes;
  private final boolean scored;
  private final int limit;
  private final int bins;

  /** The mergeable state. */
  public static final class State implements Serializable {
    @Serial private static final long serialVersionUID = 1L;

    /** Per group name: TN, FP, FN, TP. */
    public final HashMap<String, long[]> cells = new HashMap<>();

    /**
     * Per group name, with a score and bins: per bin the rows, then per bin the score sums, then
     * per bin the positives, then per bin the squared errors (4 x bins doubles; counts are exact
     * below 2^53).
     */
    public final HashMap<String, double[]> calibration = new HashMap<>();

    long rows;
    long invalid;
    @Nullable String invalidName;
    @Nullable String invalidValue;
    int @Nullable [] labels;
    int @Nullable [] predictions;
    double @Nullable [] scores;
    String @Nullable [][] values;
    int size;

    /**
     * @return the rows seen
     */
    public long rows() {
      return rows;
    }

    /**
     * Throws for the first invalid value the pass met (the check runs on the driver: an exception
     * thrown in a task would reach the caller as Spark's job failure).
     *
     * @throws IllegalArgumentException naming the column, the value and how many rows were invalid
     */
    public void requireValid() {
      if (invalid > 0) {
        throw new IllegalArgumentException(
            Require.mustBe(
                Require.nonNull(invalidName, "name"),
                invalidName.equals("score")
                    ? "a number in [0, 1] in every row"
                    : "0, 1, true or false in every row",
                invalidValue + " (" + invalid + " invalid rows)"));
      }
    }

    /**
     * @return whether every row was kept
     */
    public boolean kept() {
      return labels != null;
    }

    /**
     * @return the kept labels (a copy)
     */
    public int[] labels() {
      return Arrays.copyOf(Require.nonNull(labels, "labels"), size);
    }

    /**
     * @return the kept predictions (a copy)
     */
    public int[] predictions() {
      return Arrays.copyOf(Require.nonNull(predictions, "predictions"), size);
    }

    /**
     * @return the kept scores (a copy), or null without a score column
     */
    public double @Nullable [] scores() {
      return scores == null ? null : Arrays.copyOf(scores, size);
    }

    /**
     * @return the kept values of attribute a (a copy)
     */
    public String[] values(int a) {
      return Arrays.copyOf(Require.nonNull(values, "values")[a], size);
    }
  }

  /**
   * @param attributes the attribute columns' names, in order
   * @param scored whether the third column is a score
   * @param limit keep every row while there are at most this many
   * @param bins the equal-width calibration bins to count per group (0: none)
   */
  public FairnessAggregator(List<String> attributes, boolean scored, int limit, int bins) {
    this.attributes = List.copyOf(attributes);
    this.scored = scored;
    this.limit = limit;
    this.bins = scored ? bins : 0;
  }

  /**
   * @return the calibration counts of the state (empty without a score column or bins)
   */
  public CalibrationCounts calibration(State s) {
    CalibrationCounts out = CalibrationCounts.create(Math.max(1, bins));
    for (Map.Entry<String, double[]> e : s.calibration.entrySet()) {
      double[] c = e.getValue();
      for (int b = 0; b < bins; b++) {
        out.addBin(
            e.getKey(), b, (long) c[b], c[bins + b], (long) c[2 * bins + b], c[3 * bins + b]);
      }
    }
    return out;
  }

  /** Runs the aggregation: one pass. */
  public static State run(Dataset<Row> df, List<String> columns, FairnessAggregator aggregator) {
    List<Column> cols = new ArrayList<>();
    for (String c : columns) {
      cols.add(functions.col("`" + c.replace("`", "``") + "`"));
    }
    Column[] selected = cols.toArray(new Column[0]);
    return Frames.action(() -> df.select(selected).select(aggregator.toColumn()).first());
  }

  @Override
  public State zero() {
    State s = new State();
    if (limit > 0) {
      int cap = Math.min(limit, 1024);
      s.labels = new int[cap];
      s.predictions = new int[cap];
      s.scores = scored ? new double[cap] : null;
      s.values = new String[attributes.size()][cap];
    }
    return s;
  }

  @Override
  public State reduce(State s, Row row) {
    int y = binary(s, row, 0, "label");
    int p = binary(s, row, 1, "prediction");
    int first = scored ? 3 : 2;
    double score = Double.NaN;
    if (scored) {
      score = row.isNullAt(2) ? Double.NaN : ((Number) row.get(2)).doubleValue();
      if (!(score >= 0 && score <= 1)) {
        invalid(s, "score", row.isNullAt(2) ? "null" : String.valueOf(score));
      }
    }
    if (y < 0 || p < 0) {
      return s;
    }
    String[] vals = new String[attributes.size()];
    for (int a = 0; a < vals.length; a++) {
      vals[a] = row.isNullAt(first + a) ? "null" : row.get(first + a).toString();
    }
    String group = groupName(vals);
    s.cells.computeIfAbsent(group, k -> new long[4])[2 * y + p]++;
    if (bins > 0 && score >= 0 && score <= 1) {
      double[] c = s.calibration.computeIfAbsent(group, k -> new double[4 * bins]);
      int b = CalibrationCounts.binOf(score, bins);
      c[b]++;
      c[bins + b] += score;
      c[2 * bins + b] += y;
      c[3 * bins + b] += (score - y) * (score - y);
    }
    s.rows++;
    if (s.labels != null) {
      if (s.size == limit) {
        drop(s);
      } else {
        ensure(s, s.size + 1);
        s.labels[s.size] = y;
        s.predictions[s.size] = p;
        if (s.scores != null) {
          s.scores[s.size] = score;
        }
        for (int a = 0; a < vals.length; a++) {
          s.values[a][s.size] = vals[a];
        }
        s.size++;
      }
    }
    return s;
  }

  private String groupName(String[] vals) {
    if (vals.length == 1) {
      return vals[0];
    }
    StringBuilder sb = new StringBuilder();
    for (int a = 0; a < vals.length; a++) {
      if (a > 0) {
        sb.append('|');
      }
      sb.append(attributes.get(a)).append('=').append(vals[a]);
    }
    return sb.toString();
  }

  /** 0 or 1, or -1 (counted as invalid) for null or another value. */
  private static int binary(State s, Row row, int i, String name) {
    if (row.isNullAt(i)) {
      invalid(s, name, "null");
      return -1;
    }
    Object v = row.get(i);
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    double d = v instanceof Number n ? n.doubleValue() : Double.NaN;
    if (d != 0 && d != 1) {
      invalid(s, name, "'" + v + "'");
      return -1;
    }
    return (int) d;
  }

  private static void invalid(State s, String name, String value) {
    if (s.invalid++ == 0) {
      s.invalidName = name;
      s.invalidValue = value;
    }
  }

  private static void drop(State s) {
    s.labels = null;
    s.predictions = null;
    s.scores = null;
    s.values = null;
    s.size = 0;
  }

  private static void ensure(State s, int n) {
    if (n <= s.labels.length) {
      return;
    }
    int cap = Math.max(n, 2 * s.labels.length);
    s.labels = Arrays.copyOf(s.labels, cap);
    s.predictions = Arrays.copyOf(s.predictions, cap);
    if (s.scores != null) {
      s.scores = Arrays.copyOf(s.scores, cap);
    }
    for (int a = 0; a < s.values.length; a++) {
      s.values[a] = Arrays.copyOf(s.values[a], cap);
    }
  }

  @Override
  public State merge(State a, State b) {
    for (Map.Entry<String, long[]> e : b.cells.entrySet()) {
      long[] c = a.cells.computeIfAbsent(e.getKey(), k -> new long[4]);
      for (int i = 0; i < 4; i++) {
        c[i] += e.getValue()[i];
      }
    }
    for (Map.Entry<String, double[]> e : b.calibration.entrySet()) {
      double[] c = a.calibration.computeIfAbsent(e.getKey(), k -> new double[4 * bins]);
      for (int i = 0; i < c.length; i++) {
        c[i] += e.getValue()[i];
      }
    }
    a.rows += b.rows;
    if (a.invalid == 0 && b.invalid > 0) {
      a.invalidName = b.invalidName;
      a.invalidValue = b.invalidValue;
    }
    a.invalid += b.invalid;
    if (a.labels == null || b.labels == null || a.size + b.size > limit) {
      drop(a);
    } else {
      ensure(a, a.size + b.size);
      System.arraycopy(b.labels, 0, a.labels, a.size, b.size);
      System.arraycopy(b.predictions, 0, a.predictions, a.size, b.size);
      if (a.scores != null && b.scores != null) {
        System.arraycopy(b.scores, 0, a.scores, a.size, b.size);
      }
      for (int i = 0; i < a.values.length; i++) {
        System.arraycopy(b.values[i], 0, a.values[i], a.size, b.size);
      }
      a.size += b.size;
    }
    return a;
  }

  @Override
  public State finish(State reduction) {
    return reduction;
  }

  @Override
  public Encoder<State> bufferEncoder() {
    return Encoders.javaSerialization(State.class);
  }

  @Override
  public Encoder<State> outputEncoder() {
    return Encoders.javaSerialization(State.class);
  }
}
