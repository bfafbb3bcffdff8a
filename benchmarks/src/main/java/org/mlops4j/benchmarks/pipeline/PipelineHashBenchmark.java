package org.mlops4j.benchmarks.pipeline;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.mlops4j.pipeline.internal.FileHasher;
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
 * SHA-256 of one large file on one core (FileChannel, 1 MiB buffer, the JDK's SHA-256 with the
 * CPU's SHA extensions where HotSpot has the intrinsic). Throughput = fileMiB / score.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PipelineHashBenchmark -f 1 -wi 3 -i 5
 * -w 1s -r 1s}; compare with {@code sha256sum} on a file of the same size: {@code
 * benchmarks/scripts/pipeline_bench.sh} does both. The file is generated under /tmp and deleted at
 * the end.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PipelineHashBenchmark {
  /** File size in MiB. */
  @Param({"1024"})
  public int fileMiB;

  private Path dir;
  private Path file;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    dir = BenchFiles.newDir("mlops-hash-bench");
    file = dir.resolve("large.bin");
    BenchFiles.writeRandom(file, (long) fileMiB << 20, 42);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    BenchFiles.delete(dir);
  }

  @Benchmark
  public String sha256LargeFile() throws Exception {
    return FileHasher.sha256(file);
  }
}
