package org.mlops4j.features;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.mlops4j.api.internal.Require;

/**
 * A fitted numeric step: a function of one value that allocates nothing, and the parameters that
 * rebuild it ({@link NumericStep#restore(Map)}).
 *
 * @since 0.1.0
 */
public interface FittedStep {

  /**
   * @return the key of the {@link NumericStep} that made this step
   */
  String key();

  /**
   * Transforms one value; must not allocate and must give the same bits for the same input and
   * parameters in any JVM (use {@link StrictMath} rather than {@link Math} for {@code log}, {@code
   * exp}, {@code pow}).
   *
   * @param x the value (NaN = missing)
   * @return the transformed value
   */
  double apply(double x);

  /**
   * @return the fitted parameters by name: {@link Double} or {@code double[]} values, finite
   */
  Map<String, Object> parameters();

  /**
   * A fitted step from a function and its parameters, for user-defined steps.
   *
   * @param key the step's key
   * @param parameters its parameters ({@link Double} or {@code double[]} values), copied
   * @param function the function, which must not allocate
   * @return the fitted step
   * @throws NullPointerException if an argument is null
   */
  static FittedStep of(String key, Map<String, Object> parameters, DoubleUnaryOperator function) {
    Require.nonBlank(key, "key");
    Require.nonNull(function, "function");
    Map<String, Object> p = new LinkedHashMap<>(Require.nonNull(parameters, "parameters"));
    return new FittedStep() {
      @Override
      public String key() {
        return key;
      }

      @Override
      public double apply(double x) {
        return function.applyAsDouble(x);
      }

      @Override
      public Map<String, Object> parameters() {
        return p;
      }

      @Override
      public String toString() {
        return key + p;
      }
    };
  }
}
