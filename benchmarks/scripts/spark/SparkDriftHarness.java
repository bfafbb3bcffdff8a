package org.mlops4j.benchmarks.spark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.mlops4j.drift.Columns;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.spark.SparkDrift;

/**
 * A drift report over 20 numeric and 10 categorical columns of N rows per side: one JVM ({@code
 * DriftDetector.compare} on arrays) against Spark local mode with 1 and 2 cores ({@code
 * SparkDrift.compare} on cached DataFrames), wall time of the best of {@code reps} runs after one
 * warm-up, and the peak heap. Not JMH: a Spark job is seconds long and runs its own threads, so one
 * measured call is the unit. The data have the same distributions on both sides (numeric: standard
 * normal, the first 4 columns of the current shifted by 0.1; categorical: 20 labels, uniform, the
 * first 2 of the current skewed), drawn by Spark's rand/randn for Spark and by SplittableRandom for
 * the JVM.
 *
 * <p>Run: {@code java <spark jvm options> -Xmx6g -cp <classpath> \
 * org.mlops4j.benchmarks.spark.SparkDriftHarness 1000000 3}
 */
public final class SparkDriftHarness {
  private static final int NUMERIC = 20;
  private static final int CATEGORICAL = 10;

  private SparkDriftHarness() {}

  /**
   * @param args rows per side (default 1,000,000), repetitions (default 3)
   */
  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    System.out.printf(
        Locale.ROOT,
        "rows per side %d, %d numeric + %d categorical columns%n",
        rows,
        NUMERIC,
        CATEGORICAL);

    Columns ref = jvmColumns(rows, false, 1);
    Columns cur = jvmColumns(rows, true, 2);
    resetPeak();
    double jvm = best(reps, () -> DriftDetector.defaults().compare(ref, cur));
    System.out.printf(Locale.ROOT, "jvm          best %8.2f s  peak heap %6d MB%n", jvm, peakMb());

    for (int cores : new int[] {1, 2}) {
      SparkSession spark =
          SparkSession.builder()
              .master("local[" + cores + "]")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", String.valueOf(cores))
              .config("spark.driver.host", "127.0.0.1")
              .getOrCreate();
      spark.sparkContext().setLogLevel("ERROR");
      Dataset<Row> r = sparkFrame(spark, rows, false, 1, cores).cache();
      Dataset<Row> c = sparkFrame(spark, rows, true, 2, cores).cache();
      r.count();
      c.count();
      System.gc();
      resetPeak();
      double t = best(reps, () -> SparkDrift.defaults().compare(r, c));
      System.out.printf(
          Locale.ROOT, "spark local[%d] best %8.2f s  peak heap %6d MB%n", cores, t, peakMb());
      spark.stop();
    }
    System.out.printf(
        Locale.ROOT,
        "load average %.2f%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static double best(int reps, java.util.function.Supplier<DriftReport> run) {
    DriftReport warm = run.get();
    System.out.printf(
        Locale.ROOT,
        "  (warm-up: %d of %d features drifted)%n",
        warm.driftedCount(),
        warm.features().size());
    double best = Double.MAX_VALUE;
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      run.get();
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
    }
    return best;
  }

  static Columns jvmColumns(int rows, boolean current, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Columns.Builder b = Columns.builder();
    for (int j = 0; j < NUMERIC; j++) {
      double shift = current && j < 4 ? 0.1 : 0.0;
      double[] x = new double[rows];
      for (int i = 0; i < rows; i++) {
        x[i] = gaussian(rnd) + shift;
      }
      b.numeric("x" + j, x);
    }
    String[] labels = new String[20];
    for (int k = 0; k < labels.length; k++) {
      labels[k] = "c" + k;
    }
    for (int j = 0; j < CATEGORICAL; j++) {
      double power = current && j < 2 ? 1.2 : 1.0;
      String[] s = new String[rows];
      for (int i = 0; i < rows; i++) {
        s[i] = labels[(int) Math.floor(Math.pow(rnd.nextDouble(), power) * 20)];
      }
      b.categorical("s" + j, s);
    }
    return b.build();
  }

  private static double gaussian(SplittableRandom rnd) {
    // Box-Muller
    double u = 1.0 - rnd.nextDouble();
    double v = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  static Dataset<Row> sparkFrame(
      SparkSession spark, int rows, boolean current, long seed, int partitions) {
    List<Column> cols = new ArrayList<>();
    for (int j = 0; j < NUMERIC; j++) {
      double shift = current && j < 4 ? 0.1 : 0.0;
      cols.add(functions.randn(seed * 1000 + j).plus(shift).as("x" + j));
    }
    for (int j = 0; j < CATEGORICAL; j++) {
      double power = current && j < 2 ? 1.2 : 1.0;
      cols.add(
          functions
              .concat(
                  functions.lit("c"),
                  functions
                      .floor(
                          functions.pow(functions.rand(seed * 1000 + 100 + j), power).multiply(20))
                      .cast("int")
                      .cast("string"))
              .as("s" + j));
    }
    return spark.range(0, rows, 1, partitions).select(cols.toArray(new Column[0]));
  }

  private static void resetPeak() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  private static long peakMb() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum >> 20;
  }
}
