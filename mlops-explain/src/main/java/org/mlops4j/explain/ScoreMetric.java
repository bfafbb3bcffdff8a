package org.mlops4j.explain;

import java.util.function.ToDoubleBiFunction;
import org.mlops4j.api.internal.Require;

/**
 * A score of predictions against labels, for {@link PermutationImportance}: the importance of a
 * feature is how much this score gets worse when the feature's column is shuffled. The factories
 * give the usual ones; {@link #of(String, boolean, ToDoubleBiFunction)} wraps any other.
 *
 * <pre>{@code
 * ScoreMetric auc = ScoreMetric.of("auc", true, (labels, scores) -> myAuc(labels, scores));
 * }</pre>
 *
 * @since 0.1.0
 */
public interface ScoreMetric {

  /**
   * @param labels the true values, one per row
   * @param predictions the model's scores, one per row
   * @return the score
   */
  double score(double[] labels, double[] predictions);

  /**
   * @return the metric's name, for tables, JSON and metric keys
   */
  String name();

  /**
   * @return true if a higher score is better (R², accuracy), false if lower is (errors)
   */
  boolean higherIsBetter();

  /**
   * A metric of the user's.
   *
   * @param name its name, for example {@code "auc"}
   * @param higherIsBetter true if a higher score is better
   * @param score the function of (labels, predictions)
   * @return the metric
   * @throws NullPointerException if name or score is null
   * @throws IllegalArgumentException if name is blank
   */
  static ScoreMetric of(
      String name, boolean higherIsBetter, ToDoubleBiFunction<double[], double[]> score) {
    Require.nonBlank(name, "name");
    Require.nonNull(score, "score");
    return new ScoreMetric() {
      @Override
      public double score(double[] labels, double[] predictions) {
        return score.applyAsDouble(labels, predictions);
      }

      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean higherIsBetter() {
        return higherIsBetter;
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  /**
   * @return mean squared error {@code Σ (y − p)² / n}, lower is better
   */
  static ScoreMetric meanSquaredError() {
    return of(
        "mse",
        false,
        (y, p) -> {
          double s = 0;
          for (int i = 0; i < y.length; i++) {
            double d = y[i] - p[i];
            s += d * d;
          }
          return s / y.length;
        });
  }

  /**
   * @return mean absolute error {@code Σ |y − p| / n}, lower is better
   */
  static ScoreMetric meanAbsoluteError() {
    return of(
        "mae",
        false,
        (y, p) -> {
          double s = 0;
          for (int i = 0; i < y.length; i++) {
            s += Math.abs(y[i] - p[i]);
          }
          return s / y.length;
        });
  }

  /**
   * @return the coefficient of determination {@code 1 − Σ (y − p)² / Σ (y − ȳ)²}, higher is better
   *     (scikit-learn's {@code r2_score}, the default score of its regressors)
   */
  static ScoreMetric r2() {
    return of(
        "r2",
        true,
        (y, p) -> {
          double mean = 0;
          for (double v : y) {
            mean += v;
          }
          mean /= y.length;
          double ssRes = 0;
          double ssTot = 0;
          for (int i = 0; i < y.length; i++) {
            ssRes += (y[i] - p[i]) * (y[i] - p[i]);
            ssTot += (y[i] - mean) * (y[i] - mean);
          }
          return 1 - ssRes / ssTot;
        });
  }

  /**
   * @param threshold a score at or above it predicts 1, below it 0
   * @return the share of rows whose thresholded score equals the label (labels 0 or 1), higher is
   *     better
   * @throws IllegalArgumentException if threshold is not finite
   */
  static ScoreMetric accuracy(double threshold) {
    Require.finite(threshold, "threshold");
    return of(
        "accuracy",
        true,
        (y, p) -> {
          int hits = 0;
          for (int i = 0; i < y.length; i++) {
            if ((p[i] >= threshold ? 1.0 : 0.0) == y[i]) {
              hits++;
            }
          }
          return (double) hits / y.length;
        });
  }
}
