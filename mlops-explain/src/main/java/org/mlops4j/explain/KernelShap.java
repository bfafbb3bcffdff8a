package org.mlops4j.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mlops4j.api.internal.Require;
import org.mlops4j.explain.internal.KMeans;
import org.mlops4j.explain.internal.Linear;
import org.mlops4j.explain.internal.ModelCalls;
import org.mlops4j.explain.internal.Parallel;

/**
 * SHAP values (Lundberg and Lee 2017, "A unified approach to interpreting model predictions",
 * NeurIPS) of any model against a background sample: exact Shapley values for few features, the
 * sampled Kernel SHAP estimate with a standard error beyond.
 *
 * <p>The value of a coalition S of features for row x is interventional: {@code v(S) = Σ_b w_b
 * f(x_S, b_¬S)}, the weighted mean over the background rows b (weights 1/B, or the cluster shares
 * of a k-means summary) of the model on x's values in S and b's elsewhere. Then {@code v(∅) = E[f]}
 * (the expected value) and {@code v(all) = f(x)}, and the SHAP values add up: {@code Σ_i φ_i = f(x)
 * − E[f]} (local accuracy; the report gives the largest gap, which is rounding only).
 *
 * <ul>
 *   <li><b>Exact</b> (up to {@code exactLimit} features, default 12): the Shapley formula over all
 *       2^M coalitions, {@code φ_i = Σ_{S ⊆ F∖{i}} |S|! (M − |S| − 1)! / M! · (v(S ∪ {i}) − v(S))};
 *       {@code 2^M − 1} coalitions of B model calls each, plus one call for v(all).
 *   <li><b>Sampled</b> (more features): Kernel SHAP, the weighted least squares fit of {@code v(S)
 *       − v(∅) ≈ Σ_{i ∈ S} φ_i} with the Shapley kernel weights, under the constraint {@code Σ φ_i
 *       = f(x) − v(∅)}. Coalitions are drawn from the kernel's distribution (size s with
 *       probability proportional to {@code (M − 1) / (s (M − s))}, then a uniform subset), in pairs
 *       with their complements (Covert and Lee 2021, "Improving KernelSHAP", AISTATS), so the fit
 *       has equal weights: {@code φ = A⁻¹ (b − 1 (1ᵀA⁻¹b − Δ) / (1ᵀA⁻¹1))} with {@code A} the mean
 *       of {@code z zᵀ} and {@code b} the mean of {@code z (v(S) − v(∅))}. {@code budget}
 *       coalitions (default 2048) are drawn, each distinct one costing B model calls. The standard
 *       error of each value is the standard deviation of the estimate over {@code bootstrap}
 *       resamples of the drawn pairs (default 100).
 * </ul>
 *
 * Defaults: exact up to 12 features, budget 2048, no summary of the background, 100 bootstrap
 * resamples, seed 0, threads = available processors. The coalitions of a row are drawn from a
 * {@link SplittableRandom} seeded from (seed, row), so a row's values do not depend on the batch.
 *
 * <pre>{@code
 * ShapReport shap = KernelShap.builder().summarize(20).build()
 *     .explain(model, background, rows);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class KernelShap {
  private final int exactLimit;
  private final int budget;
  private final int summarize;
  private final int bootstrap;
  private final long seed;
  private final int threads;

  private KernelShap(Builder b) {
    this.exactLimit = b.exactLimit;
    this.budget = b.budget;
    this.summarize = b.summarize;
    this.bootstrap = b.bootstrap;
    this.seed = b.seed;
    this.threads = b.threads;
  }

  /**
   * @return the engine with the defaults
   */
  public static KernelShap defaults() {
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
    b.exactLimit = exactLimit;
    b.budget = budget;
    b.summarize = summarize;
    b.bootstrap = bootstrap;
    b.seed = seed;
    b.threads = threads;
    return b;
  }

  /**
   * The SHAP values of one row.
   *
   * @param model the model
   * @param background the background sample (the reference distribution of the features)
   * @param row the row to explain, one value per background feature
   * @return the report of the one row
   * @throws IllegalArgumentException if the row's width differs from the background's, a value is
   *     not finite, the budget is too small, or a prediction is not finite (naming the row)
   * @throws org.mlops4j.api.MlopsException if the model throws (naming the row)
   */
  public ShapReport explain(PredictFunction model, FeatureMatrix background, double[] row) {
    Require.nonNull(background, "background");
    Require.finite(row, "row");
    Require.sameLength(row.length, "row", background.width(), "background's features");
    return explain(model, background, FeatureMatrix.of(background.names(), new double[][] {row}));
  }

  /**
   * The SHAP values of each row.
   *
   * @param model the model
   * @param background the background sample (the reference distribution of the features)
   * @param rows the rows to explain, with the background's features in the same order
   * @return the values of every row, with global summaries
   * @throws IllegalArgumentException if the features of rows and background differ, the budget is
   *     too small ({@code 2 × features} at least), or a prediction is not finite (naming the row)
   * @throws IllegalStateException if the sampled coalitions cannot separate the features (raise the
   *     budget)
   * @throws org.mlops4j.api.MlopsException if the model throws (naming the row)
   */
  public ShapReport explain(PredictFunction model, FeatureMatrix background, FeatureMatrix rows) {
    Require.nonNull(model, "model");
    Require.nonNull(background, "background");
    Require.nonNull(rows, "rows");
    Require.argument(
        background.names().equals(rows.names()),
        "background",
        "of the same features as rows " + rows.names(),
        background.names());
    int m = rows.width();
    boolean exact = m <= exactLimit;
    if (!exact) {
      Require.argument(
          budget >= 2 * m,
          "budget",
          "at least 2 × features = " + (2 * m) + " for " + m + " features",
          budget);
    }
    double[][] bg;
    double[] w;
    if (summarize > 0 && summarize < background.rows()) {
      KMeans.Summary s = KMeans.summarize(background.data(), summarize, seed);
      bg = s.centres();
      w = s.weights();
    } else {
      bg = background.data();
      w = new double[bg.length];
      Arrays.fill(w, 1.0 / bg.length);
    }
    int n = rows.rows();
    double[][] x = rows.data();
    double[][] values = new double[n][];
    double[][] errors = new double[n][];
    double[] predictions = new double[n];
    double[] gaps = new double[n];
    double expected;
    long calls;
    try (Parallel pool = Parallel.of(threads)) {
      double[] fb = ModelCalls.predict(model, bg, b -> "background row " + b);
      double e = 0;
      for (int b = 0; b < bg.length; b++) {
        e += w[b] * fb[b];
      }
      expected = e;
      calls = bg.length;
      for (int r = 0; r < n; r++) {
        int row = r;
        double fx = ModelCalls.predict(model, new double[][] {x[r]}, k -> "row " + row)[0];
        predictions[r] = fx;
        Estimate est =
            exact
                ? exact(model, pool, x[r], r, bg, w, expected, fx)
                : sampled(model, pool, x[r], r, bg, w, expected, fx);
        values[r] = est.values;
        errors[r] = est.errors;
        calls += 1 + est.calls;
        double sum = 0;
        for (double v : est.values) {
          sum += v;
        }
        gaps[r] = sum - (fx - expected);
      }
    }
    return new ShapReport(
        rows.names(),
        x,
        predictions,
        values,
        errors,
        gaps,
        expected,
        exact ? "exact" : "sampled",
        bg.length,
        background.rows(),
        exact ? (1 << m) : budget,
        calls,
        seed,
        null);
  }

  private record Estimate(double[] values, double[] errors, long calls) {}

  /** v(S) for each coalition given as a mask, B calls each. */
  private static double[] values(
      PredictFunction model,
      Parallel pool,
      double[] x,
      int row,
      double[][] bg,
      double[] w,
      List<BitSet> coalitions) {
    int count = coalitions.size();
    double[] v = new double[count];
    int per = Math.max(1, 4096 / bg.length);
    int tasks = (count + per - 1) / per;
    pool.run(
        tasks,
        t -> {
          int from = t * per;
          int to = Math.min(count, from + per);
          double[][] batch = new double[(to - from) * bg.length][];
          int k = 0;
          for (int c = from; c < to; c++) {
            int[] members = coalitions.get(c).stream().toArray();
            for (double[] b : bg) {
              double[] z = b.clone();
              for (int j : members) {
                z[j] = x[j];
              }
              batch[k++] = z;
            }
          }
          int f = from;
          double[] p =
              ModelCalls.predict(
                  model,
                  batch,
                  i ->
                      "row "
                          + row
                          + " with the background row "
                          + (i % bg.length)
                          + " outside the coalition "
                          + coalitions.get(f + i / bg.length));
          for (int c = from; c < to; c++) {
            double s = 0;
            int base = (c - from) * bg.length;
            for (int b = 0; b < bg.length; b++) {
              s += w[b] * p[base + b];
            }
            v[c] = s;
          }
        });
    return v;
  }

  private Estimate exact(
      PredictFunction model,
      Parallel pool,
      double[] x,
      int row,
      double[][] bg,
      double[] w,
      double expected,
      double fx) {
    int m = x.length;
    int all = 1 << m;
    List<BitSet> coalitions = new ArrayList<>(all - 2);
    for (int mask = 1; mask < all - 1; mask++) {
      coalitions.add(BitSet.valueOf(new long[] {mask}));
    }
    double[] inner = values(model, pool, x, row, bg, w, coalitions);
    double[] v = new double[all];
    v[0] = expected;
    v[all - 1] = fx;
    System.arraycopy(inner, 0, v, 1, all - 2);
    // weight(s) = s! (m - s - 1)! / m!
    double[] weight = new double[m];
    for (int s = 0; s < m; s++) {
      double lw = lnFactorial(s) + lnFactorial(m - s - 1) - lnFactorial(m);
      weight[s] = Math.exp(lw);
    }
    double[] phi = new double[m];
    for (int mask = 0; mask < all; mask++) {
      int size = Integer.bitCount(mask);
      for (int i = 0; i < m; i++) {
        if ((mask & (1 << i)) == 0) {
          phi[i] += weight[size] * (v[mask | (1 << i)] - v[mask]);
        }
      }
    }
    return new Estimate(phi, new double[m], (long) (all - 2) * bg.length);
  }

  private static double lnFactorial(int k) {
    double s = 0;
    for (int i = 2; i <= k; i++) {
      s += Math.log(i);
    }
    return s;
  }

  private Estimate sampled(
      PredictFunction model,
      Parallel pool,
      double[] x,
      int row,
      double[][] bg,
      double[] w,
      double expected,
      double fx) {
    int m = x.length;
    int pairs = budget / 2;
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + row);
    double[] cumulative = new double[m - 1];
    double total = 0;
    for (int s = 1; s < m; s++) {
      total += (m - 1.0) / (s * (double) (m - s));
      cumulative[s - 1] = total;
    }
    int[] perm = new int[m];
    List<BitSet> distinct = new ArrayList<>();
    Map<BitSet, Integer> index = new HashMap<>();
    int[][] pairIndex = new int[pairs][2];
    BitSet[] drawn = new BitSet[pairs];
    for (int p = 0; p < pairs; p++) {
      double u = random.nextDouble() * total;
      int size = 1;
      while (size < m - 1 && cumulative[size - 1] <= u) {
        size++;
      }
      for (int j = 0; j < m; j++) {
        perm[j] = j;
      }
      BitSet s = new BitSet(m);
      for (int j = 0; j < size; j++) {
        int k = j + random.nextInt(m - j);
        int t = perm[j];
        perm[j] = perm[k];
        perm[k] = t;
        s.set(perm[j]);
      }
      BitSet c = (BitSet) s.clone();
      c.flip(0, m);
      drawn[p] = s;
      pairIndex[p][0] = index.computeIfAbsent(s, key -> add(distinct, key));
      pairIndex[p][1] = index.computeIfAbsent(c, key -> add(distinct, key));
    }
    double[] v = values(model, pool, x, row, bg, w, distinct);
    double delta = fx - expected;
    int[] counts = new int[pairs];
    Arrays.fill(counts, 1);
    double[] phi = fit(m, drawn, pairIndex, v, expected, delta, counts, budget);
    double[][] reps = new double[bootstrap][];
    SplittableRandom boot = new SplittableRandom(random.nextLong());
    for (int r = 0; r < bootstrap; r++) {
      Arrays.fill(counts, 0);
      for (int p = 0; p < pairs; p++) {
        counts[boot.nextInt(pairs)]++;
      }
      reps[r] = fit(m, drawn, pairIndex, v, expected, delta, counts, budget);
    }
    double[] se = new double[m];
    if (bootstrap > 1) {
      for (int i = 0; i < m; i++) {
        double mean = 0;
        for (double[] rep : reps) {
          mean += rep[i];
        }
        mean /= bootstrap;
        double ss = 0;
        for (double[] rep : reps) {
          ss += (rep[i] - mean) * (rep[i] - mean);
        }
        se[i] = Math.sqrt(ss / (bootstrap - 1));
      }
    } else {
      Arrays.fill(se, Double.NaN);
    }
    return new Estimate(phi, se, (long) distinct.size() * bg.length);
  }

  private static int add(List<BitSet> list, BitSet s) {
    list.add(s);
    return list.size() - 1;
  }

  /**
   * The constrained least squares fit over the pairs, each pair counted counts[p] times. A pair (T,
   * F∖T) adds {@code z zᵀ + z̄ z̄ᵀ = 11ᵀ − t1ᵀ − 1tᵀ + 2 t tᵀ} to A (t the indicator of T, either
   * side) and {@code y(F∖T) 1 + t (y(T) − y(F∖T))} to b, so only the smaller side's members are
   * visited.
   */
  private static double[] fit(
      int m,
      BitSet[] drawn,
      int[][] pairIndex,
      double[] v,
      double expected,
      double delta,
      int[] counts,
      int budget) {
    double[][] a = new double[m][m];
    double[] b = new double[m];
    double[] u = new double[m];
    double total = 0;
    double base = 0;
    for (int p = 0; p < drawn.length; p++) {
      int c = counts[p];
      if (c == 0) {
        continue;
      }
      BitSet s = drawn[p];
      boolean small = s.cardinality() * 2 <= m;
      double yIn = v[pairIndex[p][small ? 0 : 1]] - expected;
      double yOut = v[pairIndex[p][small ? 1 : 0]] - expected;
      int[] t = small ? s.stream().toArray() : complement(s, m);
      total += c;
      base += c * yOut;
      for (int i : t) {
        u[i] += c;
        b[i] += c * (yIn - yOut);
        for (int j : t) {
          a[i][j] += 2.0 * c;
        }
      }
    }
    for (int i = 0; i < m; i++) {
      b[i] += base;
      for (int j = 0; j < m; j++) {
        a[i][j] += total - u[i] - u[j];
      }
    }
    double[] ones = new double[m];
    Arrays.fill(ones, 1);
    double[] ainvB = Linear.solve(a, b);
    double[] ainv1 = Linear.solve(a, ones);
    Require.state(
        ainvB != null && ainv1 != null,
        "The sampled coalitions do not separate all "
            + m
            + " features (two features always appear together): raise budget (was "
            + budget
            + ").");
    double s1 = 0;
    double sb = 0;
    for (int i = 0; i < m; i++) {
      s1 += ainv1[i];
      sb += ainvB[i];
    }
    double nu = (sb - delta) / s1;
    double[] phi = new double[m];
    for (int i = 0; i < m; i++) {
      phi[i] = ainvB[i] - nu * ainv1[i];
    }
    return phi;
  }

  private static int[] complement(BitSet s, int m) {
    int[] out = new int[m - s.cardinality()];
    int k = 0;
    for (int j = s.nextClearBit(0); j < m; j = s.nextClearBit(j + 1)) {
      out[k++] = j;
    }
    return out;
  }

  @Override
  public String toString() {
    return "KernelShap(exactLimit "
        + exactLimit
        + ", budget "
        + budget
        + ", summarize "
        + (summarize == 0 ? "off" : summarize)
        + ", bootstrap "
        + bootstrap
        + ", seed "
        + seed
        + ", threads "
        + threads
        + ")";
  }

  /**
   * Builds a {@link KernelShap}; every setter checks its argument at once.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private int exactLimit = 12;
    private int budget = 2048;
    private int summarize;
    private int bootstrap = 100;
    private long seed;
    private int threads = Runtime.getRuntime().availableProcessors();

    private Builder() {}

    /**
     * @param exactLimit the most features for which the exact Shapley values are computed, 0 to 20
     *     (default 12); 0 always samples
     * @return this builder
     */
    public Builder exactLimit(int exactLimit) {
      Require.argument(exactLimit >= 0 && exactLimit <= 20, "exactLimit", "0 to 20", exactLimit);
      this.exactLimit = exactLimit;
      return this;
    }

    /**
     * @param budget the coalitions drawn per row by the sampled estimate, even, at least 4 and at
     *     least twice the number of features (default 2048; each distinct coalition costs one call
     *     per background row)
     * @return this builder
     */
    public Builder budget(int budget) {
      Require.argument(budget >= 4 && budget % 2 == 0, "budget", "even and at least 4", budget);
      this.budget = budget;
      return this;
    }

    /**
     * @param k summarise the background by k-means with k centres weighted by their clusters'
     *     shares (as shap's {@code shap.kmeans}), seeded by {@link #seed(long)}; 0 for the whole
     *     background (default 0)
     * @return this builder
     */
    public Builder summarize(int k) {
      this.summarize = Require.nonNegative(k, "k");
      return this;
    }

    /**
     * @param bootstrap the resamples behind the standard error of the sampled estimate, 0 for none
     *     (then NaN) (default 100)
     * @return this builder
     */
    public Builder bootstrap(int bootstrap) {
      this.bootstrap = Require.nonNegative(bootstrap, "bootstrap");
      return this;
    }

    /**
     * @param seed the seed of the coalitions, the bootstrap and the k-means summary (default 0)
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @param threads the most threads scoring coalitions at once (default: available processors)
     * @return this builder
     */
    public Builder threads(int threads) {
      this.threads = Require.positive(threads, "threads");
      return this;
    }

    /**
     * @return the engine
     */
    public KernelShap build() {
      return new KernelShap(this);
    }
  }
}
