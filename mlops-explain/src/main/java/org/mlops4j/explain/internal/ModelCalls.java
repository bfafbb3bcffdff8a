package org.mlops4j.explain.internal;

import java.util.function.IntFunction;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.Require;
import org.mlops4j.explain.PredictFunction;

/** The one place the engines call a user's model: failures and non-finite scores name the row. */
public final class ModelCalls {
  private ModelCalls() {}

  /**
   * Scores a batch.
   *
   * @param model the user's model
   * @param batch the rows
   * @param where the description of batch row k, for example {@code "row 17 of data"}
   * @return one finite score per row
   * @throws MlopsException {@code "predict of <where> failed: <cause>"} if the model threw
   * @throws IllegalArgumentException {@code "prediction of <where> must be finite, but was NaN"}
   * @throws IllegalStateException if predictBatch returned another number of scores
   */
  public static double[] predict(
      PredictFunction model, double[][] batch, IntFunction<String> where) {
    double[] out;
    try {
      out = model.predictBatch(batch);
    } catch (RuntimeException e) {
      throw locate(model, batch, where, e);
    }
    Require.state(
        out != null && out.length == batch.length,
        "predictBatch must return one score per row: it returned "
            + (out == null ? "null" : out.length + " scores")
            + " for "
            + batch.length
            + " rows");
    for (int k = 0; k < out.length; k++) {
      if (!Double.isFinite(out[k])) {
        throw new IllegalArgumentException(
            Require.mustBe("prediction of " + where.apply(k), "finite", out[k]));
      }
    }
    return out;
  }

  private static RuntimeException locate(
      PredictFunction model, double[][] batch, IntFunction<String> where, RuntimeException e) {
    for (int k = 0; k < batch.length; k++) {
      try {
        model.predict(batch[k]);
      } catch (RuntimeException single) {
        return new MlopsException("predict of " + where.apply(k) + " failed: " + single, single);
      }
    }
    String span =
        batch.length == 0
            ? "an empty batch"
            : where.apply(0) + " to " + where.apply(batch.length - 1);
    return new MlopsException("predictBatch of " + span + " failed: " + e, e);
  }
}
