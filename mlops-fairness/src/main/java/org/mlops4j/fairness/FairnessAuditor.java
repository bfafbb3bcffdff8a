package org.mlops4j.fairness;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.Binning;
import org.mlops4j.api.internal.Require;

/**
 * The group fairness auditor: a configured engine whose one verb, {@link #audit(Decisions)}, turns
 * a model's {@link Decisions} into an immutable {@link FairnessReport}. The data goes in the verb's
 * argument, the settings in the auditor, as {@code DriftDetector.compare} in mlops-drift.
 *
 * <pre>{@code
 * FairnessReport report = FairnessAuditor.defaults()
 *     .audit(Decisions.of(labels, predictions).groups("race", race));
 *
 * FairnessAuditor auditor = FairnessAuditor.builder()
 *     .reference("race=White|sex=Male")
 *     .bootstrap(2000, 7)
 *     .build();
 * FairnessReport intersectional =
 *     auditor.audit(Decisions.ofScores(labels, scores, 0.5).groups("race", race).groups("sex", sex));
 *
 * FairnessReport merged = auditor.audit(partition1.merge(partition2));   // GroupCounts
 * }</pre>
 *
 * <p>Defaults: no reference group (the four-fifths rule then uses the group with the highest
 * selection rate); minimum group size 30 rows (smaller groups are {@link GroupStatus#TOO_SMALL}:
 * reported, never judged); confidence level 0.95 for Wilson intervals of rates and bootstrap
 * intervals of disparities; 1000 bootstrap resamples, seed 42, stratified by group (each replicate
 * keeps every group's size; set {@code stratified(false)} to resample all rows together);
 * calibration on when the decisions have scores, with 10 {@link Binning#EQUAL_WIDTH} bins.
 *
 * <p>Bootstrap (percentile method, Efron and Tibshirani, 1993): resampling rows with replacement
 * and counting them is the same as drawing each group's confusion cells from a multinomial with the
 * observed cell frequencies, so replicates are drawn from the counts, in time independent of the
 * number of rows. Stratified, every replicate keeps each group's size, so the interval reflects
 * only the sampling error within groups; not stratified, group sizes vary too (a small group may
 * then vanish from a replicate, which makes that replicate's disparity undefined; intervals use the
 * defined replicates and are omitted when fewer than half are defined). With sample weights a
 * resampled cell weighs its drawn row count times the cell's mean weight. The calibration
 * disparities are bootstrapped by resampling rows (O(resamples × rows); skipped above 2·10^8).
 *
 * <p>An auditor is immutable and thread-safe; {@link #toBuilder()} starts a builder from it.
 *
 * @since 0.1.0
 */
public final class FairnessAuditor {

  private static final FairnessAuditor DEFAULTS = new Builder().build();

  private final @Nullable String reference;
  private final int minGroupSize;
  private final double level;
  private final int resamples;
  private final long seed;
  private final boolean stratified;
  private final boolean calibration;
  private final int bins;
  private final Binning binning;

  private FairnessAuditor(Builder b) {
    this.reference = b.reference;
    this.minGroupSize = b.minGroupSize;
    this.level = b.level;
    this.resamples = b.resamples;
    this.seed = b.seed;
    this.stratified = b.stratified;
    this.calibration = b.calibration;
    this.bins = b.bins;
    this.binning = b.binning;
  }

  /**
   * @return the auditor with the default settings (see the class javadoc)
   */
  public static FairnessAuditor defaults() {
    return DEFAULTS;
  }

  /**
   * @return a builder with the default settings
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return a builder that starts from this auditor's settings
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.reference = reference;
    b.minGroupSize = minGroupSize;
    b.level = level;
    b.resamples = resamples;
    b.seed = seed;
    b.stratified = stratified;
    b.calibration = calibration;
    b.bins = bins;
    b.binning = binning;
    return b;
  }

  /**
   * Audits a model's decisions: per-group rates, criteria, disparities, the four-fifths rule and,
   * when the decisions have scores and calibration is on, per-group calibration.
   *
   * @param decisions the labels, decisions and sensitive attributes
   * @return the report
   * @throws NullPointerException if decisions is null
   * @throws IllegalStateException if the decisions have no group attribute
   * @throws IllegalArgumentException if a label or prediction is neither the positive nor the
   *     negative value, a score is outside [0, 1] while calibration is on, or the reference group
   *     is not one of the groups
   */
  public FairnessReport audit(Decisions decisions) {
    Require.nonNull(decisions, "decisions");
    Require.state(
        !decisions.attributes().isEmpty(),
        "no group attribute given: call groups(name, values) on the Decisions at least once");
    int[] y = decisions.binaryLabels();
    int[] p = decisions.binaryPredictions();
    double[] scores = decisions.scoresNoCopy();
    boolean doCalibration = calibration && scores != null;
    if (doCalibration) {
      for (int i = 0; i < scores.length; i++) {
        double s = scores[i];
        if (!(s >= 0 && s <= 1)) {
          throw new IllegalArgumentException(
              Require.mustBe(
                  "scores[" + i + "]",
                  "in [0, 1] for calibration (turn it off with calibration(false))",
                  s));
        }
      }
    }
    String[] names = decisions.groupNames();
    GroupCodes codes = GroupCodes.encode("group", names);
    int[] g = codes.codesNoCopy();
    double[] weights = decisions.weightsNoCopy();
    GroupCounts rowCounts;
    if (weights == null) {
      rowCounts = GroupCounts.ofCodes(y, p, g, codes.namesArray());
    } else {
      rowCounts = GroupCounts.create();
      for (int i = 0; i < y.length; i++) {
        rowCounts.add(names[i], y[i] == 1, p[i] == 1, weights[i]);
      }
    }
    requireReference(rowCounts.groups());
    AuditSettings settings =
        settings(
            decisions.attributes(),
            weights != null,
            decisions.fromScores() ? decisions.threshold().getAsDouble() : Double.NaN);
    FairnessReport report = ReportComputation.fromCounts(rowCounts, settings);
    if (doCalibration) {
      report = ReportComputation.withCalibration(report, y, scores, g, codes.names(), settings);
    }
    return report;
  }

  /**
   * Audits already accumulated (possibly merged) counts; calibration is then not available (the
   * counts carry the group names and weights, not the scores).
   *
   * <pre>{@code
   * GroupCounts all = partition1.merge(partition2);
   * FairnessReport report = FairnessAuditor.builder().reference("A").build().audit(all);
   * }</pre>
   *
   * @param counts the confusion counts per group
   * @return the report
   * @throws NullPointerException if counts is null
   * @throws IllegalArgumentException if the counts hold no group, or the reference group is not one
   *     of them
   */
  public FairnessReport audit(GroupCounts counts) {
    Require.nonNull(counts, "counts");
    Require.argument(counts.size() > 0, "counts", "non-empty", "empty");
    requireReference(counts.groups());
    return ReportComputation.fromCounts(counts, settings(List.of(), counts.weighted(), Double.NaN));
  }

  /**
   * Audits accumulated counts with calibration from accumulated calibration counts: the report of
   * {@link #audit(GroupCounts)} plus, when calibration is on, every group's {@link
   * GroupCalibration} (the same curve, ECE, MCE, calibration-in-the-large and Brier score as from
   * the rows) and the calibration disparities between groups, without a bootstrap interval (the
   * calibration bootstrap resamples rows). This is the path of a distributed engine: partitions
   * count both apart and merge.
   *
   * <pre>{@code
   * FairnessReport report = FairnessAuditor.defaults()
   *     .audit(counts1.merge(counts2), calibration1.merge(calibration2));
   * }</pre>
   *
   * @param counts the confusion counts per group
   * @param calibration the calibration counts per group, over {@link #calibrationBins()}
   *     equal-width bins, with the rows of the counts (the same groups, as many rows each)
   * @return the report
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the counts hold no group, the reference group is not one of
   *     them, or the calibration counts have other groups, other row counts or another number of
   *     bins
   * @throws IllegalStateException if the auditor's calibration bins are quantile bins (they need
   *     the rows' scores)
   * @since 0.1.0
   */
  public FairnessReport audit(GroupCounts counts, CalibrationCounts calibration) {
    Require.nonNull(counts, "counts");
    Require.nonNull(calibration, "calibration");
    FairnessReport report = audit(counts);
    if (!this.calibration) {
      return report;
    }
    Require.state(
        binning == Binning.EQUAL_WIDTH,
        "quantile calibration bins need the rows' scores: audit Decisions, or set"
            + " calibrationBins(k, Binning.EQUAL_WIDTH)");
    Require.argument(
        calibration.bins() == bins,
        "calibration",
        "counts over the auditor's " + bins + " bins",
        calibration.bins() + " bins");
    Require.argument(
        calibration.groups().equals(counts.groups()),
        "calibration",
        "counts of the groups " + counts.groups(),
        "of " + calibration.groups());
    for (String g : counts.groups()) {
      long rows = counts.counts(g).rows();
      Require.argument(
          calibration.rows(g) == rows,
          "calibration of group '" + g + "'",
          "counts of its " + rows + " rows",
          calibration.rows(g) + " rows");
    }
    return ReportComputation.withCalibration(
        report, calibration, settings(List.of(), counts.weighted(), Double.NaN));
  }

  private void requireReference(List<String> groups) {
    if (reference != null && !groups.contains(reference)) {
      throw new IllegalArgumentException(
          Require.mustBe("reference", "one of the groups " + groups, "'" + reference + "'"));
    }
  }

  private AuditSettings settings(List<String> attributes, boolean weighted, double threshold) {
    return new AuditSettings(
        attributes,
        reference,
        minGroupSize,
        level,
        resamples,
        seed,
        stratified,
        bins,
        binning,
        weighted,
        threshold);
  }

  /**
   * @return the reference group, if one was set
   */
  public Optional<String> reference() {
    return Optional.ofNullable(reference);
  }

  /**
   * @return the minimum group size (default 30)
   */
  public int minGroupSize() {
    return minGroupSize;
  }

  /**
   * @return the confidence level of every interval (default 0.95)
   */
  public double confidenceLevel() {
    return level;
  }

  /**
   * @return the number of bootstrap resamples (default 1000; 0: no bootstrap intervals)
   */
  public int bootstrapResamples() {
    return resamples;
  }

  /**
   * @return the bootstrap seed (default 42)
   */
  public long bootstrapSeed() {
    return seed;
  }

  /**
   * @return true if bootstrap replicates keep each group's size (default)
   */
  public boolean stratified() {
    return stratified;
  }

  /**
   * @return true if calibration is computed when the decisions have scores (default)
   */
  public boolean calibration() {
    return calibration;
  }

  /**
   * @return the number of calibration bins (default 10)
   */
  public int calibrationBins() {
    return bins;
  }

  /**
   * @return how the calibration bins are cut (default {@link Binning#EQUAL_WIDTH})
   */
  public Binning binning() {
    return binning;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "FairnessAuditor[reference=%s, minGroupSize=%d, confidenceLevel=%s, bootstrap=%d"
            + " resamples (seed %d, %s), calibration=%s]",
        reference == null ? "none" : "'" + reference + "'",
        minGroupSize,
        level,
        resamples,
        seed,
        stratified ? "stratified" : "not stratified",
        calibration ? bins + " " + GroupCalibration.label(binning) + " bins" : "off");
  }

  /**
   * Settings of a {@link FairnessAuditor}; each setter checks its argument at once and returns this
   * builder.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable String reference;
    private int minGroupSize = 30;
    private double level = 0.95;
    private int resamples = 1000;
    private long seed = 42;
    private boolean stratified = true;
    private boolean calibration = true;
    private int bins = 10;
    private Binning binning = Binning.EQUAL_WIDTH;

    private Builder() {}

    /**
     * Sets the reference group of the disparities to a reference and of the four-fifths rule
     * (default: none; the four-fifths rule then uses the group with the highest selection rate).
     * Whether the group exists is checked by {@link FairnessAuditor#audit(Decisions)}.
     *
     * @param group the reference group's name, for example {@code "race=White|sex=Male"}
     * @return this builder
     * @throws NullPointerException if group is null
     */
    public Builder reference(String group) {
      this.reference = Require.nonNull(group, "reference");
      return this;
    }

    /**
     * Sets the minimum group size (default 30); smaller groups are TOO_SMALL.
     *
     * @param rows the minimum number of rows of a judged group
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder minGroupSize(int rows) {
      this.minGroupSize = Require.nonNegative(rows, "minGroupSize");
      return this;
    }

    /**
     * Sets the confidence level of every interval (default 0.95).
     *
     * @param confidence the level, in (0, 1)
     * @return this builder
     * @throws IllegalArgumentException if not in (0, 1)
     */
    public Builder confidenceLevel(double confidence) {
      this.level = Require.openUnit(confidence, "confidenceLevel");
      return this;
    }

    /**
     * Sets the number of bootstrap resamples (default 1000; 0 turns bootstrap intervals off) and
     * the seed (default 42).
     *
     * @param bootstrapResamples the number of replicates
     * @param bootstrapSeed the seed of the replicates
     * @return this builder
     * @throws IllegalArgumentException if resamples is negative
     */
    public Builder bootstrap(int bootstrapResamples, long bootstrapSeed) {
      this.resamples = Require.nonNegative(bootstrapResamples, "resamples");
      this.seed = bootstrapSeed;
      return this;
    }

    /**
     * Sets whether bootstrap replicates keep each group's size (default true) or resample all rows
     * together.
     *
     * @param byGroup true to resample within each group
     * @return this builder
     */
    public Builder stratified(boolean byGroup) {
      this.stratified = byGroup;
      return this;
    }

    /**
     * Sets whether calibration is computed when the decisions have scores (default true). Turn it
     * off for scores that are not probabilities in [0, 1].
     *
     * @param enabled true to compute per-group calibration from the scores
     * @return this builder
     */
    public Builder calibration(boolean enabled) {
      this.calibration = enabled;
      return this;
    }

    /**
     * Sets the calibration bins (default 10, {@link Binning#EQUAL_WIDTH}).
     *
     * @param count the number of bins, at least 1
     * @param strategy equal-width (scikit-learn's {@code 'uniform'}) or quantile bins
     * @return this builder
     * @throws IllegalArgumentException if count &lt; 1
     * @throws NullPointerException if strategy is null
     */
    public Builder calibrationBins(int count, Binning strategy) {
      this.bins = Require.positive(count, "count");
      this.binning = Require.nonNull(strategy, "strategy");
      return this;
    }

    /**
     * @return the configured auditor
     */
    public FairnessAuditor build() {
      return new FairnessAuditor(this);
    }
  }
}
