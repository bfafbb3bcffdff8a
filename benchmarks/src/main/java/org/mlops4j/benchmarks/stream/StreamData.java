package org.mlops4j.benchmarks.stream;

import java.util.SplittableRandom;

/** Seeded inputs shared by the stream benchmarks (same values for mlops4j and MOA). */
final class StreamData {

  /** Values per benchmark invocation. */
  static final int BATCH = 1 << 14;

  private StreamData() {}

  /** Bernoulli(0.1) error indicators. */
  static double[] errors(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] xs = new double[BATCH];
    for (int i = 0; i < BATCH; i++) {
      xs[i] = r.nextDouble() < 0.1 ? 1 : 0;
    }
    return xs;
  }

  /** Standard normal values (Box–Muller). */
  static double[] gaussian(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] xs = new double[BATCH];
    for (int i = 0; i < BATCH; i++) {
      double u1 = r.nextDouble();
      double u2 = r.nextDouble();
      xs[i] = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
    return xs;
  }

  /**
   * Normal values whose mean alternates: N(0,1) in the first half of the batch, N(1,1) in the
   * second, so that ADWIN cuts about twice per batch and its window stays below ~16,000.
   */
  static double[] alternating(long seed) {
    double[] xs = gaussian(seed);
    for (int i = BATCH / 2; i < BATCH; i++) {
      xs[i] += 1.0;
    }
    return xs;
  }
}
