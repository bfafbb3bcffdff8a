package org.mlops4j.benchmarks.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.core.tracking.LocalTracker;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The store lifecycle shared by the tracking benchmarks: a temporary store per trial, a new run per
 * iteration (its files deleted afterwards to keep the disk small), and realistic metric values.
 */
abstract class TrackingBenchmarkSupport {

  static final int VALUES = 1 << 16;

  private Path dir;
  private LocalTracker tracker;
  Run run;
  private double[] values;
  long step;

  /**
   * @return the name of the runs this benchmark starts
   */
  abstract String runName();

  /**
   * @return the value to log at {@code step}, cycling through {@link #VALUES} values
   */
  final double value(long step) {
    return values[(int) (step & (VALUES - 1))];
  }

  @Setup(Level.Trial)
  public void openStore() throws IOException {
    dir = Files.createTempDirectory("mlops4j-bench");
    tracker = LocalTracker.open(dir.resolve("mlruns"));
    values = values();
  }

  @Setup(Level.Iteration)
  public void startRun() {
    run = tracker.startRun("bench", runName());
  }

  @TearDown(Level.Iteration)
  public void endRun() {
    run.close();
    deleteRecursively(tracker.root().resolve(run.experimentId()).resolve(run.id()));
  }

  @TearDown(Level.Trial)
  public void closeStore() {
    tracker.close();
    deleteRecursively(dir);
  }

  /** Loss-like values: uniform doubles in [0, 1), mostly 16-17 significant digits. */
  private static double[] values() {
    SplittableRandom r = new SplittableRandom(42);
    double[] v = new double[VALUES];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextDouble();
    }
    return v;
  }

  private static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
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
