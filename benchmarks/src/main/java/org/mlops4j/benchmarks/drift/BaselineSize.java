package org.mlops4j.benchmarks.drift;

import java.nio.charset.StandardCharsets;
import org.mlops4j.drift.Columns;
import org.mlops4j.drift.DriftBaseline;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.internal.QuantileSketch;

/**
 * Prints the serialized sizes of drift baselines of one large numeric column: the JSON of a
 * baseline that keeps the sorted sample versus one that keeps a KLL sketch (k = 200), and the raw
 * KLL serialization.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * org.mlops4j.benchmarks.drift.BaselineSize}.
 */
public final class BaselineSize {
  private BaselineSize() {}

  public static void main(String[] args) {
    for (int n : new int[] {1_000_000, 10_000_000}) {
      double[] x = DriftData.sample(7, n, 0.0, 1.0);
      Columns c = Columns.builder().numeric("x", x).build();
      DriftBaseline sk = DriftDetector.builder().sketchAbove(1000).build().fit(c);
      int skBytes = sk.toJson().getBytes(StandardCharsets.UTF_8).length;
      int kll = QuantileSketch.create().addAll(x).serializedSize();
      String line =
          String.format(
              "n=%,d: KLL-sketched baseline JSON %,d bytes (KLL alone %,d bytes)", n, skBytes, kll);
      if (n <= 1_000_000) {
        DriftBaseline full = DriftDetector.defaults().fit(c);
        line +=
            String.format(
                "; sorted-sample baseline JSON %,d bytes",
                full.toJson().getBytes(StandardCharsets.UTF_8).length);
      }
      System.out.println(line);
    }
  }
}
