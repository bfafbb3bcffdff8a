package org.mlops4j.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.TDistribution;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.explain.internal.ModelCalls;
import org.mlops4j.explain.internal.Parallel;

/**
 * Permutation importance (Breiman 2001, "Random Forests", Machine Learning 45; as scikit-learn's
 * {@code sklearn.inspection.permutation_importance}): for each feature (or group of features
 * permuted together), the drop of a score when its column is shuffled, repeated with different
 * shuffles.
 *
 * <p>For a metric where higher is better, the importance of repeat r is {@code baseline −
 * score(labels, f(X with the column permuted))}; where lower is better (an error), {@code score −
 * baseline}; so a feature the model relies on has a positive importance either way (scikit-learn
 * negates error metrics the same way). Reported per feature: the mean over repeats, the standard
 * deviation with divisor R (numpy's {@code std}, as scikit-learn's {@code importances_std}), and a
 * Student t interval for the mean, {@code mean ± t(1 − (1 − level)/2, R − 1) · s / √R} with s the
 * standard deviation with divisor R − 1 (undefined when R = 1).
 *
 * <p>The permutation of a feature in repeat r is a Fisher–Yates shuffle driven by a {@link
 * SplittableRandom} seeded from (seed, feature name, r) and is given by {@link #permutation(int,
 * String, int)}: it does not depend on threads, on the other features or on their order. Features
 * are scored in parallel on at most {@code threads} threads, in batches of {@code batchSize} rows.
 *
 * <pre>{@code
 * PermutationImportance engine = PermutationImportance.builder()
 *     .metric(ScoreMetric.meanSquaredError())
 *     .repeats(10)
 *     .group("location", "lat", "lon")      // permuted together
 *     .build();
 * ImportanceReport report = engine.explain(model, data, labels);
 * }</pre>
 *
 * Defaults: metric {@link ScoreMetric#r2()}, 5 repeats, seed 0, level 0.95, threads = available
 * processors, batch size 1024, no groups.
 *
 * @since 0.1.0
 */
public final class PermutationImportance {
  private final ScoreMetric metric;
  private final int repeats;
  private final long seed;
  private final double level;
  private final int threads;
  private final int batchSize;
  private final Map<String, List<String>> groups;

  private PermutationImportance(Builder b) {
    this.metric = b.metric;
    this.repeats = b.repeats;
    this.seed = b.seed;
    this.level = b.level;
    this.threads = b.threads;
    this.batchSize = b.batchSize;
    this.groups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.groups));
  }

  /**
   * @return the engine with the defaults
   */
  public static PermutationImportance defaults() {
    return builder().build();
  }

  /**
   * @return a builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return a builder that starts from this configuration
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.metric = metric;
    b.repeats = repeats;
    b.seed = seed;
    b.level = level;
    b.threads = threads;
    b.batchSize = batchSize;
    b.groups.putAll(groups);
    return b;
  }

  /**
   * The permutation applied to a feature's (or group's) column in a repeat: the permuted column's
   * row i takes the value of row {@code permutation[i]}.
   *
   * @param rows the number of rows
   * @param name the feature's or group's name
   * @param repeat the repeat, from 0
   * @return the permutation of 0..rows-1
   * @throws IllegalArgumentException if rows or repeat is negative
   */
  public int[] permutation(int rows, String name, int repeat) {
    Require.nonNegative(rows, "rows");
    Require.nonNull(name, "name");
    Require.nonNegative(repeat, "repeat");
    long s = seed * 0x9E3779B97F4A7C15L + name.hashCode() * 0xC2B2AE3D27D4EB4FL + repeat;
    SplittableRandom random = new SplittableRandom(s);
    int[] p = new int[rows];
    for (int i = 0; i < rows; i++) {
      p[i] = i;
    }
    for (int i = rows - 1; i > 0; i--) {
      int k = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[k];
      p[k] = t;
    }
    return p;
  }

  /**
   * Computes the permutation importance of every feature (and group) of the data.
   *
   * @param model the model
   * @param data the rows to score, with their features
   * @param labels the true value of each row
   * @return the importances, most important first
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if labels has another length than the data's rows, a label is
   *     not finite, a group names an unknown feature, or a prediction is not finite (naming the
   *     row)
   * @throws org.mlops4j.api.MlopsException if the model throws (naming the row)
   */
  public ImportanceReport explain(PredictFunction model, FeatureMatrix data, double[] labels) {
    Require.nonNull(model, "model");
    Require.nonNull(data, "data");
    Require.finite(labels, "labels");
    Require.sameLength(labels.length, "labels", data.rows(), "data's rows");
    double[][] x = data.data();
    int n = x.length;
    List<String> unitNames = new ArrayList<>();
    List<int[]> unitColumns = new ArrayList<>();
    Set<String> grouped = new HashSet<>();
    for (Map.Entry<String, List<String>> g : groups.entrySet()) {
      int[] cols = new int[g.getValue().size()];
      for (int k = 0; k < cols.length; k++) {
        cols[k] = data.indexOf(g.getValue().get(k));
        grouped.add(g.getValue().get(k));
      }
      unitNames.add(g.getKey());
      unitColumns.add(cols);
    }
    for (int j = 0; j < data.width(); j++) {
      String name = data.names().get(j);
      if (!grouped.contains(name)) {
        Require.argument(
            !groups.containsKey(name), "group", "named unlike a feature", "'" + name + "'");
        unitNames.add(name);
        unitColumns.add(new int[] {j});
      }
    }
    double baseline = metric.score(labels, score(model, x, null, null, "data"));
    int units = unitNames.size();
    double[][] scores = new double[units][repeats];
    Parallel.forEach(
        units * repeats,
        threads,
        task -> {
          int u = task / repeats;
          int r = task % repeats;
          int[] perm = permutation(n, unitNames.get(u), r);
          String what = "data with '" + unitNames.get(u) + "' permuted (repeat " + r + ")";
          scores[u][r] = metric.score(labels, score(model, x, unitColumns.get(u), perm, what));
        });
    double t =
        repeats > 1
            ? TDistribution.of(repeats - 1).inverseCumulativeProbability(1 - (1 - level) / 2)
            : Double.NaN;
    List<FeatureImportance> out = new ArrayList<>();
    for (int u = 0; u < units; u++) {
      double[] imp = new double[repeats];
      for (int r = 0; r < repeats; r++) {
        imp[r] = metric.higherIsBetter() ? baseline - scores[u][r] : scores[u][r] - baseline;
      }
      double mean = Arrays.stream(imp).sum() / repeats;
      double ss = 0;
      for (double v : imp) {
        ss += (v - mean) * (v - mean);
      }
      double std = Math.sqrt(ss / repeats);
      double half =
          repeats > 1 ? t * Math.sqrt(ss / (repeats - 1)) / Math.sqrt(repeats) : Double.NaN;
      List<String> features = new ArrayList<>();
      for (int c : unitColumns.get(u)) {
        features.add(data.names().get(c));
      }
      out.add(
          new FeatureImportance(
              unitNames.get(u), features, mean, std, mean - half, mean + half, imp));
    }
    out.sort(Comparator.comparingDouble(FeatureImportance::mean).reversed());
    return new ImportanceReport(
        metric.name(), metric.higherIsBetter(), baseline, n, repeats, seed, level, out);
  }

  /**
   * Scores every row, with the columns cols taken from row perm[i] (none when cols is null). The
   * permuted rows are copied into one reused buffer per call, so the model must not keep them.
   */
  private double[] score(
      PredictFunction model,
      double[][] x,
      int @Nullable [] cols,
      int @Nullable [] perm,
      String what) {
    int n = x.length;
    double[] out = new double[n];
    double[][] buffer = null;
    for (int start = 0; start < n; start += batchSize) {
      int len = Math.min(batchSize, n - start);
      double[][] batch;
      if (cols == null || perm == null) {
        batch = java.util.Arrays.copyOfRange(x, start, start + len);
      } else {
        if (buffer == null || buffer.length != len) {
          buffer = new double[len][x[0].length];
        }
        batch = buffer;
        for (int k = 0; k < len; k++) {
          int i = start + k;
          System.arraycopy(x[i], 0, batch[k], 0, x[i].length);
          for (int c : cols) {
            batch[k][c] = x[perm[i]][c];
          }
        }
      }
      int s = start;
      double[] p = ModelCalls.predict(model, batch, k -> "row " + (s + k) + " of " + what);
      System.arraycopy(p, 0, out, start, len);
    }
    return out;
  }

  @Override
  public String toString() {
    return "PermutationImportance(metric "
        + metric.name()
        + ", repeats "
        + repeats
        + ", seed "
        + seed
        + ", level "
        + level
        + ", threads "
        + threads
        + (groups.isEmpty() ? "" : ", groups " + groups)
        + ")";
  }

  /**
   * Builds a {@link PermutationImportance}; every setter checks its argument at once.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private ScoreMetric metric = ScoreMetric.r2();
    private int repeats = 5;
    private long seed;
    private double level = 0.95;
    private int threads = Runtime.getRuntime().availableProcessors();
    private int batchSize = 1024;
    private final Map<String, List<String>> groups = new LinkedHashMap<>();

    private Builder() {}

    /**
     * @param metric the score (default {@link ScoreMetric#r2()})
     * @return this builder
     */
    public Builder metric(ScoreMetric metric) {
      this.metric = Require.nonNull(metric, "metric");
      return this;
    }

    /**
     * @param repeats the number of shuffles per feature, at least 1 (default 5, as scikit-learn's
     *     {@code n_repeats}); the interval needs at least 2
     * @return this builder
     */
    public Builder repeats(int repeats) {
      this.repeats = Require.positive(repeats, "repeats");
      return this;
    }

    /**
     * @param seed the seed of the shuffles (default 0)
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @param level the confidence level of the interval, in (0, 1) (default 0.95)
     * @return this builder
     */
    public Builder level(double level) {
      this.level = Require.openUnit(level, "level");
      return this;
    }

    /**
     * @param threads the most threads scoring features at once (default: available processors)
     * @return this builder
     */
    public Builder threads(int threads) {
      this.threads = Require.positive(threads, "threads");
      return this;
    }

    /**
     * @param batchSize the rows per call of {@link PredictFunction#predictBatch(double[][])}
     *     (default 1024)
     * @return this builder
     */
    public Builder batchSize(int batchSize) {
      this.batchSize = Require.positive(batchSize, "batchSize");
      return this;
    }

    /**
     * Features permuted together (with the same shuffle) and reported as one, for example one-hot
     * columns or coordinates. A feature belongs to one group at most.
     *
     * @param name the group's name
     * @param features its features, at least one
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or used, no feature is given, or a
     *     feature is already in a group
     */
    public Builder group(String name, String... features) {
      Require.nonBlank(name, "name");
      Require.noNulls(features, "features");
      Require.argument(features.length > 0, "features", "non-empty", "an empty array");
      Require.argument(!groups.containsKey(name), "name", "a new group name", "'" + name + "'");
      for (String f : features) {
        for (Map.Entry<String, List<String>> g : groups.entrySet()) {
          Require.argument(
              !g.getValue().contains(f),
              "features",
              "in one group only",
              "'" + f + "' (already in '" + g.getKey() + "')");
        }
      }
      groups.put(name, List.of(features));
      return this;
    }

    /**
     * @return the engine
     */
    public PermutationImportance build() {
      return new PermutationImportance(this);
    }
  }
}
