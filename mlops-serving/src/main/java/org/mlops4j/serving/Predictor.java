package org.mlops4j.serving;

/**
 * A served model: what a {@link org.mlops4j.registry.ModelLoader} returns for a {@link
 * ModelService}. Must be safe for concurrent calls.
 *
 * <pre>{@code
 * ModelLoader<Predictor<double[], Double>> loader =
 *     (dir, version) -> {
 *       double[] w = parse(Files.readString(dir.resolve("weights.txt")));
 *       return x -> dot(w, x);
 *     };
 * }</pre>
 *
 * @param <I> the input type
 * @param <O> the output type
 * @since 0.1.0
 */
@FunctionalInterface
public interface Predictor<I, O> {

  /**
   * @param input one request's input
   * @return the model's answer
   * @throws Exception if the model fails (the service counts it and rethrows it wrapped in a {@link
   *     PredictionException})
   */
  O predict(I input) throws Exception;
}
