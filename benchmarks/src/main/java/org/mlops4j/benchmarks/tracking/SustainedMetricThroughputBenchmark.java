package org.mlops4j.benchmarks.tracking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.core.tracking.LocalTracker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Sustained metric points per second into a store on disk: each invocation logs 1,000,000 points
 * (two metric keys) and then {@link Run#flush()}es, so the score (ops/s) counts points that are
 * written to their files in MLflow's syntax, not merely queued.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SustainedMetricThroughputBenchmark -f 1
 * -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SustainedMetricThroughputBenchmark {

  private static final int POINTS = 1_000_000;

  private Path dir;
  private LocalTracker tracker;
  private Run run;
  private double[] values;
  private long step;

  @Setup(Level.Trial)
  public void openStore() throws IOException {
    dir = Files.createTempDirectory("mlops4j-bench");
    tracker = LocalTracker.open(dir.resolve("mlruns"));
    values = TrackingBenchmarkSupport.values();
  }

  @Setup(Level.Iteration)
  public void startRun() {
    run = tracker.startRun("bench", "throughput");
  }

  @TearDown(Level.Iteration)
  public void endRun() {
    run.close();
    TrackingBenchmarkSupport.deleteRecursively(tracker.root().resolve(run.experimentId()).resolve(run.id()));
  }

  @TearDown(Level.Trial)
  public void closeStore() {
    tracker.close();
    TrackingBenchmarkSupport.deleteRecursively(dir);
  }

  @Benchmark
  @OperationsPerInvocation(POINTS)
  public void logAndFlushOneMillionPoints() {
    for (int i = 0; i < POINTS / 2; i++) {
      long s = step++;
      double v = values[(int) (s & (TrackingBenchmarkSupport.VALUES - 1))];
      run.logMetric("train/loss", v, s);
      run.logMetric("val/acc", 1 - v, s);
    }
    run.flush();
  }
}
