package org.mlops4j.benchmarks.stream;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mlops4j.drift.Columns;
import org.mlops4j.drift.DriftBaseline;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.KolmogorovSmirnov;
import org.mlops4j.drift.stream.DriftMonitor;
import org.mlops4j.drift.stream.RetrainingPolicy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Cost of {@link DriftMonitor#observe(double[], double)} per observation, amortising the window
 * evaluations: tumbling windows of 1,000 observations of 4 numeric features with score PSI; {@code
 * observeScoresOnly}: no feature check; {@code observeWithBaseline}: each window checked against a
 * {@link DriftBaseline} (KS on 4 features, reference 10,000 rows, exact p-values: the baseline's
 * default); {@code observeWithBaselineAsymptotic}: the same with asymptotic KS p-values; {@code
 * feedback}: one {@code feedback(boolean)} (DDM); {@code observeTwoThreads}: two threads sharing
 * one monitor. One operation = one call; each invocation makes 1,000 calls.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar 'stream.MonitorBenchmark' -f 1 -wi 3 -i
 * 5 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MonitorBenchmark {

  private static final int CALLS = 1000;
  private static final String[] FEATURES = {"f0", "f1", "f2", "f3"};

  private double[][] rows;
  private double[] scores;
  private boolean[] errors;
  private DriftMonitor scoresOnly;
  private DriftMonitor withBaseline;
  private DriftMonitor withBaselineAsymptotic;
  private DriftMonitor shared;

  @Setup(Level.Trial)
  public void setup() {
    SplittableRandom r = new SplittableRandom(3);
    Columns.Builder ref = Columns.builder();
    for (String f : FEATURES) {
      double[] col = new double[10_000];
      for (int i = 0; i < col.length; i++) {
        col[i] = r.nextDouble();
      }
      ref.numeric(f, col);
    }
    double[] refScores = new double[10_000];
    for (int i = 0; i < refScores.length; i++) {
      refScores[i] = r.nextDouble();
    }
    rows = new double[CALLS][FEATURES.length];
    scores = new double[CALLS];
    errors = new boolean[CALLS];
    for (int i = 0; i < CALLS; i++) {
      for (int d = 0; d < FEATURES.length; d++) {
        rows[i][d] = r.nextDouble();
      }
      scores[i] = r.nextDouble();
      errors[i] = r.nextDouble() < 0.1;
    }
    scoresOnly =
        DriftMonitor.builder()
            .features(FEATURES)
            .referenceScores(refScores)
            .tumblingWindow(1000)
            .retrainingPolicy(RetrainingPolicy.never())
            .build();
    withBaseline =
        DriftMonitor.builder()
            .baseline(DriftDetector.defaults().fit(ref.build()))
            .referenceScores(refScores)
            .tumblingWindow(1000)
            .retrainingPolicy(RetrainingPolicy.never())
            .build();
    DriftDetector asymptotic =
        DriftDetector.builder().ksMethod(KolmogorovSmirnov.Method.ASYMPTOTIC).build();
    withBaselineAsymptotic =
        DriftMonitor.builder()
            .baseline(asymptotic.fit(ref.build()))
            .referenceScores(refScores)
            .tumblingWindow(1000)
            .retrainingPolicy(RetrainingPolicy.never())
            .build();
    shared =
        DriftMonitor.builder()
            .features(FEATURES)
            .referenceScores(refScores)
            .tumblingWindow(1000)
            .retrainingPolicy(RetrainingPolicy.never())
            .build();
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public DriftMonitor observeScoresOnly() {
    for (int i = 0; i < CALLS; i++) {
      scoresOnly.observe(rows[i], scores[i]);
    }
    return scoresOnly;
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public DriftMonitor observeWithBaseline() {
    for (int i = 0; i < CALLS; i++) {
      withBaseline.observe(rows[i], scores[i]);
    }
    return withBaseline;
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public DriftMonitor observeWithBaselineAsymptotic() {
    for (int i = 0; i < CALLS; i++) {
      withBaselineAsymptotic.observe(rows[i], scores[i]);
    }
    return withBaselineAsymptotic;
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public DriftMonitor feedback() {
    for (int i = 0; i < CALLS; i++) {
      scoresOnly.feedback(errors[i]);
    }
    return scoresOnly;
  }

  @Benchmark
  @Threads(2)
  @OperationsPerInvocation(CALLS)
  public DriftMonitor observeTwoThreads() {
    for (int i = 0; i < CALLS; i++) {
      shared.observe(rows[i], scores[i]);
    }
    return shared;
  }
}
