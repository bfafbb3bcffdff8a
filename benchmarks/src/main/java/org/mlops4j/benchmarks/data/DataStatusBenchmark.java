package org.mlops4j.benchmarks.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.pipeline.Data;
import org.mlops4j.pipeline.DataStatus;
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
 * {@code Data.status()} of a folder of 10,000 unchanged small files (100 folders of 100), tracked
 * by one pointer (target: under 200 ms warm). Nothing is read: each file is lstat()ed and its hash
 * looked up by (size, mtime, inode); the folder's manifest is rebuilt and compared, and the cache
 * checked for the manifest and its 10,000 objects. {@code sameObject} reuses one {@code Data};
 * {@code newObject} builds one per call (known hashes read from {@code .mlops/state.bin}).
 *
 * <p>Run: {@code java -jar benchmarks.jar 'data\.DataStatusBenchmark' -f 1 -wi 3 -i 5 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DataStatusBenchmark {
  private Path project;
  private Data data;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    project = Files.createTempDirectory(Path.of("/tmp"), "mlops-data-status").toRealPath();
    for (int d = 0; d < 100; d++) {
      Path dir = Files.createDirectories(project.resolve("data/small/d" + d));
      for (int f = 0; f < 100; f++) {
        Files.writeString(dir.resolve("f" + f + ".txt"), "row " + d + "," + f + "\n");
      }
    }
    data = Data.create(project);
    data.add(Path.of("data/small"));
    if (!data.status().clean()) {
      throw new IllegalStateException("status after add is not clean");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    AtomicFiles.deleteRecursively(project);
  }

  @Benchmark
  public DataStatus sameObject() {
    return data.status();
  }

  @Benchmark
  public DataStatus newObject() {
    return Data.create(project).status();
  }
}
