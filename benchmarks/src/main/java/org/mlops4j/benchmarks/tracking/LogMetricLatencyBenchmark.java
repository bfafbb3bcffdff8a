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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of {@link Run#logMetric(String, double, long)} on the caller's thread, as a distribution
 * (report the median, p0.50): the call validates the key (cached), reads the clock and queues the
 * point; the background writer formats and appends it. The producer runs flat out, so the queue
 * fills and the tail shows the back-pressure waits.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LogMetricLatencyBenchmark -f 1 -wi 3 -i 5
 * -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LogMetricLatencyBenchmark {

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
    run = tracker.startRun("bench", "latency");
  }

  @TearDown(Level.Iteration)
  public void endRun() {
    run.close();
    // keep the disk small: drop the run's files after each iteration
    TrackingBenchmarkSupport.deleteRecursively(tracker.root().resolve(run.experimentId()).resolve(run.id()));
  }

  @TearDown(Level.Trial)
  public void closeStore() {
    tracker.close();
    TrackingBenchmarkSupport.deleteRecursively(dir);
  }

  @Benchmark
  public Run logMetric() {
    long s = step++;
    return run.logMetric("loss", values[(int) (s & (TrackingBenchmarkSupport.VALUES - 1))], s);
  }
}
