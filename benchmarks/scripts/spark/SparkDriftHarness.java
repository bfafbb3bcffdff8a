package org.mlops4j.benchmarks.spark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.mlops4j.drift.CategoryCounts;
import org.mlops4j.drift.ColumnSummaries;
import org.mlops4j.drift.Columns;
import org.mlops4j.drift.DriftBaseline;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.NumericSummary;
import org.mlops4j.spark.SparkDrift;
import org.mlops4j.spark.internal.TableAggregator;

/**
 * A drift report over 20 numeric and 10 categorical columns of N rows per side, one configuration
 * per process (so that each has its own peak heap and resident set): {@code jvm} ({@code
 * DriftDetector.compare} on arrays in one JVM) or {@code spark <cores>} ({@code SparkDrift.compare}
 * on cached DataFrames in Spark local mode, {@code local[cores]}). Prints the wall time of every
 * call (the first is a warm-up), the peak heap (sum of the heap pools' peaks during the calls) and
 * the process's peak resident set ({@code VmHWM}). For Spark it then times the aggregation pass
 * alone over each table (the per-partition work and the merge of the partitions' states), so that
 * the rest of a call is the driver's: the fit and the tests from the merged states.
 *
 * <p>Not JMH: a Spark job is seconds long and runs its own threads, so one measured call is the
 * unit. The data have the same distributions on both sides (numeric: standard normal, the first 4
 * columns of the current shifted by 0.1; categorical: 20 labels, uniform, the first 2 of the current
 * skewed), drawn by Spark's rand/randn for Spark and by SplittableRandom for the JVM.
 *
 * <p>Run: {@code java <spark jvm options> -Xmx12g -cp <classpath>
 * org.mlops4j.benchmarks.spark.SparkDriftHarness <rows> <calls> jvm|spark <cores> [partitions]|driver}
 */
public final class SparkDriftHarness {
  private static final int NUMERIC = 20;
  private static final int CATEGORICAL = 10;

  private SparkDriftHarness() {}

  /**
   * @param args rows per side, calls (the first a warm-up), {@code jvm} or {@code spark}, cores,
   *     partitions (default 8)
   */
  public static void main(String[] args) {
    int rows = Integer.parseInt(args[0]);
    int calls = Integer.parseInt(args[1]);
    String mode = args[2];
    System.out.printf(
        Locale.ROOT,
        "rows per side %,d, %d numeric + %d categorical columns, mode %s%n",
        rows,
        NUMERIC,
        CATEGORICAL,
        String.join(" ", List.of(args).subList(2, args.length)));
    if (mode.equals("driver")) {
      driver(rows, calls);
    } else if (mode.equals("jvm")) {
      long t0 = System.nanoTime();
      Columns ref = jvmColumns(rows, false, 1);
      Columns cur = jvmColumns(rows, true, 2);
      System.out.printf(Locale.ROOT, "data in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      System.gc();
      resetPeak();
      run(calls, () -> DriftDetector.defaults().compare(ref, cur));
      System.out.printf(Locale.ROOT, "peak heap %,d MB%n", peakMb());
    } else {
      int cores = Integer.parseInt(args[3]);
      int partitions = args.length > 4 ? Integer.parseInt(args[4]) : 8;
      SparkSession spark =
          SparkSession.builder()
              .master("local[" + cores + "]")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", String.valueOf(cores))
              .config("spark.driver.host", "127.0.0.1")
              .getOrCreate();
      spark.sparkContext().setLogLevel("ERROR");
      long t0 = System.nanoTime();
      Dataset<Row> r = sparkFrame(spark, rows, false, 1, partitions).cache();
      Dataset<Row> c = sparkFrame(spark, rows, true, 2, partitions).cache();
      r.count();
      c.count();
      System.out.printf(Locale.ROOT, "data cached in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      System.gc();
      resetPeak();
      run(calls, () -> SparkDrift.defaults().compare(r, c));
      System.out.printf(Locale.ROOT, "peak heap %,d MB%n", peakMb());
      for (int i = 0; i < 2; i++) {
        double ref = pass(r);
        double cur = pass(c);
        System.out.printf(
            Locale.ROOT, "aggregation pass alone: reference %.2f s, current %.2f s%n", ref, cur);
      }
      spark.stop();
    }
    System.out.printf(
        Locale.ROOT,
        "peak RSS %s, load average %.2f%n",
        vmHwm(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /**
   * The driver's share of a Spark call without Spark: the merged states of both tables (20 KLL
   * sketches, k = 200, of {@code rows} values each; 10 label counts; the current's exact bin counts)
   * turned into a baseline ({@code DriftDetector.fit(ColumnSummaries)}) and a report ({@code
   * DriftBaseline.compare(ColumnSummaries)}).
   */
  private static void driver(int rows, int calls) {
    SplittableRandom rnd = new SplittableRandom(3);
    KllDoublesSketch[][] sketches = new KllDoublesSketch[2][NUMERIC];
    long t0 = System.nanoTime();
    for (int side = 0; side < 2; side++) {
      for (int j = 0; j < NUMERIC; j++) {
        KllDoublesSketch k = KllDoublesSketch.newHeapInstance(200);
        double shift = side == 1 && j < 4 ? 0.1 : 0.0;
        for (int i = 0; i < rows; i++) {
          k.update(gaussian(rnd) + shift);
        }
        sketches[side][j] = k;
      }
    }
    System.out.printf(Locale.ROOT, "sketches in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    double best = Double.MAX_VALUE;
    for (int c = 0; c < calls; c++) {
      long t1 = System.nanoTime();
      ColumnSummaries.Builder ref = ColumnSummaries.builder();
      for (int j = 0; j < NUMERIC; j++) {
        ref.numeric("x" + j, NumericSummary.of(sketches[0][j].toByteArray(), 0, 0, 0, 0, 0, 1));
      }
      for (int j = 0; j < CATEGORICAL; j++) {
        ref.categorical("s" + j, labels(rows, false));
      }
      DriftBaseline baseline = DriftDetector.defaults().fit(ref.build());
      ColumnSummaries.Builder cur = ColumnSummaries.builder();
      for (int j = 0; j < NUMERIC; j++) {
        double[] edges = baseline.histogram("x" + j).edges();
        long[] bins = new long[edges.length + 1];
        bins[0] = rows; // counts over the edges: any split summing to the count
        cur.numeric(
            "x" + j,
            NumericSummary.of(sketches[1][j].toByteArray(), 0, 0, 0, 0, 0.1, 1)
                .withBins(edges, bins));
      }
      for (int j = 0; j < CATEGORICAL; j++) {
        cur.categorical("s" + j, labels(rows, j < 2));
      }
      DriftReport report = baseline.compare(cur.build());
      double t = (System.nanoTime() - t1) / 1e9;
      best = Math.min(best, t);
      System.out.printf(
          Locale.ROOT,
          "  driver call %d: %.3f s (%d of %d features drifted)%n",
          c + 1,
          t,
          report.driftedCount(),
          report.features().size());
    }
    System.out.printf(Locale.ROOT, "driver best %.3f s%n", best);
  }

  /** Label counts of 20 labels over n rows: uniform, or tilted towards the first labels. */
  private static CategoryCounts labels(int n, boolean skewed) {
    CategoryCounts c = CategoryCounts.create();
    long left = n;
    for (int k = 0; k < 20; k++) {
      // P(floor(20 u^p) = k) = ((k+1)/20)^(1/p) - (k/20)^(1/p)
      double p = skewed ? 1.2 : 1.0;
      long count =
          k == 19
              ? left
              : Math.round(n * (Math.pow((k + 1) / 20.0, 1 / p) - Math.pow(k / 20.0, 1 / p)));
      c.add("c" + k, count);
      left -= count;
    }
    return c;
  }

  /** One aggregation over a table's 30 columns, as SparkDrift's pass over a reference. */
  private static double pass(Dataset<Row> df) {
    boolean[] numeric = new boolean[NUMERIC + CATEGORICAL];
    for (int j = 0; j < NUMERIC; j++) {
      numeric[j] = true;
    }
    List<String> names = List.of(df.columns());
    long t0 = System.nanoTime();
    TableAggregator.run(df, names, new TableAggregator(numeric, 200, 100_000, null, false));
    return (System.nanoTime() - t0) / 1e9;
  }

  private static void run(int calls, Supplier<DriftReport> call) {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < calls; i++) {
      long t0 = System.nanoTime();
      DriftReport report = call.get();
      double t = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "  call %d%s: %.2f s (%d of %d features drifted)%n",
          i + 1,
          i == 0 && calls > 1 ? " (warm-up)" : "",
          t,
          report.driftedCount(),
          report.features().size());
      if (i > 0 || calls == 1) {
        best = Math.min(best, t);
      }
    }
    System.out.printf(Locale.ROOT, "best %.2f s%n", best);
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

  private static String vmHwm() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return String.format(Locale.ROOT, "%,d MB", kb >> 10);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return "unknown (" + e.getMessage() + ")";
    }
    return "unknown";
  }
}
