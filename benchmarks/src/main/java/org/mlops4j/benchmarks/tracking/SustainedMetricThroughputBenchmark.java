package org.mlops4j.benchmarks.tracking;

import java.util.concurrent.TimeUnit;
import org.mlops4j.api.tracking.Run;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

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
public class SustainedMetricThroughputBenchmark extends TrackingBenchmarkSupport {

  private static final int POINTS = 1_000_000;

  @Override
  String runName() {
    return "throughput";
  }

  @Benchmark
  @OperationsPerInvocation(POINTS)
  public void logAndFlushOneMillionPoints() {
    for (int i = 0; i < POINTS / 2; i++) {
      long s = step++;
      double v = value(s);
      run.logMetric("train/loss", v, s);
      run.logMetric("val/acc", 1 - v, s);
    }
    run.flush();
  }
}
