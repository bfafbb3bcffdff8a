package org.mlops4j.benchmarks.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.pipeline.Data;
import org.mlops4j.pipeline.DataPointer;
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
 * {@code Data.add} of 1 GiB of files (16 files of 64 MiB in one folder) into a fresh project each
 * time: every byte hashed once (no known hashes), each file hard-linked into the cache and forced.
 * The files are generated once under /tmp and hard-linked into each new project, so no copy is
 * timed. Throughput = 1 GiB / score; the peer is {@code sha256sum} on the same files (see
 * docs/perf/data.md).
 *
 * <p>Run: {@code java -jar benchmarks.jar 'data\.DataAddBenchmark' -f 1 -wi 1 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DataAddBenchmark {
  /** Files of 64 MiB. */
  @Param({"16"})
  public int files;

  private Path source;
  private Path project;

  @Setup(Level.Trial)
  public void generate() throws IOException {
    source = Files.createTempDirectory(Path.of("/tmp"), "mlops-data-add-src").toRealPath();
    for (int i = 0; i < files; i++) {
      writeRandom(source.resolve("part-" + i + ".bin"), 64L << 20, i);
    }
    System.out.println("\nsource files for the sha256sum peer: " + source);
  }

  @Setup(Level.Invocation)
  public void newProject() throws IOException {
    project = Files.createTempDirectory(Path.of("/tmp"), "mlops-data-add").toRealPath();
    Path data = Files.createDirectories(project.resolve("data/big"));
    try (var s = Files.list(source)) {
      for (Path f : (Iterable<Path>) s::iterator) {
        Files.createLink(data.resolve(f.getFileName()), f);
      }
    }
  }

  @TearDown(Level.Invocation)
  public void dropProject() throws IOException {
    AtomicFiles.deleteRecursively(project);
  }

  @TearDown(Level.Trial)
  public void dropSource() throws IOException {
    if (!Boolean.getBoolean("mlops.bench.keep")) {
      AtomicFiles.deleteRecursively(source);
    }
  }

  @Benchmark
  public DataPointer add1GiB() {
    return Data.create(project).add(Path.of("data/big"));
  }

  static void writeRandom(Path file, long size, long seed) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    byte[] chunk = new byte[8 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long left = size; left > 0; ) {
        for (int i = 0; i < chunk.length; i += 8) {
          long v = rnd.nextLong();
          for (int b = 0; b < 8; b++) {
            chunk[i + b] = (byte) (v >>> (8 * b));
          }
        }
        int n = (int) Math.min(left, chunk.length);
        out.write(chunk, 0, n);
        left -= n;
      }
    }
  }
}
