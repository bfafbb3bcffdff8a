package org.mlops4j.explain.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means with k-means++ seeding (Arthur and Vassilvitskii 2007) and Lloyd's iterations, seeded, so
 * the same data and seed give the same centres: the background summary of Kernel SHAP (as the
 * {@code shap.kmeans} of the shap library, which weights each centre by its cluster's size).
 */
public final class KMeans {
  private KMeans() {}

  /** The centres and their weights (cluster size / rows). */
  public record Summary(double[][] centres, double[] weights) {}

  /**
   * @param x the rows
   * @param k the number of centres (all rows, equally weighted, when k &ge; rows)
   * @param seed the seed of the k-means++ draws
   * @return the centres, in the order they were seeded, and their weights
   */
  public static Summary summarize(double[][] x, int k, long seed) {
    int n = x.length;
    if (k >= n) {
      double[] w = new double[n];
      Arrays.fill(w, 1.0 / n);
      double[][] c = new double[n][];
      for (int i = 0; i < n; i++) {
        c[i] = x[i].clone();
      }
      return new Summary(c, w);
    }
    int d = x[0].length;
    SplittableRandom random = new SplittableRandom(seed);
    double[][] centres = new double[k][];
    centres[0] = x[random.nextInt(n)].clone();
    double[] dist = new double[n];
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    for (int c = 1; c < k; c++) {
      double total = 0;
      for (int i = 0; i < n; i++) {
        dist[i] = Math.min(dist[i], sq(x[i], centres[c - 1]));
        total += dist[i];
      }
      int pick = n - 1;
      if (total > 0) {
        double u = random.nextDouble() * total;
        double acc = 0;
        for (int i = 0; i < n; i++) {
          acc += dist[i];
          if (acc > u) {
            pick = i;
            break;
          }
        }
      } else {
        pick = random.nextInt(n);
      }
      centres[c] = x[pick].clone();
    }
    int[] assign = new int[n];
    Arrays.fill(assign, -1);
    int[] count = new int[k];
    for (int iter = 0; iter < 100; iter++) {
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        int best = 0;
        double bd = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          double s = sq(x[i], centres[c]);
          if (s < bd) {
            bd = s;
            best = c;
          }
        }
        if (assign[i] != best) {
          assign[i] = best;
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
      double[][] sum = new double[k][d];
      Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[assign[i]]++;
        for (int j = 0; j < d; j++) {
          sum[assign[i]][j] += x[i][j];
        }
      }
      for (int c = 0; c < k; c++) {
        if (count[c] > 0) {
          for (int j = 0; j < d; j++) {
            centres[c][j] = sum[c][j] / count[c];
          }
        }
      }
    }
    Arrays.fill(count, 0);
    for (int i = 0; i < n; i++) {
      count[assign[i]]++;
    }
    double[] w = new double[k];
    for (int c = 0; c < k; c++) {
      w[c] = (double) count[c] / n;
    }
    return new Summary(centres, w);
  }

  private static double sq(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double t = a[j] - b[j];
      s += t * t;
    }
    return s;
  }
}
