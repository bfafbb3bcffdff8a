package org.mlops4j.spark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mlops4j.api.internal.Require;
import org.mlops4j.spark.internal.Frames;
import org.mlops4j.spark.internal.ProfileState;
import org.mlops4j.spark.internal.TableAggregator;
import org.mlops4j.spark.internal.TableState;

/**
 * Profiles a DataFrame in one aggregation pass: per column the mergeable state of a {@link
 * TableProfile} (counts, mean and variance, range, a KLL quantile sketch of parameter {@link
 * #sketchK()} (default 200: rank error about 1.33%, 99% confidence) and an HLL distinct-count
 * sketch for numeric columns; label counts for string and boolean columns). Other column types are
 * refused, naming them.
 *
 * <pre>{@code
 * TableProfile profile = SparkProfiler.defaults().profile(df);
 * System.out.println(profile);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SparkProfiler {
  private static final SparkProfiler DEFAULTS = new SparkProfiler(200);

  private final int sketchK;

  private SparkProfiler(int sketchK) {
    this.sketchK = sketchK;
  }

  /**
   * @return the profiler with KLL k = 200
   */
  public static SparkProfiler defaults() {
    return DEFAULTS;
  }

  /**
   * @return a builder with the default settings
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Profiles a table.
   *
   * @param table the DataFrame
   * @return the profile
   * @throws NullPointerException if table is null
   * @throws IllegalArgumentException if a column has an unsupported type, or there is no column
   */
  public TableProfile profile(Dataset<Row> table) {
    LinkedHashMap<String, Boolean> cols = Frames.columns(table, "table");
    List<String> names = new ArrayList<>(cols.keySet());
    boolean[] numeric = new boolean[names.size()];
    for (int i = 0; i < numeric.length; i++) {
      numeric[i] = cols.get(names.get(i));
    }
    TableState s =
        TableAggregator.run(table, names, new TableAggregator(numeric, sketchK, 0, null, true));
    return new TableProfile(names, ProfileState.columns(s), Instant.now());
  }

  /**
   * @return the KLL parameter k
   */
  public int sketchK() {
    return sketchK;
  }

  @Override
  public String toString() {
    return "SparkProfiler[sketchK=" + sketchK + "]";
  }

  /**
   * Settings of a {@link SparkProfiler}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private int sketchK = 200;

    private Builder() {}

    /**
     * @param k the KLL parameter, in [8, 65535] (default 200; larger is more precise and larger)
     * @return this builder
     * @throws IllegalArgumentException if k is outside [8, 65535]
     */
    public Builder sketchK(int k) {
      Require.argument(k >= 8 && k <= 65535, "sketchK", "in [8, 65535]", k);
      this.sketchK = k;
      return this;
    }

    /**
     * @return the profiler
     */
    public SparkProfiler build() {
      return new SparkProfiler(sketchK);
    }
  }
}
