package org.mlops4j.benchmarks.tracking;

import java.util.concurrent.TimeUnit;
import org.mlops4j.api.tracking.Run;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of {@link Run#logMetric(String, double, long)} on the caller's thread, as a distribution
 * (report the median, p0.50): the call validates the key (cached), reads the clock and queues the
 * point; the background writer formats and appends it. The producer runs flat out, so the queue
 * fills and the tail shows the back-pressure waits.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LogMetricLatencyBenchmark -f 1 -wi 3 -i
 * 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LogMetricLatencyBenchmark extends TrackingBenchmarkSupport {

  @Override
  String runName() {
    return "latency";
  }

  @Benchmark
  public Run logMetric() {
    long s = step++;
    return run.logMetric("loss", value(s), s);
  }
}
