package org.mlops4j.fairness;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.Binning;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.MetricKeys;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.fairness.internal.ReportHtml;
import org.mlops4j.fairness.internal.ReportJson;
import org.mlops4j.fairness.internal.ResultFiles;
import org.mlops4j.report.PageContent;
import org.mlops4j.report.Section;

/**
 * The immutable result of a group fairness analysis: per-group rates with Wilson intervals, the
 * named fairness criteria and every disparity with bootstrap intervals, the four-fifths rule, and
 * (when scores were given) per-group calibration. Made by {@link FairnessAuditor#audit(Decisions)}
 * (or {@link FairnessAuditor#audit(GroupCounts)}).
 *
 * <p>Named criteria ({@link #criteria()}), all between groups that are large enough:
 *
 * <ul>
 *   <li>{@code demographic_parity_difference} / {@code demographic_parity_ratio} ({@link
 *       #demographicParityDifference()}, {@link #demographicParityRatio()}): max − min and min /
 *       max of the selection rate between groups (Fairlearn {@code
 *       demographic_parity_difference/ratio}; statistical parity in AIF360);
 *   <li>{@code equalized_odds_difference}: max(TPR difference, FPR difference), the worst case as
 *       Fairlearn's {@code equalized_odds_difference(agg='worst_case')}; {@code
 *       equalized_odds_difference_mean}: their mean ({@code agg='mean'}); {@code
 *       equalized_odds_ratio}: min(TPR ratio, FPR ratio) (Hardt, Price and Srebro, 2016);
 *   <li>{@code equal_opportunity_difference} / {@code _ratio}: of the TPR (Hardt et al., 2016;
 *       AIF360 {@code equal_opportunity_difference});
 *   <li>{@code predictive_parity_difference} / {@code _ratio}: of the PPV (Chouldechova, 2017;
 *       Aequitas' precision disparity);
 *   <li>{@code false_positive_rate_parity_difference} / {@code _ratio}: of the FPR (Aequitas' FPR
 *       parity);
 *   <li>{@code disparate_impact} ({@link #disparateImpact()}): min over groups of selection rate /
 *       selection rate of the reference (or highest) group, not folded (AIF360 {@code
 *       disparate_impact}); see {@link #fourFifthsRule()}.
 * </ul>
 *
 * <p>The two ratios of selection rates have one name each: {@code demographicParityRatio} is the
 * smallest over the largest group's rate (Fairlearn), {@code disparateImpact} the ratio to the
 * reference group (AIF360).
 *
 * <p>{@link #disparities()} holds, for every {@link RateMetric}, the difference and ratio between
 * groups, to overall and (with a reference group) to the reference, named like {@code
 * fpr_difference_to_reference} (see {@link Disparity}), and equalized odds to overall and to the
 * reference ({@code equalized_odds_difference_to_overall}, as Fairlearn's {@code
 * equalized_odds_difference(method='to_overall')}; {@code equalized_odds_ratio_to_reference}). The
 * selection rate between groups is left out there: it is the demographic parity criterion above.
 *
 * <p>Output: {@link #toString()} (readable in JShell), {@link #toJson()} (format {@value #FORMAT}),
 * {@link #toHtml()} (one self-contained page, inline SVG, every user string escaped), {@link
 * #save(Path)}, {@link #saveJson(Path)}, {@link #saveHtml(Path)} and {@link #logTo(Run)}. The
 * page's content is also one {@link Section} ({@link #toSection()}), to put on a page of the user's
 * own with other reports: {@code Page.builder().title("Review").add(report).build()}.
 *
 * @since 0.1.0
 */
public final class FairnessReport implements PageContent {

  /** The {@code format} of the JSON document, {@value}. */
  public static final String FORMAT = "mlops4j.fairness-report";

  /** The {@code formatVersion} of the JSON document written by this version. */
  public static final int FORMAT_VERSION = 1;

  private final AuditSettings settings;
  private final List<GroupMetrics> groups;
  private final GroupMetrics overall;
  private final List<Disparity> criteria;
  private final List<Disparity> disparities;
  private final FourFifthsRule fourFifths;
  private final List<GroupCalibration> calibration;
  private final @Nullable GroupCalibration overallCalibration;
  private final List<Disparity> calibrationDisparities;
  private final List<String> notes;
  private final Instant createdAt;

  FairnessReport(
      AuditSettings settings,
      List<GroupMetrics> groups,
      GroupMetrics overall,
      List<Disparity> criteria,
      List<Disparity> disparities,
      FourFifthsRule fourFifths,
      List<GroupCalibration> calibration,
      List<Disparity> calibrationDisparities,
      List<String> notes) {
    this(
        settings,
        groups,
        overall,
        criteria,
        disparities,
        fourFifths,
        calibration,
        null,
        calibrationDisparities,
        notes,
        Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  private FairnessReport(
      AuditSettings settings,
      List<GroupMetrics> groups,
      GroupMetrics overall,
      List<Disparity> criteria,
      List<Disparity> disparities,
      FourFifthsRule fourFifths,
      List<GroupCalibration> calibration,
      @Nullable GroupCalibration overallCalibration,
      List<Disparity> calibrationDisparities,
      List<String> notes,
      Instant createdAt) {
    this.settings = settings;
    this.groups = List.copyOf(groups);
    this.overall = overall;
    this.criteria = List.copyOf(criteria);
    this.disparities = List.copyOf(disparities);
    this.fourFifths = fourFifths;
    this.calibration = List.copyOf(calibration);
    this.overallCalibration = overallCalibration;
    this.calibrationDisparities = List.copyOf(calibrationDisparities);
    this.notes = List.copyOf(notes);
    this.createdAt = createdAt;
  }

  FairnessReport withCalibration(
      List<GroupCalibration> cal, GroupCalibration all, List<Disparity> disp, List<String> n) {
    return new FairnessReport(
        settings, groups, overall, criteria, disparities, fourFifths, cal, all, disp, n, createdAt);
  }

  /**
   * @return the sensitive attributes, in the order given
   */
  public List<String> attributes() {
    return settings.attributes();
  }

  /**
   * @return every group, sorted by name
   */
  public List<GroupMetrics> groups() {
    return groups;
  }

  /**
   * @param name the group's name
   * @return one group
   * @throws IllegalArgumentException if there is no such group
   */
  public GroupMetrics group(String name) {
    Require.nonNull(name, "name");
    for (GroupMetrics g : groups) {
      if (g.name().equals(name)) {
        return g;
      }
    }
    throw new IllegalArgumentException(
        Require.mustBe("name", "one of the groups " + groupNames(), "'" + name + "'"));
  }

  /**
   * @return the group names, sorted
   */
  public List<String> groupNames() {
    List<String> out = new ArrayList<>();
    groups.forEach(g -> out.add(g.name()));
    return out;
  }

  /**
   * @return the rates over all rows
   */
  public GroupMetrics overall() {
    return overall;
  }

  /**
   * @return the reference group, if one was chosen
   */
  public Optional<String> reference() {
    return Optional.ofNullable(settings.reference());
  }

  /**
   * @return the minimum group size (default 30)
   */
  public int minGroupSize() {
    return settings.minGroupSize();
  }

  /**
   * @return the confidence level of every interval (default 0.95)
   */
  public double confidenceLevel() {
    return settings.level();
  }

  /**
   * @return the number of bootstrap resamples (0: no bootstrap intervals)
   */
  public int bootstrapResamples() {
    return settings.resamples();
  }

  /**
   * @return the bootstrap seed
   */
  public long bootstrapSeed() {
    return settings.seed();
  }

  /**
   * @return true if bootstrap replicates kept each group's size
   */
  public boolean bootstrapStratified() {
    return settings.stratified();
  }

  /**
   * @return true if sample weights were given
   */
  public boolean weighted() {
    return settings.weighted();
  }

  /**
   * @return the decision threshold applied to scores, or empty when decisions were given
   */
  public OptionalDouble threshold() {
    return Double.isNaN(settings.threshold())
        ? OptionalDouble.empty()
        : OptionalDouble.of(settings.threshold());
  }

  /**
   * @return the number of calibration bins asked for (default 10; empty bins are left out of {@link
   *     GroupCalibration#bins()})
   */
  public int calibrationBins() {
    return settings.bins();
  }

  /**
   * @return how the calibration bins are cut (default {@link Binning#EQUAL_WIDTH})
   */
  public Binning binning() {
    return settings.binning();
  }

  /**
   * @return when the report was computed (milliseconds, UTC); the {@code createdAt} of its JSON and
   *     the time shown on its page
   */
  public Instant createdAt() {
    return createdAt;
  }

  /**
   * @return the named criteria, in a fixed order (see the class javadoc)
   */
  public List<Disparity> criteria() {
    return criteria;
  }

  /**
   * @return every per-metric disparity (difference and ratio; between groups, to overall, ...)
   */
  public List<Disparity> disparities() {
    return disparities;
  }

  /**
   * @param name a criterion's or disparity's name, e.g. {@code "equalized_odds_difference"} or
   *     {@code "tpr_ratio_to_overall"}
   * @return the criterion or disparity with that name
   * @throws IllegalArgumentException if there is none
   */
  public Disparity disparity(String name) {
    Require.nonNull(name, "name");
    for (List<Disparity> list : List.of(criteria, disparities, calibrationDisparities)) {
      for (Disparity d : list) {
        if (d.name().equals(name)) {
          return d;
        }
      }
    }
    throw new IllegalArgumentException(
        Require.mustBe("name", "a criterion or disparity of this report", "'" + name + "'"));
  }

  /**
   * @return Fairlearn's demographic_parity_difference (selection rate, max − min)
   */
  public Disparity demographicParityDifference() {
    return disparity("demographic_parity_difference");
  }

  /**
   * @return Fairlearn's demographic_parity_ratio: the smallest group selection rate over the
   *     largest (not the ratio to a reference group, which is {@link #disparateImpact()})
   */
  public Disparity demographicParityRatio() {
    return disparity("demographic_parity_ratio");
  }

  /**
   * @return Fairlearn's equalized_odds_difference, worst case: max(TPR diff, FPR diff)
   */
  public Disparity equalizedOddsDifference() {
    return disparity("equalized_odds_difference");
  }

  /**
   * @return the mean of the TPR and FPR differences (Fairlearn agg='mean')
   */
  public Disparity equalizedOddsDifferenceMean() {
    return disparity("equalized_odds_difference_mean");
  }

  /**
   * @return the TPR difference between groups (equal opportunity)
   */
  public Disparity equalOpportunityDifference() {
    return disparity("equal_opportunity_difference");
  }

  /**
   * @return the PPV difference between groups (predictive parity)
   */
  public Disparity predictiveParityDifference() {
    return disparity("predictive_parity_difference");
  }

  /**
   * @return the FPR difference between groups
   */
  public Disparity falsePositiveRateParityDifference() {
    return disparity("false_positive_rate_parity_difference");
  }

  /**
   * @return AIF360's disparate_impact: the smallest ratio of a group's selection rate to the
   *     reference group's (or, without a reference, the highest group's); not folded
   */
  public Disparity disparateImpact() {
    return disparity("disparate_impact");
  }

  /**
   * @return the four-fifths rule
   */
  public FourFifthsRule fourFifthsRule() {
    return fourFifths;
  }

  /**
   * @return per-group calibration (empty unless scores were given), sorted by group
   */
  public List<GroupCalibration> calibration() {
    return calibration;
  }

  /**
   * @param group the group's name
   * @return the calibration of one group
   * @throws IllegalArgumentException if there is no calibration for that group
   */
  public GroupCalibration calibration(String group) {
    Require.nonNull(group, "group");
    for (GroupCalibration c : calibration) {
      if (c.group().equals(group)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        Require.mustBe(
            "group",
            calibration.isEmpty()
                ? "a calibrated group (calibration needs scores; this report has none)"
                : "one of the calibrated groups " + groupNames(),
            "'" + group + "'"));
  }

  /**
   * @return the calibration over all rows, if scores were given
   */
  public Optional<GroupCalibration> overallCalibration() {
    return Optional.ofNullable(overallCalibration);
  }

  /**
   * @return differences between groups of ECE, MCE, calibration in the large and Brier score
   */
  public List<Disparity> calibrationDisparities() {
    return calibrationDisparities;
  }

  /**
   * @return remarks: TOO_SMALL groups, undefined rates, the calibration/error-rate trade-off
   */
  public List<String> notes() {
    return notes;
  }

  /**
   * The report as JSON, in the one convention of mlops4j: the header ({@code format} {@value
   * #FORMAT}, {@code formatVersion} 1, {@code library}, {@code libraryVersion}, {@code createdAt}),
   * then {@code attributes}, {@code reference}, {@code minGroupSize}, {@code confidenceLevel},
   * {@code weighted}, {@code threshold} (the decision threshold applied to scores, present only
   * when the decisions came from {@code Decisions.ofScores}; absent when they were given and in
   * documents written before it was added: unknown), {@code bootstrap} ({@code resamples}, {@code
   * seed}, {@code stratified}, {@code method}), {@code groups} and {@code overall} (each with
   * {@code name}, {@code size}, {@code status}, {@code counts} and {@code rates} keyed by {@link
   * RateMetric#key()}), {@code criteria}, {@code fourFifthsRule}, {@code disparities}, {@code
   * calibration}, {@code calibrationDisparities}, {@code notes}. Field names are camelCase; an
   * undefined value is {@code null} with a sibling {@code valueReason}; NaN never appears.
   *
   * @return the JSON document
   */
  public String toJson() {
    return ReportJson.write(this);
  }

  /**
   * One self-contained HTML page: what the report is about (attributes, rows, groups, settings,
   * library version, time), the verdict (four-fifths rule, groups too small to judge) and the
   * headline criteria first; then one bar chart per rate with each group's Wilson interval and the
   * overall value as a line; calibration curves with markers sized by the rows in each bin; the
   * largest disparities, with the full list folded. Inline CSS and SVG, no script; every user
   * string escaped.
   *
   * @return the page
   */
  public String toHtml() {
    return ReportHtml.render(this);
  }

  /**
   * The page's content as one section ("Fairness by &lt;attributes&gt;", with what it is about and
   * the page's sections one level down), to put on a {@link org.mlops4j.report.Page} with other
   * reports and the user's own sections.
   *
   * @return the section
   */
  @Override
  public Section toSection() {
    return ReportHtml.section(this);
  }

  /**
   * Writes the report to a file, atomically (a temporary file renamed over the target): the HTML
   * page when the file name ends in {@code .html} (any case), else the JSON.
   *
   * @param file where to write
   * @throws NullPointerException if file is null
   * @throws org.mlops4j.api.MlopsException if the file cannot be written
   */
  public void save(Path file) {
    ResultFiles.save(file, this::toJson, this::toHtml);
  }

  /**
   * Writes {@link #toJson()} to a file, atomically, whatever the file's name.
   *
   * @param file where to write
   * @throws NullPointerException if file is null
   * @throws org.mlops4j.api.MlopsException if the file cannot be written
   */
  public void saveJson(Path file) {
    Require.nonNull(file, "file");
    AtomicFiles.save(file, toJson(), AtomicFiles.Durability.ATOMIC);
  }

  /**
   * Writes {@link #toHtml()} to a file, atomically, whatever the file's name.
   *
   * @param file where to write
   * @throws NullPointerException if file is null
   * @throws org.mlops4j.api.MlopsException if the file cannot be written
   */
  public void saveHtml(Path file) {
    Require.nonNull(file, "file");
    AtomicFiles.save(file, toHtml(), AtomicFiles.Durability.ATOMIC);
  }

  /**
   * Logs the report to a tracking run: the defined criteria as metrics {@code fairness.<criterion>}
   * (for example {@code fairness.equalized_odds_difference}), {@code fairness.four_fifths_passed}
   * (1 or 0, when the rule is defined), the defined calibration disparities ({@code
   * fairness.ece_difference_between_groups}, ...), and the artifacts {@code fairness/report.json}
   * and {@code fairness/report.html}.
   *
   * @param run the run to log to
   * @return this report
   * @throws NullPointerException if run is null
   */
  public FairnessReport logTo(Run run) {
    Require.nonNull(run, "run");
    for (Disparity d : criteria) {
      if (d.defined()) {
        run.logMetric(MetricKeys.key("fairness", d.name()), d.value());
      }
    }
    if (fourFifths.defined()) {
      run.logMetric(MetricKeys.key("fairness", "four_fifths_passed"), fourFifths.passed() ? 1 : 0);
    }
    for (Disparity d : calibrationDisparities) {
      if (d.defined()) {
        run.logMetric(MetricKeys.key("fairness", d.name()), d.value());
      }
    }
    run.logText("fairness/report.json", toJson());
    run.logText("fairness/report.html", toHtml());
    return this;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("FairnessReport (attributes ").append(attributes());
    reference().ifPresent(r -> sb.append(", reference \"").append(r).append('"'));
    sb.append(
        String.format(
            Locale.ROOT,
            ", min group size %d, %.0f%% intervals)%n",
            minGroupSize(),
            confidenceLevel() * 100));
    sb.append(
        String.format(
            Locale.ROOT,
            "%-28s %8s %8s %8s %8s %8s %8s %8s%n",
            "group",
            "n",
            "sel",
            "base",
            "TPR",
            "FPR",
            "PPV",
            "acc"));
    List<GroupMetrics> rows = new ArrayList<>(groups);
    rows.add(overall);
    for (GroupMetrics g : rows) {
      String name = g.name().length() > 28 ? g.name().substring(0, 25) + "..." : g.name();
      sb.append(
          String.format(
              Locale.ROOT,
              "%-28s %8d %8s %8s %8s %8s %8s %8s%s%n",
              name,
              g.size(),
              cell(g.selectionRate()),
              cell(g.baseRate()),
              cell(g.tpr()),
              cell(g.fpr()),
              cell(g.ppv()),
              cell(g.accuracy()),
              g.status() == GroupStatus.TOO_SMALL ? "  TOO_SMALL" : ""));
    }
    sb.append("criteria:").append(System.lineSeparator());
    for (Disparity d : criteria) {
      sb.append("  ").append(d).append(System.lineSeparator());
    }
    sb.append("  ").append(fourFifths).append(System.lineSeparator());
    if (!calibration.isEmpty()) {
      sb.append("calibration:").append(System.lineSeparator());
      for (GroupCalibration c : calibration) {
        sb.append("  ").append(c).append(System.lineSeparator());
      }
    }
    for (String note : notes) {
      sb.append("note: ").append(note).append(System.lineSeparator());
    }
    return sb.toString();
  }

  private static String cell(Rate r) {
    return r.defined() ? String.format(Locale.ROOT, "%.4f", r.value()) : "undef";
  }
}
