package org.mlops4j.benchmarks.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.mlops4j.api.internal.AtomicFiles;

/** Generated data for the pipeline benchmarks, always under /tmp (or {@code -Dmlops.bench.dir}). */
final class BenchFiles {
  private BenchFiles() {}

  static Path newDir(String prefix) throws IOException {
    Path base = Path.of(System.getProperty("mlops.bench.dir", "/tmp"));
    return Files.createTempDirectory(base, prefix).toRealPath();
  }

  /** Writes {@code size} pseudo-random bytes (seeded) in 8 MiB chunks. */
  static void writeRandom(Path file, long size, long seed) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    byte[] chunk = new byte[8 << 20];
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      long left = size;
      while (left > 0) {
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

  static void delete(Path dir) throws IOException {
    if (dir != null) {
      // cache objects are read-only; as a non-root user make them writable's parent deletable
      AtomicFiles.deleteRecursively(dir);
    }
  }
}
