package org.mlops4j.benchmarks.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.registry.ModelRegistry;
import org.mlops4j.registry.ModelVersion;
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
 * The model registry's two costs that matter (issue 13):
 *
 * <ul>
 *   <li>{@code register100MB}: registering a version whose artifact is a 100 MiB file of random
 *       bytes: the file is read once, hashed (SHA-256) while it is copied into the model's
 *       content-addressed store, then linked into the version; {@code sha256Only100MB} is the
 *       hashing alone (JDK {@code MessageDigest}, 64 KiB reads of the same file) and the shell peer
 *       is {@code sha256sum} on the same file (run after the benchmark, see docs/perf/registry.md);
 *   <li>{@code resolveAliasAndLoad}: {@code registry.load("small", "champion", loader)} of a
 *       registered 16 KiB model: read the alias, the version's {@code meta.yaml} and {@code
 *       mlops4j.json}, hash the file and hand it to a loader that reads its bytes (warm: the files
 *       are in the page cache).
 * </ul>
 *
 * The store lives in a new folder under {@code -Dmlops.bench.dir} (default {@code java.io.tmpdir}),
 * deleted at the end. Run: {@code java -jar benchmarks.jar 'registry\..*' -f 1 -wi 3 -i 5 -w 1s -r
 * 1s}.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RegistryBenchmark {

  private Path dir;
  private Path big;
  private ModelRegistry registry;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path base =
        Path.of(System.getProperty("mlops.bench.dir", System.getProperty("java.io.tmpdir")));
    dir = Files.createTempDirectory(base, "mlops-registry-bench").toRealPath();
    byte[] data = new byte[100 << 20];
    new SplittableRandom(1).nextBytes(data);
    big = Files.write(dir.resolve("big.bin"), data);
    byte[] small = new byte[16 << 10];
    new SplittableRandom(2).nextBytes(small);
    Path smallFile = Files.write(dir.resolve("small.bin"), small);
    registry = ModelRegistry.open(dir.resolve("mlruns"));
    ModelVersion v = registry.newVersion("small").artifact("model.bin", smallFile).register();
    registry.setAlias("small", "champion", v.version(), "benchmark");
    System.out.println("\n[registry] big file for sha256sum: " + big);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    AtomicFiles.deleteRecursively(dir);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  public ModelVersion register100MB() {
    return registry.newVersion("big").artifact("model.bin", big).register();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  public byte[] sha256Only100MB() throws IOException, NoSuchAlgorithmException {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    byte[] buf = new byte[64 << 10];
    try (InputStream in = Files.newInputStream(big)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return md.digest();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int resolveAliasAndLoad() {
    return registry.load(
        "small", "champion", (d, v) -> Files.readAllBytes(d.resolve("model.bin")).length);
  }
}
