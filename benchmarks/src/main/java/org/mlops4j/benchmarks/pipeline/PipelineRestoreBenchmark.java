package org.mlops4j.benchmarks.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
 * Restoring a deleted 1 GiB output from the cache (run cache hit, the work does not run), with hard
 * links ({@code link=true}) or copies ({@code link=false}). Each invocation deletes the output,
 * then runs. Compare the copy with {@code cp} of the same file ({@code
 * benchmarks/scripts/pipeline_bench.sh}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PipelineRestoreBenchmark -f 1 -wi 2 -i
 * 5 -w 1s -r 1s}. Files are generated under /tmp and deleted at the end.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PipelineRestoreBenchmark {
  @Param({"true", "false"})
  public boolean link;

  @Param({"1024"})
  public int outputMiB;

  private Path root;
  private Pipeline pipeline;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    root = BenchFiles.newDir("mlops-restore-bench");
    Files.writeString(root.resolve("seed.txt"), "7");
    long size = (long) outputMiB << 20;
    pipeline =
        Pipeline.builder(root)
            .linkOutputs(link)
            .stage(
                Stage.named("make")
                    .input("seed.txt")
                    .output("model.bin")
                    .work(ctx -> BenchFiles.writeRandom(ctx.output("model.bin"), size, 7)))
            .build();
    pipeline.run();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    BenchFiles.delete(root);
  }

  @Benchmark
  public PipelineResult restoreDeletedOutput() throws Exception {
    Files.delete(root.resolve("model.bin"));
    PipelineResult r = pipeline.run();
    if (r.restored().size() != 1) {
      throw new IllegalStateException("not restored: " + r);
    }
    return r;
  }
}
