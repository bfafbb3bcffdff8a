package org.mlops4j.benchmarks.drift;

import java.util.SplittableRandom;

/** Benchmark data: bell-shaped values (u1 + u2 + u3 + u4 - 2) * scale + shift, fixed seeds. */
final class DriftData {
  private DriftData() {}

  static double[] sample(long seed, int n, double shift, double scale) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] =
          (r.nextDouble() + r.nextDouble() + r.nextDouble() + r.nextDouble() - 2.0) * scale + shift;
    }
    return out;
  }
}
