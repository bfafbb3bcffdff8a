package org.mlops4j.benchmarks.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/** Helpers shared by the tracking benchmarks: realistic metric values and temp-store cleanup. */
final class TrackingBenchmarkSupport {

  static final int VALUES = 1 << 16;

  private TrackingBenchmarkSupport() {}

  /** Loss-like values: uniform doubles in [0, 1), mostly 16-17 significant digits. */
  static double[] values() {
    SplittableRandom r = new SplittableRandom(42);
    double[] v = new double[VALUES];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextDouble();
    }
    return v;
  }

  static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
