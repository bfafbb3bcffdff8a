package org.mlops4j.fairness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Entry point of group fairness: a builder from labels and predictions (or scores and a threshold)
 * and one or more sensitive attributes, ending in {@link Builder#build()} which returns an
 * immutable {@link FairnessReport}.
 *
 * <pre>{@code
 * FairnessReport report = Fairness.of(labels, predictions)   // int[] of 0/1
 *     .groups("race", race)                                    // String[] or int[] codes
 *     .groups("sex", sex)                                      // intersectional: "race=Black|sex=Male"
 *     .reference("race=White|sex=Male")
 *     .build();
 *
 * FairnessReport withCalibration = Fairness.ofScores(labels, scores, 0.5)
 *     .groups("sex", sex)
 *     .build();
 * }</pre>
 *
 * <p>Defaults: positive label 1, negative label 0; no sample weights; minimum group size 30 rows
 * (smaller groups are {@link GroupStatus#TOO_SMALL}: reported, never judged); confidence level
 * 0.95 for Wilson intervals of rates and bootstrap intervals of disparities; 1000 bootstrap
 * resamples, seed 42, stratified by group (each replicate keeps every group's size; set {@code
 * stratified(false)} to resample all rows together); 10 uniform calibration bins. A prediction
 * from a score is positive when {@code score >= threshold}.
 *
 * <p>Bootstrap (percentile method, Efron and Tibshirani, 1993): resampling rows with replacement
 * and counting them is the same as drawing each group's confusion cells from a multinomial with
 * the observed cell frequencies, so replicates are drawn from the counts, in time independent of
 * the number of rows. Stratified, every replicate keeps each group's size, so the interval reflects
 * only the sampling error within groups; not stratified, group sizes vary too (a small group may
 * then vanish from a replicate, which makes that replicate's disparity undefined; intervals use the
 * defined replicates and are omitted when fewer than half are defined). With sample weights a
 * resampled cell weighs its drawn row count times the cell's mean weight. The calibration
 * disparities are bootstrapped by resampling rows (O(resamples × rows); skipped above 2·10^8).
 *
 * <p>Group names: with one attribute the value itself ({@code "Black"}); with several, {@code
 * name=value} pairs joined by {@code |} in the order the attributes were given ({@code
 * "race=Black|sex=Male"}). int codes are named by their decimal value.
 *
 * @since 0.1.0
 */
public final class Fairness {

  private Fairness() {}

  /**
   * Starts a report from labels and 0/1 (or declared positive/negative) decisions.
   *
   * @throws IllegalArgumentException if the arrays have different lengths or are empty
   */
  public static Builder of(int[] labels, int[] predictions) {
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(predictions, "predictions");
    if (predictions.length != labels.length) {
      throw new IllegalArgumentException(
          "predictions must have the same length as labels (" + labels.length + "), but had "
              + predictions.length);
    }
    return new Builder(labels, predictions, null, Double.NaN);
  }

  /**
   * Starts a report from labels and scores; a prediction is positive when {@code score >=
   * threshold}. Calibration is computed from the scores (they must then be in [0, 1]; see {@link
   * Builder#withoutCalibration()}).
   *
   * @throws IllegalArgumentException if the arrays have different lengths or are empty, or the
   *     threshold is NaN
   */
  public static Builder ofScores(int[] labels, double[] scores, double threshold) {
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(scores, "scores");
    if (scores.length != labels.length) {
      throw new IllegalArgumentException(
          "scores must have the same length as labels (" + labels.length + "), but had "
              + scores.length);
    }
    if (Double.isNaN(threshold)) {
      throw new IllegalArgumentException("threshold must not be NaN");
    }
    return new Builder(labels, null, scores, threshold);
  }

  /**
   * Starts a report from already accumulated (possibly merged) counts; calibration, weights and
   * attributes are then not available (the counts carry the group names and weights).
   *
   * <pre>{@code
   * GroupCounts all = partition1.merge(partition2);
   * FairnessReport report = Fairness.of(all).reference("A").build();
   * }</pre>
   *
   * @throws IllegalArgumentException if the counts hold no group
   */
  public static Builder of(GroupCounts counts) {
    Objects.requireNonNull(counts, "counts");
    if (counts.size() == 0) {
      throw new IllegalArgumentException("counts must hold at least one group, but were empty");
    }
    return new Builder(counts);
  }

  /**
   * Builder of a {@link FairnessReport}; each setter validates its argument and returns this.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final int[] labels;
    private final int[] predictions;
    private double[] scores;
    private final double threshold;
    private final Map<String, String[]> attributes = new LinkedHashMap<>();
    private double[] weights;
    private int positive = 1;
    private int negative = 0;
    private String reference;
    private int minGroupSize = 30;
    private double level = 0.95;
    private int resamples = 1000;
    private long seed = 42;
    private boolean stratified = true;
    private boolean calibration = true;
    private int bins = 10;
    private Binning binning = Binning.UNIFORM;

    private final GroupCounts counts;

    private Builder(GroupCounts counts) {
      this.labels = null;
      this.predictions = null;
      this.threshold = Double.NaN;
      this.counts = counts;
      this.calibration = false;
    }

    private Builder(int[] labels, int[] predictions, double[] scores, double threshold) {
      this.counts = null;
      if (labels.length == 0) {
        throw new IllegalArgumentException("labels must not be empty");
      }
      this.labels = labels;
      this.predictions = predictions;
      this.scores = scores;
      this.threshold = threshold;
    }

    /**
     * Adds a sensitive attribute with one String value per row.
     *
     * @throws IllegalArgumentException if the name is blank or repeats, the length differs from
     *     the labels', or a value is null
     */
    public Builder groups(String attribute, String[] values) {
      checkAttribute(attribute, values == null ? -1 : values.length);
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null) {
          throw new IllegalArgumentException(
              "group attribute '" + attribute + "' has a null value at index " + i);
        }
      }
      attributes.put(attribute, values.clone());
      return this;
    }

    /**
     * Adds a sensitive attribute given as int codes; group names are the codes in decimal.
     *
     * @throws IllegalArgumentException as {@link #groups(String, String[])}
     */
    public Builder groups(String attribute, int[] codes) {
      checkAttribute(attribute, codes == null ? -1 : codes.length);
      String[] values = new String[codes.length];
      Map<Integer, String> names = new HashMap<>();
      for (int i = 0; i < codes.length; i++) {
        values[i] = names.computeIfAbsent(codes[i], String::valueOf);
      }
      attributes.put(attribute, values);
      return this;
    }

    private void checkAttribute(String attribute, int length) {
      requireRows("groups");
      if (attribute == null || attribute.isBlank()) {
        throw new IllegalArgumentException("attribute name must not be blank");
      }
      if (length < 0) {
        throw new IllegalArgumentException(
            "group attribute '" + attribute + "' must not be null");
      }
      if (attributes.containsKey(attribute)) {
        throw new IllegalArgumentException(
            "group attribute '" + attribute + "' was already given");
      }
      if (length != labels.length) {
        throw new IllegalArgumentException(
            "group attribute '" + attribute + "' must have the same length as labels ("
                + labels.length + "), but had " + length);
      }
    }

    /**
     * Sets the sample weights (default: none, every row weighs 1).
     *
     * @throws IllegalArgumentException if null, the length differs, or a weight is negative, NaN
     *     or infinite
     */
    public Builder weights(double[] sampleWeights) {
      requireRows("weights");
      if (sampleWeights == null) {
        throw new IllegalArgumentException("weights must not be null");
      }
      if (sampleWeights.length != labels.length) {
        throw new IllegalArgumentException(
            "weights must have the same length as labels (" + labels.length + "), but had "
                + sampleWeights.length);
      }
      for (int i = 0; i < sampleWeights.length; i++) {
        double w = sampleWeights[i];
        if (!(w >= 0) || Double.isInfinite(w)) {
          throw new IllegalArgumentException(
              "weights[" + i + "] must be a finite number >= 0, but was " + w);
        }
      }
      this.weights = sampleWeights.clone();
      return this;
    }

    /**
     * Declares the values of the positive and negative class in labels and predictions (default
     * 1 and 0).
     *
     * @throws IllegalArgumentException if they are equal
     */
    public Builder labelValues(int positiveLabel, int negativeLabel) {
      if (positiveLabel == negativeLabel) {
        throw new IllegalArgumentException(
            "positive and negative label must differ, but both were " + positiveLabel);
      }
      this.positive = positiveLabel;
      this.negative = negativeLabel;
      return this;
    }

    /**
     * Sets the reference group for disparities to a reference and for the four-fifths rule
     * (default: none; the four-fifths rule then uses the group with the highest selection rate).
     * Checked at {@link #build()}.
     */
    public Builder reference(String group) {
      this.reference = Objects.requireNonNull(group, "reference");
      return this;
    }

    /**
     * Sets the minimum group size (default 30); smaller groups are TOO_SMALL.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder minGroupSize(int rows) {
      if (rows < 0) {
        throw new IllegalArgumentException("minGroupSize must be >= 0, but was " + rows);
      }
      this.minGroupSize = rows;
      return this;
    }

    /**
     * Sets the confidence level of every interval (default 0.95).
     *
     * @throws IllegalArgumentException if not in (0, 1)
     */
    public Builder confidenceLevel(double confidence) {
      if (!(confidence > 0 && confidence < 1)) {
        throw new IllegalArgumentException(
            "confidenceLevel must be in (0, 1), but was " + confidence);
      }
      this.level = confidence;
      return this;
    }

    /**
     * Sets the number of bootstrap resamples (default 1000; 0 turns bootstrap intervals off) and
     * the seed (default 42).
     *
     * @throws IllegalArgumentException if resamples is negative
     */
    public Builder bootstrap(int bootstrapResamples, long bootstrapSeed) {
      if (bootstrapResamples < 0) {
        throw new IllegalArgumentException(
            "bootstrap resamples must be >= 0, but was " + bootstrapResamples);
      }
      this.resamples = bootstrapResamples;
      this.seed = bootstrapSeed;
      return this;
    }

    /**
     * Whether bootstrap replicates keep each group's size (default true) or resample all rows
     * together.
     */
    public Builder stratified(boolean byGroup) {
      this.stratified = byGroup;
      return this;
    }

    /**
     * Adds probability scores in [0, 1] for calibration when the report was started from
     * decisions ({@link Fairness#of(int[], int[])}).
     *
     * @throws IllegalArgumentException if null or the length differs
     * @throws IllegalStateException if the builder was started from scores or counts
     */
    public Builder scores(double[] probabilities) {
      requireRows("scores");
      if (probabilities == null) {
        throw new IllegalArgumentException("scores must not be null");
      }
      if (predictions == null) {
        throw new IllegalStateException(
            "scores were already given to Fairness.ofScores(labels, scores, threshold)");
      }
      if (probabilities.length != labels.length) {
        throw new IllegalArgumentException(
            "scores must have the same length as labels (" + labels.length + "), but had "
                + probabilities.length);
      }
      this.scores = probabilities.clone();
      this.calibration = true;
      return this;
    }

    /** Skips calibration, for scores that are not probabilities. */
    public Builder withoutCalibration() {
      this.calibration = false;
      return this;
    }

    /**
     * Sets the calibration bins (default 10, {@link Binning#UNIFORM}).
     *
     * @throws IllegalArgumentException if count &lt; 1
     */
    public Builder calibrationBins(int count, Binning strategy) {
      if (count < 1) {
        throw new IllegalArgumentException("calibration bins must be >= 1, but was " + count);
      }
      this.bins = count;
      this.binning = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    private void requireRows(String what) {
      if (counts != null) {
        throw new IllegalStateException(
            what + "(...) needs row data; this builder was started from GroupCounts");
      }
    }

    /**
     * Computes the report.
     *
     * @throws IllegalStateException if no group attribute was given
     * @throws IllegalArgumentException if a label or prediction is neither the positive nor the
     *     negative value, a score is NaN (or outside [0, 1] when calibration is on), or the
     *     reference group does not exist
     */
    public FairnessReport build() {
      if (counts != null) {
        if (reference != null && !counts.groups().contains(reference)) {
          throw new IllegalArgumentException(
              "reference group '" + reference + "' is not one of the groups " + counts.groups());
        }
        return ReportBuilder.fromCounts(counts, new Settings(List.of(), reference, minGroupSize,
            level, resamples, seed, stratified, bins, binning, counts.weighted(), Double.NaN));
      }
      if (attributes.isEmpty()) {
        throw new IllegalStateException(
            "no group attribute given: call groups(name, values) at least once");
      }
      int n = labels.length;
      int[] y = new int[n];
      int[] p = new int[n];
      for (int i = 0; i < n; i++) {
        y[i] = binary(labels[i], "labels", i);
      }
      if (predictions != null) {
        for (int i = 0; i < n; i++) {
          p[i] = binary(predictions[i], "predictions", i);
        }
      } else {
        for (int i = 0; i < n; i++) {
          if (Double.isNaN(scores[i])) {
            throw new IllegalArgumentException("scores[" + i + "] must not be NaN");
          }
          p[i] = scores[i] >= threshold ? 1 : 0;
        }
      }
      boolean doCalibration = calibration && scores != null;
      if (doCalibration) {
        for (int i = 0; i < n; i++) {
          double s = scores[i];
          if (!(s >= 0 && s <= 1)) {
            throw new IllegalArgumentException(
                "scores[" + i + "] must be a probability in [0, 1] for calibration, but was " + s
                    + " (call withoutCalibration() for other scores)");
          }
        }
      }
      String[] names = groupNames(n);
      GroupCodes codes = GroupCodes.encode("group", names);
      int[] g = codes.codesNoCopy();
      GroupCounts rowCounts;
      if (weights == null) {
        rowCounts = GroupCounts.ofCodes(y, p, g, codes.namesArray());
      } else {
        rowCounts = GroupCounts.create();
        for (int i = 0; i < n; i++) {
          rowCounts.add(names[i], y[i] == 1, p[i] == 1, weights[i]);
        }
      }
      if (reference != null && !codes.names().contains(reference)) {
        throw new IllegalArgumentException(
            "reference group '" + reference + "' is not one of the groups " + rowCounts.groups());
      }
      Settings settings = new Settings(List.copyOf(attributes.keySet()), reference, minGroupSize,
          level, resamples, seed, stratified, bins, binning, weights != null,
          predictions == null ? threshold : Double.NaN);
      FairnessReport report = ReportBuilder.fromCounts(rowCounts, settings);
      if (doCalibration) {
        report = ReportBuilder.withCalibration(report, y, scores, g, codes.names(), settings);
      }
      return report;
    }

    private int binary(int v, String what, int i) {
      if (v == positive) {
        return 1;
      }
      if (v == negative) {
        return 0;
      }
      throw new IllegalArgumentException(what + "[" + i + "] must be the positive label "
          + positive + " or the negative label " + negative + ", but was " + v);
    }

    private String[] groupNames(int n) {
      List<String[]> cols = new ArrayList<>(attributes.values());
      List<String> keys = new ArrayList<>(attributes.keySet());
      if (cols.size() == 1) {
        return cols.get(0);
      }
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
  }

  /** Settings of one report, recorded in it. */
  record Settings(
      List<String> attributes,
      String reference,
      int minGroupSize,
      double level,
      int resamples,
      long seed,
      boolean stratified,
      int bins,
      Binning binning,
      boolean weighted,
      double threshold) {}
}
