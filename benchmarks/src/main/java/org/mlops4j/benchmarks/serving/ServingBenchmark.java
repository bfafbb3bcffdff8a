package org.mlops4j.benchmarks.serving;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.mlops4j.registry.ModelLoader;
import org.mlops4j.registry.ModelRegistry;
import org.mlops4j.serving.ModelService;
import org.mlops4j.serving.Predictor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Overhead of {@link ModelService#predict} around a no-op model (it returns its input), with
 * monitoring on: the default {@code DriftMonitor} (latency recorded, the score observed, tumbling
 * windows of 1,000 closed and evaluated inline). {@code direct} calls the model alone; {@code
 * champion} goes through the service; {@code shadow} also hands a copy to a shadow challenger
 * (no-op too) through the bounded queue; {@code withRequestId} also keeps the request for feedback.
 * Latency in SampleTime mode (one thread; percentiles in the output); {@code throughput2Threads}:
 * predictions per second from 2 threads ({@code throughput2ThreadsLatencyOnly}: the same without
 * the monitor's {@code observe}, to show what observing costs under contention), and from 1 thread.
 * Profile with {@code -prof stack} and {@code -prof gc} (docs/perf/serving.md).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar 'serving\..*' -f 1 -wi 3 -i 5 -w 1s -r
 * 1s}.
 */
@State(Scope.Benchmark)
public class ServingBenchmark {

  private Path dir;
  private ModelService<Double, Double> champion;
  private ModelService<Double, Double> shadow;
  private ModelService<Double, Double> latencyOnly;
  private Predictor<Double, Double> model;
  private final Double input = 0.5;
  private long id;

  @Setup
  public void setup() throws IOException {
    dir = Files.createTempDirectory("serving-bench");
    ModelRegistry registry = ModelRegistry.open(dir.resolve("mlruns"));
    Path f = dir.resolve("model.txt");
    Files.writeString(f, "noop");
    registry.newVersion("noop").artifact("model.txt", f).register();
    registry.newVersion("noop").artifact("model.txt", f).register();
    registry.setAlias("noop", "champion", 1, "bench");
    registry.setAlias("noop", "challenger", 2, "bench");
    ModelLoader<Predictor<Double, Double>> loader = (d, v) -> x -> x;
    model = registry.load("noop", "1", loader);
    champion = ModelService.builder(registry, "noop", loader).build();
    shadow = ModelService.builder(registry, "noop", loader).shadow("challenger").build();
    // no finite score: the monitor records the latency (wait-free) but observes nothing
    latencyOnly = ModelService.builder(registry, "noop", loader).score(x -> Double.NaN).build();
  }

  @TearDown
  public void tearDown() throws IOException {
    champion.close();
    shadow.close();
    latencyOnly.close();
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public Double direct() throws Exception {
    return model.predict(input);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public Double champion() {
    return champion.predict(input);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public Double shadow() {
    return shadow.predict(input);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public Double withRequestId() {
    return champion.predict(Long.toString(id++), input);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public Double throughput2Threads() {
    return champion.predict(input);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Double throughput1Thread() {
    return champion.predict(input);
  }

  /** As {@link #throughput2Threads()}, without the monitor's observe: latency only. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public Double throughput2ThreadsLatencyOnly() {
    return latencyOnly.predict(input);
  }
}
