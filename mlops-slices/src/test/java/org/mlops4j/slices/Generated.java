package org.mlops4j.slices;

import java.util.SplittableRandom;

/** Generated data with planted failing slices, for the tests. */
final class Generated {
  private Generated() {}

  /**
   * 20000 rows: x uniform in [0, 100), colour uniform in 4 values, shape uniform in 3 values; the
   * error rate is 0.4 where x &gt;= 80 and 0.1 elsewhere (overall about 0.16).
   */
  static SliceData numericRange(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = 20_000;
    double[] x = new double[n];
    String[] colour = new String[n];
    String[] shape = new String[n];
    boolean[] err = new boolean[n];
    String[] colours = {"red", "green", "blue", "grey"};
    String[] shapes = {"round", "square", "flat"};
    for (int i = 0; i < n; i++) {
      x[i] = 100 * rnd.nextDouble();
      colour[i] = colours[rnd.nextInt(colours.length)];
      shape[i] = shapes[rnd.nextInt(shapes.length)];
      err[i] = rnd.nextDouble() < (x[i] >= 80 ? 0.4 : 0.1);
    }
    return SliceData.ofErrors(err)
        .feature("x", x)
        .feature("colour", colour)
        .feature("shape", shape);
  }

  /**
   * 20000 rows, a and b uniform in {p, q}, noise uniform in 5 values: the error rate is 0.30 where
   * a equals b and 0.10 where they differ, so every single value has the overall rate 0.2 and only
   * the two conjunctions a=p|b=p and a=q|b=q fail.
   */
  static SliceData interaction(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = 20_000;
    String[] a = new String[n];
    String[] b = new String[n];
    int[] noise = new int[n];
    int[] labels = new int[n];
    int[] predictions = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = rnd.nextBoolean() ? "p" : "q";
      b[i] = rnd.nextBoolean() ? "p" : "q";
      noise[i] = rnd.nextInt(5);
      labels[i] = rnd.nextInt(3);
      boolean wrong = rnd.nextDouble() < (a[i].equals(b[i]) ? 0.30 : 0.10);
      predictions[i] = wrong ? (labels[i] + 1) % 3 : labels[i];
    }
    return SliceData.of(labels, predictions)
        .feature("a", a)
        .feature("b", b)
        .feature("noise", noise);
  }
}
