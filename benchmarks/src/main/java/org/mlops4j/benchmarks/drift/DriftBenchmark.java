package org.mlops4j.benchmarks.drift;

import java.util.concurrent.TimeUnit;
import org.mlops4j.drift.Columns;
import org.mlops4j.drift.DriftBaseline;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.FeatureDrift;
import org.mlops4j.drift.KolmogorovSmirnov;
import org.mlops4j.drift.KolmogorovSmirnovResult;
import org.mlops4j.drift.Psi;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Data-drift statistics on large samples, average time per call in milliseconds, one thread:
 *
 * <ul>
 *   <li>{@code ks1e6} two-sample KS of 1,000,000 vs 1,000,000 values from raw arrays (copy, sort,
 *       merge walk, asymptotic p); peer {@code scipy.stats.ks_2samp(a, b)}.
 *   <li>{@code ksWindowVsBaseline} KS of a 100,000-value window against a baseline fitted on
 *       1,000,000 values (sorted sample kept); {@code ksWindowVsSketchedBaseline} the same against
 *       a KLL-sketched baseline (k = 200).
 *   <li>{@code psi1e6} PSI with 10 quantile bins, 1,000,000 vs 1,000,000 raw values; peer NumPy
 *       {@code np.quantile + np.searchsorted + np.bincount}. {@code psi1e6VsBaseline} the same
 *       current values against the fitted bins.
 *   <li>{@code checkWindowVsBaseline} the full per-feature verdict (KS, PSI, Wasserstein, missing
 *       counts) of the 100,000-value window.
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar 'drift.DriftBenchmark' -f 1 -wi 3 -i 5
 * -w 1s -r 1s}, then in the same shell {@code python3 benchmarks/python/drift_peer.py}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DriftBenchmark {

  private double[] reference;
  private double[] current;
  private double[] window;
  private DriftBaseline baseline;
  private DriftBaseline sketched;

  @Setup
  public void setup() {
    reference = DriftData.sample(1, 1_000_000, 0.0, 1.0);
    current = DriftData.sample(2, 1_000_000, 0.01, 1.0);
    window = DriftData.sample(3, 100_000, 0.01, 1.0);
    Columns ref = Columns.builder().numeric("x", reference).build();
    baseline = DriftDetector.defaults().fit(ref);
    sketched = DriftDetector.builder().sketchAbove(100_000).build().fit(ref);
  }

  @Benchmark
  public KolmogorovSmirnovResult ks1e6() {
    return KolmogorovSmirnov.test(reference, current);
  }

  @Benchmark
  public KolmogorovSmirnovResult ksWindowVsBaseline() {
    return baseline.ks("x", window);
  }

  @Benchmark
  public KolmogorovSmirnovResult ksWindowVsSketchedBaseline() {
    return sketched.ks("x", window);
  }

  @Benchmark
  public double psi1e6() {
    return Psi.numeric(reference, current);
  }

  @Benchmark
  public double psi1e6VsBaseline() {
    return baseline.psi("x", current);
  }

  @Benchmark
  public FeatureDrift checkWindowVsBaseline() {
    return baseline.compareNumeric("x", window);
  }
}
