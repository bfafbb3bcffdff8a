package org.mlops4j.explain;

/**
 * A model as a function from one feature row to a score: a regression output, a probability, a
 * logit. Any model fits: a Tribuo, XGBoost4J or ONNX Runtime model wrapped in a lambda, or plain
 * Java.
 *
 * <pre>{@code
 * PredictFunction model = row -> 0.5 * row[0] - 2.0 * row[1];
 * }</pre>
 *
 * <p>The engines of this package call the function from several threads at once; it must be
 * thread-safe. A model that scores a batch faster than row by row overrides {@link
 * #predictBatch(double[][])}. An exception or a non-finite score stops the engine with a message
 * naming the row.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface PredictFunction {

  /**
   * @param row the features of one row, in the order of the data's columns; must not be modified
   *     nor kept after the call (the engines reuse the array)
   * @return the model's score of the row
   */
  double predict(double[] row);

  /**
   * Scores a batch of rows. The default calls {@link #predict(double[])} for each row.
   *
   * @param rows the rows; must not be modified nor kept after the call
   * @return one score per row, in order
   */
  default double[] predictBatch(double[][] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = predict(rows[i]);
    }
    return out;
  }
}
