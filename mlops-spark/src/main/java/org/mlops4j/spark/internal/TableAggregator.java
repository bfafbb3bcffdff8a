package org.mlops4j.spark.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.functions;
import org.jspecify.annotations.Nullable;

/**
 * One Spark {@link Aggregator} over whole rows that fills a {@link TableState}: every column's
 * state in one pass over the table; partitions are reduced apart and merged (the state is
 * Java-serialized between the partial and the final aggregation, the sketches as their DataSketches
 * bytes).
 */
public final class TableAggregator extends Aggregator<Row, TableState, TableState> {
  @Serial private static final long serialVersionUID = 1L;

  private final boolean[] numeric;
  private final int k;
  private final int limit;
  private final double @Nullable [][] edges;
  private final boolean distinct;

  /**
   * @param numeric per column: numeric or categorical
   * @param k the KLL parameter
   * @param limit keep a numeric column's finite values while at most this many
   * @param edges per column the interior bin edges to count over, or null
   * @param distinct whether numeric columns keep an HLL sketch
   */
  public TableAggregator(
      boolean[] numeric, int k, int limit, double @Nullable [][] edges, boolean distinct) {
    this.numeric = numeric.clone();
    this.k = k;
    this.limit = limit;
    this.edges = edges;
    this.distinct = distinct;
  }

  /** Runs the aggregation over the named columns of df: one pass, one result on the driver. */
  public static TableState run(Dataset<Row> df, List<String> names, TableAggregator aggregator) {
    Column[] cols = new Column[names.size()];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = functions.col(quote(names.get(i)));
    }
    return Frames.action(() -> df.select(cols).select(aggregator.toColumn()).first());
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  @Override
  public TableState zero() {
    Serializable[] s = new Serializable[numeric.length];
    for (int i = 0; i < s.length; i++) {
      s[i] =
          numeric[i]
              ? new NumericState(k, limit, edges == null ? null : edges[i], distinct)
              : new CategoricalState();
    }
    return new TableState(s);
  }

  @Override
  public TableState reduce(TableState b, Row row) {
    for (int i = 0; i < numeric.length; i++) {
      Object v = row.isNullAt(i) ? null : row.get(i);
      if (numeric[i]) {
        NumericState s = (NumericState) b.columns[i];
        if (v == null) {
          s.addMissing();
        } else {
          s.add(((Number) v).doubleValue());
        }
      } else {
        ((CategoricalState) b.columns[i]).add(v == null ? null : v.toString());
      }
    }
    return b;
  }

  @Override
  public TableState merge(TableState a, TableState b) {
    for (int i = 0; i < numeric.length; i++) {
      if (numeric[i]) {
        ((NumericState) a.columns[i]).merge((NumericState) b.columns[i]);
      } else {
        ((CategoricalState) a.columns[i]).merge((CategoricalState) b.columns[i]);
      }
    }
    return a;
  }

  @Override
  public TableState finish(TableState reduction) {
    return reduction;
  }

  @Override
  public Encoder<TableState> bufferEncoder() {
    return Encoders.javaSerialization(TableState.class);
  }

  @Override
  public Encoder<TableState> outputEncoder() {
    return Encoders.javaSerialization(TableState.class);
  }
}
