package org.mlops4j.benchmarks.privacy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.mlops4j.privacy.PseudonymKey;
import org.mlops4j.privacy.Pseudonymizer;

/**
 * The single-thread CPU time (ThreadMXBean, so that other processes on a loaded machine do not
 * count) of pseudonymising 1,000,000 identifiers and of turning them back, as in {@link
 * PseudonymizeBenchmark}: median of 7 runs after 3 warm-up runs, with the wall time beside it. Run
 * from the benchmarks jar:
 *
 * <pre>
 * java -cp /tmp/privacy-bench.jar org.mlops4j.benchmarks.privacy.PseudonymizeCpuTime
 * </pre>
 *
 * Results: docs/perf/privacy.md.
 */
public final class PseudonymizeCpuTime {
  private PseudonymizeCpuTime() {}

  /**
   * Prints the median CPU and wall time per million.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Pseudonymizer p = Pseudonymizer.builder(PseudonymKey.generate()).domain("customer_id").build();
    int n = 1_000_000;
    String[] ids = new String[n];
    String[] tokens = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = String.format("C-%07d", i);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (String what : new String[] {"pseudonymize", "reidentify"}) {
      double[] cpu = new double[10];
      double[] wall = new double[10];
      long sink = 0;
      for (int r = 0; r < 10; r++) {
        long c0 = mx.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          if (what.equals("pseudonymize")) {
            tokens[i] = p.pseudonymize(ids[i]);
            sink += tokens[i].length();
          } else {
            sink += p.reidentify(tokens[i]).length();
          }
        }
        cpu[r] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        wall[r] = (System.nanoTime() - w0) / 1e9;
      }
      double[] c = Arrays.copyOfRange(cpu, 3, 10);
      double[] w = Arrays.copyOfRange(wall, 3, 10);
      Arrays.sort(c);
      Arrays.sort(w);
      System.out.printf(
          Locale.ROOT,
          "%-13s 1,000,000 ids: CPU %.3f s (min %.3f, max %.3f), wall %.3f s  [%d]%n",
          what,
          c[3],
          c[0],
          c[6],
          w[3],
          sink);
    }
  }
}
