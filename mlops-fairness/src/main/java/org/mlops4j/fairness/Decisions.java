package org.mlops4j.fairness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;

/**
 * A model's decisions to audit, an immutable value: the true labels, the decisions (or scores and a
 * threshold), one or more sensitive attributes, and optionally sample weights. A {@link
 * FairnessAuditor} audits it.
 *
 * <pre>{@code
 * Decisions decisions = Decisions.of(labels, predictions)   // int[] of 0/1
 *     .groups("race", race)                                   // String[] or int[] codes
 *     .groups("sex", sex);                                    // intersectional: "race=Black|sex=Male"
 * FairnessReport report = FairnessAuditor.defaults().audit(decisions);
 *
 * Decisions scored = Decisions.ofScores(labels, scores, 0.5).groups("sex", sex);
 * }</pre>
 *
 * <p>Every method that adds something ({@link #groups(String, String[])}, {@link
 * #weights(double[])}, ...) returns a new {@code Decisions} and leaves this one unchanged; it
 * checks its argument at once. Arrays are copied on the way in, so changing the caller's array
 * later changes nothing.
 *
 * <p>Defaults: positive label 1, negative label 0 (see {@link #labelValues(int, int)}); no sample
 * weights (every row weighs 1). A prediction from a score is positive when {@code score >=
 * threshold}. Whether every label and decision is one of the two label values is checked when the
 * decisions are audited, as the label values may be declared after the labels.
 *
 * <p>Group names: with one attribute the value itself ({@code "Black"}); with several, {@code
 * name=value} pairs joined by {@code |} in the order the attributes were given ({@code
 * "race=Black|sex=Male"}). int codes are named by their decimal value.
 *
 * @since 0.1.0
 */
public final class Decisions {

  private final int[] labels;
  private final int @Nullable [] predictions;
  private final double @Nullable [] scores;
  private final double threshold;
  private final Map<String, String[]> attributes;
  private final double @Nullable [] weights;
  private final int positive;
  private final int negative;

  private Decisions(
      int[] labels,
      int @Nullable [] predictions,
      double @Nullable [] scores,
      double threshold,
      Map<String, String[]> attributes,
      double @Nullable [] weights,
      int positive,
      int negative) {
    this.labels = labels;
    this.predictions = predictions;
    this.scores = scores;
    this.threshold = threshold;
    this.attributes = Collections.unmodifiableMap(attributes);
    this.weights = weights;
    this.positive = positive;
    this.negative = negative;
  }

  /**
   * Decisions from labels and 0/1 (or declared positive/negative) predictions.
   *
   * @param labels the true label of each row
   * @param predictions the model's decision for each row
   * @return the decisions, without a group attribute yet
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays have different lengths or are empty
   */
  public static Decisions of(int[] labels, int[] predictions) {
    Require.nonNull(labels, "labels");
    Require.nonNull(predictions, "predictions");
    Require.sameLength(predictions.length, "predictions", labels.length, "labels");
    requireRows(labels);
    return new Decisions(
        labels.clone(), predictions.clone(), null, Double.NaN, new LinkedHashMap<>(), null, 1, 0);
  }

  /**
   * Decisions from labels and scores; a prediction is positive when {@code score >= threshold}. The
   * auditor computes calibration from the scores unless told not to ({@link
   * FairnessAuditor.Builder#calibration(boolean)}); the scores must then be in [0, 1].
   *
   * @param labels the true label of each row
   * @param scores the model's score for each row, not NaN
   * @param threshold the decision threshold, not NaN
   * @return the decisions, without a group attribute yet
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays have different lengths or are empty, the
   *     threshold or a score is NaN
   */
  public static Decisions ofScores(int[] labels, double[] scores, double threshold) {
    Require.nonNull(labels, "labels");
    Require.nonNull(scores, "scores");
    Require.sameLength(scores.length, "scores", labels.length, "labels");
    Require.argument(!Double.isNaN(threshold), "threshold", "a number", threshold);
    requireRows(labels);
    for (int i = 0; i < scores.length; i++) {
      if (Double.isNaN(scores[i])) {
        throw new IllegalArgumentException(Require.mustBe("scores[" + i + "]", "a number", "NaN"));
      }
    }
    return new Decisions(
        labels.clone(), null, scores.clone(), threshold, new LinkedHashMap<>(), null, 1, 0);
  }

  private static void requireRows(int[] labels) {
    Require.argument(labels.length > 0, "labels", "non-empty", "an empty array");
  }

  /**
   * Adds a sensitive attribute with one String value per row.
   *
   * @param attribute the attribute's name, for example {@code "race"}
   * @param values the attribute's value in each row
   * @return new decisions with the attribute
   * @throws NullPointerException if the name, the array or a value is null ({@code "race[7] must
   *     not be null"})
   * @throws IllegalArgumentException if the name is blank or was given before, or the length
   *     differs from the labels'
   */
  public Decisions groups(String attribute, String[] values) {
    checkAttribute(attribute, values == null ? null : values.length, "values");
    Require.noNulls(values, attribute);
    return withAttribute(attribute, values.clone());
  }

  /**
   * Adds a sensitive attribute given as int codes; group names are the codes in decimal.
   *
   * @param attribute the attribute's name
   * @param codes the attribute's code in each row
   * @return new decisions with the attribute
   * @throws NullPointerException if the name or the array is null
   * @throws IllegalArgumentException as {@link #groups(String, String[])}
   */
  public Decisions groups(String attribute, int[] codes) {
    checkAttribute(attribute, codes == null ? null : codes.length, "codes");
    String[] values = new String[codes.length];
    Map<Integer, String> names = new HashMap<>();
    for (int i = 0; i < codes.length; i++) {
      values[i] = names.computeIfAbsent(codes[i], String::valueOf);
    }
    return withAttribute(attribute, values);
  }

  private void checkAttribute(String attribute, @Nullable Integer length, String what) {
    Require.nonBlank(attribute, "attribute");
    Require.nonNull(length, what);
    Require.argument(
        !attributes.containsKey(attribute),
        "attribute",
        "a name not given before",
        "'" + attribute + "'");
    Require.sameLength(length, "attribute '" + attribute + "'", labels.length, "labels");
  }

  private Decisions withAttribute(String attribute, String[] values) {
    Map<String, String[]> more = new LinkedHashMap<>(attributes);
    more.put(attribute, values);
    return new Decisions(labels, predictions, scores, threshold, more, weights, positive, negative);
  }

  /**
   * Sets the sample weights (default: none, every row weighs 1).
   *
   * @param sampleWeights the weight of each row, finite and non-negative
   * @return new decisions with these weights
   * @throws NullPointerException if the array is null
   * @throws IllegalArgumentException if the length differs, or a weight is negative, NaN or
   *     infinite
   */
  public Decisions weights(double[] sampleWeights) {
    Require.nonNull(sampleWeights, "weights");
    Require.sameLength(sampleWeights.length, "weights", labels.length, "labels");
    for (int i = 0; i < sampleWeights.length; i++) {
      double w = sampleWeights[i];
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException(
            Require.mustBe("weights[" + i + "]", "non-negative and finite", w));
      }
    }
    return new Decisions(
        labels,
        predictions,
        scores,
        threshold,
        new LinkedHashMap<>(attributes),
        sampleWeights.clone(),
        positive,
        negative);
  }

  /**
   * Declares the values of the positive and negative class in labels and predictions (default 1 and
   * 0).
   *
   * @param positiveLabel the value of the positive class
   * @param negativeLabel the value of the negative class
   * @return new decisions with these label values
   * @throws IllegalArgumentException if they are equal
   */
  public Decisions labelValues(int positiveLabel, int negativeLabel) {
    Require.argument(
        positiveLabel != negativeLabel,
        "negativeLabel",
        "different from positiveLabel " + positiveLabel,
        negativeLabel);
    return new Decisions(
        labels,
        predictions,
        scores,
        threshold,
        new LinkedHashMap<>(attributes),
        weights,
        positiveLabel,
        negativeLabel);
  }

  /**
   * Adds probability scores in [0, 1], for calibration, to decisions made with {@link #of(int[],
   * int[])}; the decisions stay as given.
   *
   * @param probabilities the model's probability for each row
   * @return new decisions with these scores
   * @throws NullPointerException if the array is null
   * @throws IllegalArgumentException if the length differs
   * @throws IllegalStateException if the decisions were made with {@link #ofScores(int[], double[],
   *     double)}
   */
  public Decisions scores(double[] probabilities) {
    Require.nonNull(probabilities, "scores");
    Require.state(
        predictions != null,
        "scores were already given to Decisions.ofScores(labels, scores, threshold)");
    Require.sameLength(probabilities.length, "scores", labels.length, "labels");
    return new Decisions(
        labels,
        predictions,
        probabilities.clone(),
        threshold,
        new LinkedHashMap<>(attributes),
        weights,
        positive,
        negative);
  }

  /**
   * @return the number of rows
   */
  public int size() {
    return labels.length;
  }

  /**
   * @return the sensitive attributes, in the order given
   */
  public List<String> attributes() {
    return List.copyOf(attributes.keySet());
  }

  /**
   * @return true if sample weights were given
   */
  public boolean weighted() {
    return weights != null;
  }

  /**
   * @return true if scores were given (by {@link #ofScores} or {@link #scores(double[])})
   */
  public boolean hasScores() {
    return scores != null;
  }

  /**
   * @return the decision threshold when the decisions come from scores, else empty
   */
  public OptionalDouble threshold() {
    return predictions == null ? OptionalDouble.of(threshold) : OptionalDouble.empty();
  }

  /**
   * @return the value of the positive class (default 1)
   */
  public int positiveLabel() {
    return positive;
  }

  /**
   * @return the value of the negative class (default 0)
   */
  public int negativeLabel() {
    return negative;
  }

  // ---- for the auditor (no copies) ----

  /** The labels as 0/1, checking every value. */
  int[] binaryLabels() {
    int[] y = new int[labels.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = binary(labels[i], "labels", i);
    }
    return y;
  }

  /** The decisions as 0/1: checked predictions, or {@code score >= threshold}. */
  int[] binaryPredictions() {
    int[] p = new int[labels.length];
    if (predictions != null) {
      for (int i = 0; i < p.length; i++) {
        p[i] = binary(predictions[i], "predictions", i);
      }
    } else {
      double[] s = Objects.requireNonNull(scores);
      for (int i = 0; i < p.length; i++) {
        p[i] = s[i] >= threshold ? 1 : 0;
      }
    }
    return p;
  }

  private int binary(int v, String what, int i) {
    if (v == positive) {
      return 1;
    }
    if (v == negative) {
      return 0;
    }
    throw new IllegalArgumentException(
        Require.mustBe(
            what + "[" + i + "]",
            "the positive label " + positive + " or the negative label " + negative,
            v));
  }

  /** The group name of each row (interned: rows of one group share one String). */
  String[] groupNames() {
    List<String[]> cols = new ArrayList<>(attributes.values());
    List<String> keys = new ArrayList<>(attributes.keySet());
    if (cols.size() == 1) {
      return cols.get(0);
    }
    int n = labels.length;
    String[] out = new String[n];
    Map<String, String> intern = new HashMap<>();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.setLength(0);
      for (int a = 0; a < cols.size(); a++) {
        if (a > 0) {
          sb.append('|');
        }
        sb.append(keys.get(a)).append('=').append(cols.get(a)[i]);
      }
      String key = sb.toString();
      out[i] = intern.computeIfAbsent(key, k -> k);
    }
    return out;
  }

  double @Nullable [] scoresNoCopy() {
    return scores;
  }

  double @Nullable [] weightsNoCopy() {
    return weights;
  }

  /** True if the decisions were given as scores and a threshold. */
  boolean fromScores() {
    return predictions == null;
  }

  /** Equal when every array, attribute and label value is equal. */
  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof Decisions d)) {
      return false;
    }
    if (!(Arrays.equals(labels, d.labels)
        && Arrays.equals(predictions, d.predictions)
        && Arrays.equals(scores, d.scores)
        && Double.compare(threshold, d.threshold) == 0
        && Arrays.equals(weights, d.weights)
        && positive == d.positive
        && negative == d.negative
        && attributes.keySet().equals(d.attributes.keySet()))) {
      return false;
    }
    for (Map.Entry<String, String[]> e : attributes.entrySet()) {
      if (!Arrays.equals(e.getValue(), d.attributes.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h =
        Objects.hash(
            Arrays.hashCode(labels),
            Arrays.hashCode(predictions),
            Arrays.hashCode(scores),
            threshold,
            Arrays.hashCode(weights),
            positive,
            negative);
    for (Map.Entry<String, String[]> e : attributes.entrySet()) {
      h = 31 * h + (e.getKey().hashCode() ^ Arrays.hashCode(e.getValue()));
    }
    return h;
  }

  /**
   * @return a one-line summary, for example {@code Decisions[200 rows, attributes [race], ...]}
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Decisions[").append(labels.length).append(" rows");
    sb.append(", attributes ").append(attributes.keySet());
    if (predictions == null) {
      sb.append(String.format(Locale.ROOT, ", scores with threshold %s", threshold));
    } else if (scores != null) {
      sb.append(", decisions with scores");
    }
    if (weights != null) {
      sb.append(", weighted");
    }
    sb.append(", labels ").append(positive).append('/').append(negative);
    return sb.append(']').toString();
  }
}
