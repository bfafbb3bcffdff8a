package org.mlops4j.features.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlops4j.api.internal.Require;
import org.mlops4j.features.FittedStep;
import org.mlops4j.features.NumericStep;

/** The built-in numeric steps; see {@code NumericSteps} for their definitions. */
public final class BuiltInSteps {
  private BuiltInSteps() {}

  /** The keys of the built-in steps. */
  public static final List<String> KEYS =
      List.of(
          "impute_mean",
          "impute_median",
          "impute_most_frequent",
          "impute_constant",
          "standard",
          "min_max",
          "log1p",
          "yeo_johnson",
          "quantile_buckets",
          "equal_width_buckets");

  /** The unfitted built-in step of a key (fitting settings restored from the parameters). */
  public static Optional<NumericStep> byKey(String key, Map<String, Object> parameters) {
    return Optional.ofNullable(
        switch (key) {
          case "impute_mean", "impute_median", "impute_most_frequent" -> new Impute(key, 0);
          case "impute_constant" -> new Impute(key, scalar(parameters, "value"));
          case "standard" -> new Standard();
          case "min_max" -> new MinMax();
          case "log1p" -> new Log1p();
          case "yeo_johnson" -> new YeoJohnsonStep();
          case "quantile_buckets", "equal_width_buckets" ->
              new Buckets(key, array(parameters, "edges").length + 1);
          default -> null;
        });
  }

  /** A scalar parameter. */
  public static double scalar(Map<String, Object> p, String name) {
    Object v = p.get(name);
    Require.argument(v != null, "parameter '" + name + "'", "present", "missing");
    Require.argument(v instanceof Double, "parameter '" + name + "'", "a number", v);
    return Require.finite((Double) v, name);
  }

  /** An array parameter. */
  public static double[] array(Map<String, Object> p, String name) {
    Object v = p.get(name);
    Require.argument(v != null, "parameter '" + name + "'", "present", "missing");
    Require.argument(v instanceof double[], "parameter '" + name + "'", "an array of numbers", v);
    return Require.finite(((double[]) v).clone(), name);
  }

  private static Map<String, Object> params(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Imputation: a missing (NaN) value becomes the fitted value. */
  public record Impute(String key, double constant) implements NumericStep {
    @Override
    public FittedStep fit(double[] training) {
      double v =
          switch (key) {
            case "impute_mean" -> NumericMath.mean(NumericMath.sortedFinite(training, "training"));
            case "impute_median" ->
                NumericMath.median(NumericMath.sortedFinite(training, "training"));
            case "impute_most_frequent" ->
                NumericMath.mode(NumericMath.sortedFinite(training, "training"));
            default -> constant;
          };
      return new FittedImpute(key, v);
    }

    @Override
    public FittedStep restore(Map<String, Object> parameters) {
      return new FittedImpute(key, scalar(parameters, "value"));
    }
  }

  /** Fitted imputation. */
  public record FittedImpute(String key, double value) implements FittedStep {
    @Override
    public double apply(double x) {
      return Double.isNaN(x) ? value : x;
    }

    @Override
    public Map<String, Object> parameters() {
      return params("value", value);
    }
  }

  /** Standard scaling. */
  public record Standard() implements NumericStep {
    @Override
    public String key() {
      return "standard";
    }

    @Override
    public FittedStep fit(double[] training) {
      double[] f = NumericMath.sortedFinite(training, "training");
      double m = NumericMath.mean(f);
      double s = NumericMath.std(f, m);
      return new FittedAffine("standard", m, s == 0 ? 1 : s, "mean");
    }

    @Override
    public FittedStep restore(Map<String, Object> parameters) {
      return new FittedAffine(
          "standard", scalar(parameters, "mean"), scalar(parameters, "scale"), "mean");
    }
  }

  /** Min-max scaling. */
  public record MinMax() implements NumericStep {
    @Override
    public String key() {
      return "min_max";
    }

    @Override
    public FittedStep fit(double[] training) {
      double[] f = NumericMath.sortedFinite(training, "training");
      double lo = f[0];
      double range = f[f.length - 1] - lo;
      return new FittedAffine("min_max", lo, range == 0 ? 1 : range, "min");
    }

    @Override
    public FittedStep restore(Map<String, Object> parameters) {
      return new FittedAffine(
          "min_max", scalar(parameters, "min"), scalar(parameters, "scale"), "min");
    }
  }

  /** (x - shift) / scale. */
  public record FittedAffine(String key, double shift, double scale, String shiftName)
      implements FittedStep {
    /** Checks the scale. */
    public FittedAffine {
      Require.argument(scale > 0, "parameter 'scale'", "positive", scale);
    }

    @Override
    public double apply(double x) {
      return (x - shift) / scale;
    }

    @Override
    public Map<String, Object> parameters() {
      return params(shiftName, shift, "scale", scale);
    }
  }

  /** log(1 + x). */
  public record Log1p() implements NumericStep, FittedStep {
    @Override
    public String key() {
      return "log1p";
    }

    @Override
    public FittedStep fit(double[] training) {
      return this;
    }

    @Override
    public FittedStep restore(Map<String, Object> parameters) {
      return this;
    }

    @Override
    public double apply(double x) {
      return StrictMath.log1p(x);
    }

    @Override
    public Map<String, Object> parameters() {
      return Map.of();
    }
  }

  /** Yeo-Johnson with a fitted lambda. */
  public record YeoJohnsonStep() implements NumericStep {
    @Override
    public String key() {
      return "yeo_johnson";
    }

    @Override
    public FittedStep fit(double[] training) {
      double[] f = NumericMath.sortedFinite(training, "training");
      return new FittedYeoJohnson(YeoJohnson.fitLambda(f));
    }

    @Override
    public FittedStep restore(Map<String, Object> parameters) {
      return new FittedYeoJohnson(scalar(parameters, "lambda"));
    }
  }

  /** Fitted Yeo-Johnson. */
  public record FittedYeoJohnson(double lambda) implements FittedStep {
    @Override
    public String key() {
      return "yeo_johnson";
    }

    @Override
    public double apply(double x) {
      return YeoJohnson.transform(x, lambda);
    }

    @Override
    public Map<String, Object> parameters() {
      return params("lambda", lambda);
    }
  }

  /** Bucketing into n buckets by quantile or equal-width edges. */
  public record Buckets(String key, int buckets) implements NumericStep {
    /** Checks the count. */
    public Buckets {
      Require.argument(buckets >= 2, "buckets", "at least 2", buckets);
    }

    @Override
    public FittedStep fit(double[] training) {
      double[] f = NumericMath.sortedFinite(training, "training");
      double[] edges = new double[buckets - 1];
      if (key.equals("quantile_buckets")) {
        for (int k = 1; k < buckets; k++) {
          edges[k - 1] = NumericMath.quantile(f, (double) k / buckets);
        }
      } else {
        double lo = f[0];
        double step = (f[f.length - 1] - lo) / buckets;
        for (int k = 1; k < buckets; k++) {
          edges[k - 1] = k * step + lo;
        }
      }
      return new FittedBuckets(key, NumericMath.distinct(edges));
    }

    @Override
    public FittedStep restore(Map<String, Object> parameters) {
      double[] e = array(parameters, "edges");
      for (int i = 1; i < e.length; i++) {
        Require.argument(e[i] > e[i - 1], "parameter 'edges'", "increasing", e[i]);
      }
      return new FittedBuckets(key, e);
    }
  }

  /** Fitted bucketing: the number of edges at most x. */
  public record FittedBuckets(String key, double[] edges) implements FittedStep {
    @Override
    public double apply(double x) {
      return NumericMath.bucket(edges, x);
    }

    @Override
    public Map<String, Object> parameters() {
      return params("edges", edges.clone());
    }

    @Override
    public String toString() {
      return key + java.util.Arrays.toString(edges);
    }
  }
}
