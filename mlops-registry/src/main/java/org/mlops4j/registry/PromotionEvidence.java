package org.mlops4j.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.fairness.FairnessReport;

/**
 * What the gates of a promotion are judged on, beyond the version's own records: the evaluation
 * data (labels, the candidate's and the current version's predictions on the same examples), a
 * fairness report, a drift report of the evaluation data against the training baseline, and a
 * predict function with sample inputs. A gate whose evidence is missing fails (it is never
 * skipped).
 *
 * <p>Built-in metrics for the bootstrap gate (higher is better): {@code accuracy} (share of
 * predictions equal to the label), {@code neg_mae} (minus the mean absolute error), {@code neg_mse}
 * (minus the mean squared error). McNemar's test counts a prediction as right when it equals the
 * label.
 *
 * @since 0.1.0
 */
public final class PromotionEvidence {

  private final double @Nullable [] labels;
  private final double @Nullable [] candidate;
  private final double @Nullable [] current;
  private final Map<String, EvaluationMetric> metrics;
  private final @Nullable FairnessReport fairness;
  private final @Nullable DriftReport drift;
  private final Runnable @Nullable [] predictCalls;

  private PromotionEvidence(Builder b) {
    this.labels = b.labels;
    this.candidate = b.candidate;
    this.current = b.current;
    this.metrics = Map.copyOf(b.metrics);
    this.fairness = b.fairness;
    this.drift = b.drift;
    this.predictCalls = b.predictCalls;
  }

  /**
   * @return evidence with nothing in it (for gates on the version's own records only)
   */
  public static PromotionEvidence none() {
    return builder().build();
  }

  /**
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the labels of the evaluation data, if given
   */
  public Optional<double[]> labels() {
    return Optional.ofNullable(labels == null ? null : labels.clone());
  }

  /**
   * @return the candidate's predictions on the evaluation data, if given
   */
  public Optional<double[]> candidatePredictions() {
    return Optional.ofNullable(candidate == null ? null : candidate.clone());
  }

  /**
   * @return the current version's predictions on the evaluation data, if given
   */
  public Optional<double[]> currentPredictions() {
    return Optional.ofNullable(current == null ? null : current.clone());
  }

  /**
   * @param name a metric's name
   * @return the metric: one defined here, or a built-in one
   */
  public Optional<EvaluationMetric> metric(String name) {
    EvaluationMetric m = metrics.get(name);
    if (m != null) {
      return Optional.of(m);
    }
    return Optional.ofNullable(builtIn(name));
  }

  /**
   * @return the fairness report, if given
   */
  public Optional<FairnessReport> fairness() {
    return Optional.ofNullable(fairness);
  }

  /**
   * @return the drift report, if given
   */
  public Optional<DriftReport> drift() {
    return Optional.ofNullable(drift);
  }

  /**
   * @return one call of the predict function per sample input, if given
   */
  public Optional<List<Runnable>> predictCalls() {
    return Optional.ofNullable(predictCalls == null ? null : List.of(predictCalls));
  }

  static @Nullable EvaluationMetric builtIn(String name) {
    return switch (name) {
      case "accuracy" ->
          (y, p) -> {
            int ok = 0;
            for (int i = 0; i < y.length; i++) {
              ok += y[i] == p[i] ? 1 : 0;
            }
            return (double) ok / y.length;
          };
      case "neg_mae" ->
          (y, p) -> {
            double s = 0;
            for (int i = 0; i < y.length; i++) {
              s += Math.abs(y[i] - p[i]);
            }
            return -s / y.length;
          };
      case "neg_mse" ->
          (y, p) -> {
            double s = 0;
            for (int i = 0; i < y.length; i++) {
              s += (y[i] - p[i]) * (y[i] - p[i]);
            }
            return -s / y.length;
          };
      default -> null;
    };
  }

  /** One line per kind of evidence: what was given, for which gates. */
  @Override
  public String toString() {
    return "PromotionEvidence\n"
        + "  evaluation examples: "
        + (labels == null
            ? "-"
            : labels.length
                + (current == null ? " (candidate only)" : " (candidate and current version)"))
        + "\n  metrics:             "
        + (metrics.isEmpty()
            ? "accuracy, neg_mae, neg_mse (built in)"
            : String.join(", ", new TreeMap<>(metrics).keySet())
                + " + accuracy, neg_mae, neg_mse (built in)")
        + "\n  fairness report:     "
        + (fairness == null ? "-" : "given")
        + "\n  drift report:        "
        + (drift == null ? "-" : "given")
        + "\n  predict inputs:      "
        + (predictCalls == null ? "-" : predictCalls.length)
        + "\n";
  }

  /** Builds {@link PromotionEvidence}; every setter checks its argument at once. */
  public static final class Builder {
    private double @Nullable [] labels;
    private double @Nullable [] candidate;
    private double @Nullable [] current;
    private final Map<String, EvaluationMetric> metrics = new TreeMap<>();
    private @Nullable FairnessReport fairness;
    private @Nullable DriftReport drift;
    private Runnable @Nullable [] predictCalls;

    private Builder() {}

    /**
     * The evaluation data: labels and both models' predictions on the same examples, in the same
     * order. The current version's predictions may be null when nothing is at the target yet.
     *
     * @param labels the true values
     * @param candidate the candidate's predictions
     * @param current the current version's predictions, or null
     * @return this
     * @throws IllegalArgumentException if the arrays are empty, not finite or differ in length
     */
    public Builder evaluation(double[] labels, double[] candidate, double @Nullable [] current) {
      Require.nonEmpty(labels, "labels");
      Require.finite(labels, "labels");
      Require.finite(candidate, "candidate");
      Require.sameLength(candidate.length, "candidate", labels.length, "labels");
      if (current != null) {
        Require.finite(current, "current");
        Require.sameLength(current.length, "current", labels.length, "labels");
      }
      this.labels = labels.clone();
      this.candidate = candidate.clone();
      this.current = current == null ? null : current.clone();
      return this;
    }

    /**
     * Defines a metric for the bootstrap gate (higher is better).
     *
     * @param name the name gates use
     * @param metric the metric
     * @return this
     */
    public Builder metric(String name, EvaluationMetric metric) {
      metrics.put(Require.nonBlank(name, "name"), Require.nonNull(metric, "metric"));
      return this;
    }

    /**
     * @param report the candidate's fairness report on the evaluation data
     * @return this
     */
    public Builder fairness(FairnessReport report) {
      this.fairness = Require.nonNull(report, "report");
      return this;
    }

    /**
     * @param report the drift report of the evaluation data against the training baseline
     * @return this
     */
    public Builder drift(DriftReport report) {
      this.drift = Require.nonNull(report, "report");
      return this;
    }

    /**
     * The predict function and sample inputs of the latency gate: the calls cycle through the
     * inputs.
     *
     * @param inputs the sample inputs, at least one
     * @param predict the candidate's predict function
     * @param <I> the input type
     * @return this
     */
    public <I> Builder latency(List<I> inputs, Consumer<? super I> predict) {
      Require.nonNull(inputs, "inputs");
      Require.nonNull(predict, "predict");
      Require.argument(!inputs.isEmpty(), "inputs", "non-empty", "empty");
      Runnable[] calls = new Runnable[inputs.size()];
      for (int i = 0; i < calls.length; i++) {
        I input = inputs.get(i);
        calls[i] = () -> predict.accept(input);
      }
      this.predictCalls = calls;
      return this;
    }

    /**
     * @return the evidence
     */
    public PromotionEvidence build() {
      return new PromotionEvidence(this);
    }
  }
}
