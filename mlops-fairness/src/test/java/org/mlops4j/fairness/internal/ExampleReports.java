package org.mlops4j.fairness.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.mlops4j.fairness.Decisions;
import org.mlops4j.fairness.FairnessAuditor;
import org.mlops4j.fairness.FairnessReport;
import org.mlops4j.fairness.individual.Consistency;
import org.mlops4j.fairness.individual.ConsistencyResult;
import org.mlops4j.fairness.individual.Counterfactual;
import org.mlops4j.fairness.individual.CounterfactualResult;

/**
 * Example reports from seeded synthetic data, for the screenshots of the README ({@code
 * scripts/screenshots.sh}) and the tests of the page: a COMPAS-like audit (the group sizes of
 * ProPublica's two-year file, 7,214 rows, with its group of 18 "Native American" rows; labels and
 * scores made up, not the real data).
 */
final class ExampleReports {
  private ExampleReports() {}

  /** Group, rows, base rate, score shift (over-prediction) of the synthetic COMPAS-like data. */
  private static final Object[][] GROUPS = {
    {"African-American", 3696, 0.52, 0.06},
    {"Caucasian", 2454, 0.39, -0.02},
    {"Hispanic", 637, 0.37, -0.03},
    {"Other", 377, 0.36, -0.06},
    {"Asian", 32, 0.28, -0.05},
    {"Native American", 18, 0.45, 0.02}
  };

  /** A fairness report by race, reference group "Caucasian", scores thresholded at 0.5. */
  static FairnessReport compasLike() {
    Random random = new Random(20160523);
    List<Integer> labels = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    List<String> race = new ArrayList<>();
    for (Object[] g : GROUPS) {
      int n = (Integer) g[1];
      double base = (Double) g[2];
      double shift = (Double) g[3];
      for (int i = 0; i < n; i++) {
        // a latent risk whose mean gives the group's base rate; the score sees it with noise
        double risk = clamp(base + 0.28 * random.nextGaussian());
        int label = random.nextDouble() < risk ? 1 : 0;
        double score = clamp(risk + shift + 0.08 * random.nextGaussian());
        labels.add(label);
        scores.add(score);
        race.add((String) g[0]);
      }
    }
    int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
    double[] s = scores.stream().mapToDouble(Double::doubleValue).toArray();
    return FairnessAuditor.builder()
        .reference("Caucasian")
        .bootstrap(500, 42)
        .build()
        .audit(Decisions.ofScores(y, s, 0.5).groups("race", race.toArray(String[]::new)));
  }

  /** A counterfactual flip test of a made-up credit rule that reads sex. */
  static CounterfactualResult counterfactual() {
    Random random = new Random(5);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("sex", random.nextDouble() < 0.45 ? "F" : "M");
      row.put("income", 20 + random.nextInt(80));
      rows.add(row);
    }
    Function<Map<String, Object>, Integer> model =
        row -> (int) row.get("income") >= ("M".equals(row.get("sex")) ? 50 : 58) ? 1 : 0;
    return Counterfactual.builder("sex").swap("F", "M").build().audit(rows, model);
  }

  /** The consistency of a model that is consistent but for a band of noisy decisions. */
  static ConsistencyResult consistency() {
    Random random = new Random(9);
    int n = 600;
    double[][] x = new double[n][2];
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = random.nextDouble();
      x[i][1] = random.nextDouble();
      boolean noisy = Math.abs(x[i][0] - 0.5) < 0.1;
      p[i] = noisy ? random.nextInt(2) : x[i][0] > 0.5 ? 1 : 0;
    }
    return Consistency.defaults().audit(x, p);
  }

  private static double clamp(double x) {
    return Math.max(0.001, Math.min(0.999, x));
  }
}
