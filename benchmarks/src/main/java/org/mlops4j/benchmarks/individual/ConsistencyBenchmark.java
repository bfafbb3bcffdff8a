package org.mlops4j.benchmarks.individual;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mlops4j.fairness.individual.Consistency;
import org.mlops4j.fairness.individual.ConsistencyResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Consistency (Zemel et al. 2013, k = 5 neighbours including self, Euclidean) of 100,000 rows of 10
 * standard-normal features, single shot per iteration, on all cores of the common pool:
 *
 * <ul>
 *   <li>{@code exact} &mdash; every row's neighbours, k-d tree ({@code
 *       Consistency.builder().exact()});
 *   <li>{@code defaults} &mdash; the defaults, which above 50,000 rows sample 25,000 query rows
 *       (error bound 0.0074 at 95% for 0/1 predictions).
 * </ul>
 *
 * <p>Python peer: {@code benchmarks/python/individual_consistency_peer.py} (scipy {@code cKDTree}
 * build + {@code query(X, k=5)}), which also writes the data set it uses to {@code
 * /tmp/individual_100k.f64}; pass it with {@code -p dataFile=...} to time the same rows (without
 * it, the benchmark draws its own normal rows). Run both in the same shell session:
 *
 * <pre>
 * mvn -B -q -o -pl benchmarks -am package -DskipTests
 * (unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE; python3 benchmarks/python/individual_consistency_peer.py)
 * java -jar benchmarks/target/benchmarks.jar 'individual.ConsistencyBenchmark' -f 1 -wi 1 -i 3 \
 *     -p dataFile=/tmp/individual_100k.f64
 * </pre>
 *
 * Results and ratios: docs/perf/individual.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ConsistencyBenchmark {

  /** Raw little-endian float64 file of rows x 11 (10 features, then the prediction); "" = draw. */
  @Param({""})
  String dataFile;

  @Param({"100000"})
  int rows;

  private double[][] x;
  private double[] y;

  @Setup(Level.Trial)
  public void load() throws IOException {
    int d = 10;
    x = new double[rows][d];
    y = new double[rows];
    if (!dataFile.isEmpty()) {
      ByteBuffer buf =
          ByteBuffer.wrap(Files.readAllBytes(Path.of(dataFile))).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < d; j++) {
          x[i][j] = buf.getDouble();
        }
        y[i] = buf.getDouble();
      }
    } else {
      SplittableRandom random = new SplittableRandom(20261126);
      for (int i = 0; i < rows; i++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          x[i][j] = gaussian(random);
          s += x[i][j];
        }
        y[i] = s + 0.5 * gaussian(random) > 0 ? 1 : 0;
      }
    }
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller, one draw per call
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  @Benchmark
  public ConsistencyResult exact() {
    return Consistency.builder().exact().build().audit(x, y);
  }

  @Benchmark
  public ConsistencyResult defaults() {
    return Consistency.defaults().audit(x, y);
  }
}
