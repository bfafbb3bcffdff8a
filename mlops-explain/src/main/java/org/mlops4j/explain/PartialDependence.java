package org.mlops4j.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.mlops4j.api.internal.Require;
import org.mlops4j.explain.internal.ModelCalls;
import org.mlops4j.explain.internal.Parallel;

/**
 * Partial dependence (Friedman 2001, "Greedy function approximation: a gradient boosting machine",
 * Annals of Statistics 29, section 8.2) and individual conditional expectation curves (Goldstein,
 * Kapelner, Bleich and Pitkin 2015, "Peeking inside the black box", JCGS 24) of one feature at a
 * time.
 *
 * <p>For a grid value g of feature j, the ICE value of row i is {@code f(x_i with x_ij := g)} and
 * the partial dependence is its mean over all rows, {@code PD(g) = (1/n) Σ_i f(x_i with x_ij := g)}
 * (scikit-learn's {@code partial_dependence(kind='both', method='brute')}). The share of a grid
 * point is the share of rows whose value of the feature is nearest to it (of a categorical feature:
 * equal to it), so a reader sees how much data stands behind each part of the curve.
 *
 * <p>The grid of a numeric feature is its distinct values when there are at most {@code gridPoints}
 * of them, else the quantiles (linear interpolation, numpy's default) at {@code gridPoints} evenly
 * spaced levels from {@code lowerPercentile} to {@code upperPercentile} (as scikit-learn's {@code
 * percentiles=(0.05, 0.95)}), duplicates removed; {@link Builder#grid(String, double...)} gives the
 * values instead. A categorical feature ({@link Builder#categorical(String)}) is evaluated at each
 * of its distinct codes.
 *
 * <p>Defaults: 20 grid points, percentiles 0.05 and 0.95, ICE curves kept for 50 rows (drawn
 * without replacement with seed 0; all rows when fewer), threads = available processors. The model
 * is called {@code rows × grid points} times per feature.
 *
 * <pre>{@code
 * DependenceReport pd = PartialDependence.builder().categorical("colour").build()
 *     .explain(model, data, "age", "colour");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class PartialDependence {
  private final int gridPoints;
  private final double lowerPercentile;
  private final double upperPercentile;
  private final int iceRows;
  private final long seed;
  private final int threads;
  private final Set<String> categorical;
  private final Map<String, double[]> grids;

  private PartialDependence(Builder b) {
    this.gridPoints = b.gridPoints;
    this.lowerPercentile = b.lowerPercentile;
    this.upperPercentile = b.upperPercentile;
    this.iceRows = b.iceRows;
    this.seed = b.seed;
    this.threads = b.threads;
    this.categorical = Set.copyOf(b.categorical);
    this.grids = Map.copyOf(b.grids);
  }

  /**
   * @return the engine with the defaults
   */
  public static PartialDependence defaults() {
    return builder().build();
  }

  /**
   * @return a builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Computes the partial dependence and ICE curves of the given features.
   *
   * @param model the model
   * @param data the rows over which the model's output is averaged
   * @param features the features, at least one; all of the data's when none is given
   * @return one curve per feature, in the order given
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a feature does not exist (naming it), or a prediction is
   *     not finite (naming the row)
   * @throws org.mlops4j.api.MlopsException if the model throws (naming the row)
   */
  public DependenceReport explain(PredictFunction model, FeatureMatrix data, String... features) {
    Require.nonNull(model, "model");
    Require.nonNull(data, "data");
    Require.noNulls(features, "features");
    List<String> names = features.length == 0 ? data.names() : List.of(features);
    for (String f : names) {
      data.indexOf(f);
    }
    for (String f : grids.keySet()) {
      data.indexOf(f);
    }
    for (String f : categorical) {
      data.indexOf(f);
    }
    double[][] x = data.data();
    int n = x.length;
    int[] ice = iceSample(n);
    List<DependenceCurve> curves = new ArrayList<>();
    for (String name : names) {
      int j = data.indexOf(name);
      double[] column = data.column(name);
      boolean cat = categorical.contains(name);
      double[] grid = cat ? distinct(column) : grids.getOrDefault(name, numericGrid(column));
      int g = grid.length;
      double[] share = shares(column, grid, cat);
      double[][] preds = new double[g][];
      Parallel.forEach(
          g,
          threads,
          k -> {
            double[][] batch = new double[n][];
            for (int i = 0; i < n; i++) {
              batch[i] = x[i].clone();
              batch[i][j] = grid[k];
            }
            String at = " with '" + name + "' = " + grid[k];
            preds[k] = ModelCalls.predict(model, batch, i -> "row " + i + " of data" + at);
          });
      double[] average = new double[g];
      double[][] iceValues = new double[ice.length][g];
      for (int k = 0; k < g; k++) {
        double s = 0;
        for (double v : preds[k]) {
          s += v;
        }
        average[k] = s / n;
        for (int r = 0; r < ice.length; r++) {
          iceValues[r][k] = preds[k][ice[r]];
        }
      }
      List<String> labels = new ArrayList<>();
      for (double v : grid) {
        labels.add(label(v));
      }
      curves.add(new DependenceCurve(name, cat, grid, labels, average, share, ice, iceValues));
    }
    return new DependenceReport(n, curves);
  }

  private static String label(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : org.mlops4j.explain.internal.Files.num(v);
  }

  private int[] iceSample(int n) {
    if (n <= iceRows) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    // Partial Fisher-Yates: the first iceRows of a seeded shuffle, then sorted.
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < iceRows; i++) {
      int k = i + random.nextInt(n - i);
      int t = p[i];
      p[i] = p[k];
      p[k] = t;
    }
    int[] out = Arrays.copyOf(p, iceRows);
    Arrays.sort(out);
    return out;
  }

  private static double[] distinct(double[] column) {
    TreeSet<Double> set = new TreeSet<>();
    for (double v : column) {
      set.add(v);
    }
    return set.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private double[] numericGrid(double[] column) {
    double[] d = distinct(column);
    if (d.length <= gridPoints) {
      return d;
    }
    double[] sorted = column.clone();
    Arrays.sort(sorted);
    Set<Double> seen = new HashSet<>();
    List<Double> out = new ArrayList<>();
    for (int k = 0; k < gridPoints; k++) {
      double p =
          lowerPercentile + (upperPercentile - lowerPercentile) * k / (double) (gridPoints - 1);
      double q = quantile(sorted, p);
      if (seen.add(q)) {
        out.add(q);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** numpy's default (linear) quantile of sorted values. */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  private static double[] shares(double[] column, double[] grid, boolean exact) {
    double[] count = new double[grid.length];
    Map<Double, Integer> index = new HashMap<>();
    for (int k = 0; k < grid.length; k++) {
      index.put(grid[k], k);
    }
    for (double v : column) {
      if (exact) {
        Integer k = index.get(v);
        if (k != null) {
          count[k]++;
        }
        continue;
      }
      int pos = Arrays.binarySearch(grid, v);
      int k;
      if (pos >= 0) {
        k = pos;
      } else {
        int ins = -pos - 1;
        if (ins == 0) {
          k = 0;
        } else if (ins == grid.length) {
          k = grid.length - 1;
        } else {
          k = v - grid[ins - 1] <= grid[ins] - v ? ins - 1 : ins;
        }
      }
      count[k]++;
    }
    for (int k = 0; k < count.length; k++) {
      count[k] /= column.length;
    }
    return count;
  }

  @Override
  public String toString() {
    return "PartialDependence(gridPoints "
        + gridPoints
        + ", percentiles "
        + lowerPercentile
        + " to "
        + upperPercentile
        + ", iceRows "
        + iceRows
        + ", seed "
        + seed
        + (categorical.isEmpty() ? "" : ", categorical " + new TreeSet<>(categorical))
        + (grids.isEmpty() ? "" : ", given grids for " + new TreeSet<>(grids.keySet()))
        + ")";
  }

  /**
   * Builds a {@link PartialDependence}; every setter checks its argument at once.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private int gridPoints = 20;
    private double lowerPercentile = 0.05;
    private double upperPercentile = 0.95;
    private int iceRows = 50;
    private long seed;
    private int threads = Runtime.getRuntime().availableProcessors();
    private final Set<String> categorical = new HashSet<>();
    private final Map<String, double[]> grids = new LinkedHashMap<>();

    private Builder() {}

    /**
     * @param gridPoints the most grid values of a numeric feature, at least 2 (default 20)
     * @return this builder
     */
    public Builder gridPoints(int gridPoints) {
      Require.argument(gridPoints >= 2, "gridPoints", "at least 2", gridPoints);
      this.gridPoints = gridPoints;
      return this;
    }

    /**
     * @param lower the quantile level of the first grid point, in [0, 1) (default 0.05)
     * @param upper the quantile level of the last, in (lower, 1] (default 0.95)
     * @return this builder
     */
    public Builder percentiles(double lower, double upper) {
      Require.argument(lower >= 0 && lower < 1, "lower", "in [0, 1)", lower);
      Require.argument(upper > lower && upper <= 1, "upper", "in (" + lower + ", 1]", upper);
      this.lowerPercentile = lower;
      this.upperPercentile = upper;
      return this;
    }

    /**
     * @param iceRows the number of rows whose ICE curves are kept, 0 for none (default 50)
     * @return this builder
     */
    public Builder iceRows(int iceRows) {
      this.iceRows = Require.nonNegative(iceRows, "iceRows");
      return this;
    }

    /**
     * @param seed the seed of the choice of ICE rows (default 0)
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @param threads the most threads scoring grid points at once (default: available processors)
     * @return this builder
     */
    public Builder threads(int threads) {
      this.threads = Require.positive(threads, "threads");
      return this;
    }

    /**
     * @param feature a categorical feature (given by codes), evaluated at each distinct code
     * @return this builder
     */
    public Builder categorical(String feature) {
      categorical.add(Require.nonBlank(feature, "feature"));
      return this;
    }

    /**
     * @param feature a numeric feature
     * @param values its grid, at least one finite value; sorted and made distinct
     * @return this builder
     */
    public Builder grid(String feature, double... values) {
      Require.nonBlank(feature, "feature");
      Require.finite(values, "values");
      Require.argument(values.length > 0, "values", "non-empty", "an empty array");
      grids.put(feature, distinct(values));
      return this;
    }

    /**
     * @return the engine
     * @throws IllegalStateException if a feature is both categorical and given a grid
     */
    public PartialDependence build() {
      for (String f : grids.keySet()) {
        Require.state(
            !categorical.contains(f),
            "Feature '" + f + "' is categorical and has a grid: give one or the other.");
      }
      return new PartialDependence(this);
    }
  }
}
