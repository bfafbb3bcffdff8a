package org.mlops4j.benchmarks.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.mlops4j.pipeline.Pipeline;
import org.mlops4j.pipeline.PipelineResult;
import org.mlops4j.pipeline.Stage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A no-op run (every stage up to date) of a pipeline whose inputs are 10,000 small files (one
 * directory input) and 1 GiB of large files (4 x 256 MiB, another directory input). The setup runs
 * the pipeline once, hashing everything; each measured run only stats the files and compares with
 * the lock. {@code samePipeline} reuses the Pipeline object (hashes known in memory); {@code
 * newPipeline} builds a new one each time, so the state is read from {@code .mlops/state.bin}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PipelineNoopRunBenchmark -f 1 -wi 3 -i
 * 5 -w 1s -r 1s}. Files are generated under /tmp and deleted at the end.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PipelineNoopRunBenchmark {
  @Param({"10000"})
  public int smallFiles;

  @Param({"1024"})
  public int largeMiB;

  private Path root;
  private Pipeline pipeline;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    root = BenchFiles.newDir("mlops-noop-bench");
    for (int i = 0; i < smallFiles; i++) {
      Path f = root.resolve("data/small/" + (i % 100) + "/f" + i + ".txt");
      Files.createDirectories(f.getParent());
      Files.writeString(f, "row " + i + "\n");
    }
    for (int i = 0; i < 4; i++) {
      BenchFiles.writeRandom(
          root.resolve("data/large/part-" + i + ".bin"), ((long) largeMiB << 20) / 4, i);
    }
    pipeline = build();
    PipelineResult first = pipeline.run();
    if (first.ran().size() != 2) {
      throw new IllegalStateException("setup run did not run both stages: " + first);
    }
  }

  private Pipeline build() {
    return Pipeline.builder(root)
        .stage(
            Stage.named("count-small")
                .input("data/small")
                .output("out/small-count.txt")
                .work(
                    ctx -> {
                      try (Stream<Path> s = Files.walk(ctx.input("data/small"))) {
                        Files.writeString(
                            ctx.output("out/small-count.txt"), Long.toString(s.count()));
                      }
                    }))
        .stage(
            Stage.named("size-large")
                .input("data/large")
                .output("out/large-size.txt")
                .work(
                    ctx -> {
                      try (Stream<Path> s = Files.list(ctx.input("data/large"))) {
                        long total = s.mapToLong(p -> p.toFile().length()).sum();
                        Files.writeString(ctx.output("out/large-size.txt"), Long.toString(total));
                      }
                    }))
        .build();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    BenchFiles.delete(root);
  }

  @Benchmark
  public PipelineResult samePipeline() {
    PipelineResult r = pipeline.run();
    if (!r.upToDate()) {
      throw new IllegalStateException("not a no-op: " + r);
    }
    return r;
  }

  @Benchmark
  public PipelineResult newPipeline() {
    PipelineResult r = build().run();
    if (!r.upToDate()) {
      throw new IllegalStateException("not a no-op: " + r);
    }
    return r;
  }
}
