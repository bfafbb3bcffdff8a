package com.example.consumer;

import java.util.SplittableRandom;
import org.mlops4j.drift.Columns;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.fairness.Decisions;
import org.mlops4j.fairness.FairnessAuditor;
import org.mlops4j.fairness.FairnessReport;

/** What a user's code does with mlops4j: a drift comparison and a fairness audit. */
public final class Check {
  private Check() {}

  /** @return the drift report of a shifted column against its reference */
  public static DriftReport drift() {
    SplittableRandom rnd = new SplittableRandom(1);
    double[] reference = rnd.doubles(2_000).toArray();
    double[] current = rnd.doubles(2_000).map(u -> u + 0.2).toArray();
    return DriftDetector.defaults()
        .compare(
            Columns.builder().numeric("x", reference).build(),
            Columns.builder().numeric("x", current).build());
  }

  /** @return the fairness report of decisions that favour group A */
  public static FairnessReport fairness() {
    int n = 400;
    int[] y = new int[n];
    int[] yhat = new int[n];
    String[] g = new String[n];
    for (int i = 0; i < n; i++) {
      g[i] = i % 2 == 0 ? "A" : "B";
      y[i] = i % 4 < 2 ? 1 : 0;
      yhat[i] = g[i].equals("A") ? y[i] : 0;
    }
    return FairnessAuditor.defaults().audit(Decisions.of(y, yhat).groups("group", g));
  }

  public static void main(String[] args) {
    System.out.println(drift());
    System.out.println(fairness());
  }
}
