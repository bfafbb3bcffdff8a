package org.mlops4j.drift.stream;

import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Seeded synthetic streams shared by the detector tests (the MOA cross-checks used the same code).
 */
final class Streams {

  private Streams() {}

  /** One standard normal value per call: Box–Muller on two uniforms, cosine branch only. */
  static double gauss(SplittableRandom r) {
    double u1 = r.nextDouble();
    double u2 = r.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Bernoulli error indicator: 1 with probability p. */
  static double bernoulli(SplittableRandom r, double p) {
    return r.nextDouble() < p ? 1 : 0;
  }

  /** Result of running a detector over a stream with one change point. */
  record Run(int firstDriftAfterChange, int driftsBeforeChange) {}

  /** Bernoulli error rate 0.1 until {@code change}, 0.4 after, {@code length} values. */
  static Run bernoulliShift(ConceptDriftDetector d, long seed, int change, int length) {
    SplittableRandom r = new SplittableRandom(seed);
    int first = -1;
    int before = 0;
    for (int i = 0; i < length; i++) {
      double x = bernoulli(r, i >= change ? 0.4 : 0.1);
      if (d.update(x) == DriftState.DRIFT) {
        if (i < change) {
          before++;
        } else if (first < 0) {
          first = i;
        }
      }
    }
    return new Run(first, before);
  }

  /** Maximum detection delay over seeds {@code 1000..1000+seeds-1} of {@link #bernoulliShift}. */
  static int maxBernoulliDelay(Supplier<? extends ConceptDriftDetector> f, int seeds) {
    int max = -1;
    for (int s = 0; s < seeds; s++) {
      Run run = bernoulliShift(f.get(), 1000 + s, 2000, 4000);
      if (run.firstDriftAfterChange() < 0) {
        return Integer.MAX_VALUE;
      }
      max = Math.max(max, run.firstDriftAfterChange() - 2000);
    }
    return max;
  }

  /** Number of drifts on a stationary stream of {@code n} values. */
  static int stationaryDrifts(ConceptDriftDetector d, long seed, int n, boolean gaussian) {
    SplittableRandom r = new SplittableRandom(seed);
    int drifts = 0;
    for (int i = 0; i < n; i++) {
      double x = gaussian ? gauss(r) : bernoulli(r, 0.1);
      if (d.update(x) == DriftState.DRIFT) {
        drifts++;
      }
    }
    return drifts;
  }
}
