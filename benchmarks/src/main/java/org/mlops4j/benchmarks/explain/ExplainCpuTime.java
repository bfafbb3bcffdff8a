package org.mlops4j.benchmarks.explain;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The single-thread CPU time (ThreadMXBean, so that other processes on a loaded machine do not
 * count) of the {@link ExplainBenchmark} workloads with {@code threads = 1}: median of 7 runs after
 * 3 warm-up runs. Run from the benchmarks jar:
 *
 * <pre>
 * java -cp /tmp/explain-bench.jar org.mlops4j.benchmarks.explain.ExplainCpuTime
 * </pre>
 *
 * Results: docs/perf/explain.md.
 */
public final class ExplainCpuTime {
  private ExplainCpuTime() {}

  /**
   * Prints the median CPU time of each workload.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    ExplainBenchmark b = new ExplainBenchmark();
    b.threads = 1;
    b.setUp();
    time(
        "mlpCall x 100,000 (per call)",
        100_000,
        () -> {
          double s = 0;
          for (int i = 0; i < 100_000; i++) {
            s += b.mlpCall();
          }
          return s;
        });
    time("exactShap10", 1, b::exactShap10);
    time("exactShap10Summarized20", 1, b::exactShap10Summarized20);
    time("sampledShap30", 1, b::sampledShap30);
    time("permutationImportance", 1, b::permutationImportance);
    time("modelCallsOnly", 1, b::modelCallsOnly);
  }

  private static void time(String name, int per, Supplier<?> work) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    int runs = 10;
    double[] ms = new double[runs];
    Object sink = null;
    for (int r = 0; r < runs; r++) {
      long t0 = mx.getCurrentThreadCpuTime();
      sink = work.get();
      ms[r] = (mx.getCurrentThreadCpuTime() - t0) / 1e6 / per;
    }
    double[] measured = java.util.Arrays.copyOfRange(ms, 3, runs);
    java.util.Arrays.sort(measured);
    System.out.printf(
        Locale.ROOT,
        "%-32s CPU median %.6g ms (min %.6g, max %.6g) %s%n",
        name,
        measured[measured.length / 2],
        measured[0],
        measured[measured.length - 1],
        sink == null ? "" : "");
  }
}
