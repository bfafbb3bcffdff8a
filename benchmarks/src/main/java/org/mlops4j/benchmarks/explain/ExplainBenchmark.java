package org.mlops4j.benchmarks.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mlops4j.explain.FeatureMatrix;
import org.mlops4j.explain.ImportanceReport;
import org.mlops4j.explain.KernelShap;
import org.mlops4j.explain.PermutationImportance;
import org.mlops4j.explain.PredictFunction;
import org.mlops4j.explain.ScoreMetric;
import org.mlops4j.explain.ShapReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * mlops4j explain (issue 22):
 *
 * <ul>
 *   <li>{@code mlpCall}: one call of the ~1 µs model (a 10-32-1 tanh network) used by {@code
 *       exactShap10};
 *   <li>{@code exactShap10}: exact SHAP of one row, 10 features, 100 background rows (1022
 *       coalitions × 100 = 102,200 model calls + 101), on {@code threads} threads; target &lt; 50
 *       ms;
 *   <li>{@code exactShap10Summarized20}: the same against a k-means summary of the background into
 *       20 weighted centres (1022 × 20 = 20,440 calls + 21, plus the k-means);
 *   <li>{@code sampledShap30}: sampled Kernel SHAP of one row, 30 features, 20 background rows,
 *       budget 2048 coalitions, 100 bootstrap resamples; the model is linear plus 10 products of
 *       three features, whose exact interventional Shapley values have a closed form (per
 *       background row b and triple (i, k, l): {@code φ_i += (x_i − b_i)(b_k b_l / 3 + (x_k b_l +
 *       b_k x_l) / 6 + x_k x_l / 3)}, the Shapley weights of a 3-player game; a linear or pairwise
 *       model is fitted exactly by paired sampling); the error against it is printed at setup;
 *   <li>{@code permutationImportance}: 20 features × 5 repeats on 100,000 rows (10.1 million calls
 *       of a linear model), and {@code modelCallsOnly}: the same number of calls in one thread, the
 *       lower bound.
 * </ul>
 *
 * <pre>
 * flock /tmp/bench.lock sh -c 'cd /work/main &amp;&amp; mvn -B -ntp -o -q -pl benchmarks package -DskipTests \
 *     &amp;&amp; cp benchmarks/target/benchmarks.jar /tmp/explain-bench.jar'
 * java -jar /tmp/explain-bench.jar 'explain\..*' -f 1 -wi 3 -i 5 -w 1s -r 1s
 * </pre>
 *
 * Results: docs/perf/explain.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ExplainBenchmark {

  @Param({"1", "2"})
  int threads;

  private PredictFunction mlp;
  private FeatureMatrix bg10;
  private double[] row10;
  private KernelShap exact;
  private KernelShap exactSummarized;

  private PredictFunction pairs;
  private FeatureMatrix bg30;
  private double[] row30;
  private KernelShap sampled;

  private PredictFunction linear;
  private FeatureMatrix data20;
  private double[] labels20;
  private PermutationImportance importance;

  private static final int HIDDEN = 32;

  private static List<String> names(int m) {
    List<String> n = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      n.add("x" + i);
    }
    return n;
  }

  private static double[][] gaussian(int rows, int m, SplittableRandom r) {
    double[][] x = new double[rows][m];
    for (double[] row : x) {
      for (int j = 0; j < m; j++) {
        row[j] = r.nextGaussian();
      }
    }
    return x;
  }

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom r = new SplittableRandom(42);
    double[][] w1 = gaussian(HIDDEN, 10, r);
    double[] w2 = gaussian(1, HIDDEN, r)[0];
    mlp =
        x -> {
          double out = 0;
          for (int h = 0; h < HIDDEN; h++) {
            double s = 0;
            for (int j = 0; j < 10; j++) {
              s += w1[h][j] * x[j];
            }
            out += w2[h] * Math.tanh(s);
          }
          return out;
        };
    bg10 = FeatureMatrix.of(names(10), gaussian(100, 10, r));
    row10 = gaussian(1, 10, r)[0];
    exact = KernelShap.builder().threads(threads).build();
    exactSummarized = KernelShap.builder().threads(threads).summarize(20).build();

    int m = 30;
    double[] w = gaussian(1, m, r)[0];
    pairs =
        x -> {
          double s = 0;
          for (int j = 0; j < m; j++) {
            s += w[j] * x[j];
          }
          for (int j = 0; j < m; j += 3) {
            s += x[j] * x[j + 1] * x[j + 2];
          }
          return s;
        };
    double[][] bg = gaussian(20, m, r);
    bg30 = FeatureMatrix.of(names(m), bg);
    row30 = gaussian(1, m, r)[0];
    sampled = KernelShap.builder().threads(threads).budget(2048).build();
    double[] truth = new double[m];
    for (double[] b : bg) {
      for (int j = 0; j < m; j++) {
        truth[j] += w[j] * (row30[j] - b[j]) / bg.length;
      }
      for (int j = 0; j < m; j += 3) {
        for (int t = 0; t < 3; t++) {
          int i = j + t;
          int k = j + (t + 1) % 3;
          int l = j + (t + 2) % 3;
          double x = row30[i] - b[i];
          truth[i] +=
              x
                  * (b[k] * b[l] / 3
                      + (row30[k] * b[l] + b[k] * row30[l]) / 6
                      + row30[k] * row30[l] / 3)
                  / bg.length;
        }
      }
    }
    ShapReport s = sampled.explain(pairs, bg30, row30);
    double se = 0;
    double err = 0;
    double maxErr = 0;
    double scale = 0;
    for (int j = 0; j < m; j++) {
      double e = s.values(0)[j] - truth[j];
      err += e * e / m;
      maxErr = Math.max(maxErr, Math.abs(e));
      se += s.standardErrors(0)[j] / m;
      scale += Math.abs(truth[j]) / m;
    }
    System.out.printf(
        Locale.ROOT,
        "%nsampled SHAP, 30 features, budget 2048, %d model calls: RMSE %.4g, max |error| %.4g,"
            + " mean reported SE %.4g, mean |φ| %.4g, local accuracy gap %.3g%n",
        s.modelCalls(),
        Math.sqrt(err),
        maxErr,
        se,
        scale,
        s.maxLocalAccuracyGap());

    double[] w20 = gaussian(1, 20, r)[0];
    linear =
        x -> {
          double t = 0;
          for (int j = 0; j < 20; j++) {
            t += w20[j] * x[j];
          }
          return t;
        };
    double[][] x20 = gaussian(100_000, 20, r);
    labels20 = new double[x20.length];
    for (int i = 0; i < x20.length; i++) {
      labels20[i] = linear.predict(x20[i]) + r.nextGaussian();
    }
    data20 = FeatureMatrix.of(names(20), x20);
    importance =
        PermutationImportance.builder()
            .metric(ScoreMetric.meanSquaredError())
            .repeats(5)
            .threads(threads)
            .build();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public double mlpCall() {
    return mlp.predict(row10);
  }

  @Benchmark
  public ShapReport exactShap10() {
    return exact.explain(mlp, bg10, row10);
  }

  @Benchmark
  public ShapReport exactShap10Summarized20() {
    return exactSummarized.explain(mlp, bg10, row10);
  }

  @Benchmark
  public ShapReport sampledShap30() {
    return sampled.explain(pairs, bg30, row30);
  }

  @Benchmark
  public ImportanceReport permutationImportance() {
    return importance.explain(linear, data20, labels20);
  }

  @Benchmark
  public double modelCallsOnly() {
    double s = 0;
    for (int k = 0; k < 101; k++) {
      for (int i = 0; i < 100_000; i++) {
        s += linear.predict(data20.row(i));
      }
    }
    return s;
  }
}
