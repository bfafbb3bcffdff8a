package org.mlops4j.drift;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.MetricKeys;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.drift.internal.ReportHtml;
import org.mlops4j.drift.internal.ReportJson;
import org.mlops4j.report.PageContent;
import org.mlops4j.report.Section;

/**
 * The drift report of a dataset: one {@link FeatureDrift} per feature (p-values corrected with
 * {@link DriftDetector#correction()}), and the dataset verdict: drift when the share of drifted
 * features is at least {@link DriftDetector#datasetDriftShare()} (default 0.5). The same record
 * whichever engine made it: {@link DriftDetector#compare(Columns, Columns)}, {@link
 * DriftBaseline#compare(Columns)} or a window of the production monitor.
 *
 * <pre>{@code
 * DriftReport report = DriftDetector.defaults().compare(reference, current);
 * report.datasetDrift();
 * report.feature("age").drifted();
 * report.save(Path.of("drift.html"));   // self-contained page, inline SVG; .json for the JSON
 * report.logTo(run);                    // metrics drift.<feature>.<statistic>, drift/report.*
 * }</pre>
 *
 * <p>JSON ({@link #toJson()}): the header of every mlops4j document ({@code format} {@code
 * "mlops4j.drift-report"}, {@code formatVersion} 1, {@code library}, {@code libraryVersion}, {@code
 * createdAt}), then {@code datasetDrift}, {@code driftedCount}, {@code driftedShare}, {@code
 * datasetDriftShare}, {@code alpha}, {@code correction} and {@code features}, each with the
 * components of {@link FeatureDrift} ({@code metricPrefix} after {@code feature}: the prefix of the
 * feature's metric keys, see {@link #logTo(Run)}; {@code kind} as its {@link ColumnKind#key()} and
 * {@code kindReason} after {@code type}; {@code method} as its key; {@code tested}; {@code
 * statistic}, {@code pValue} and {@code adjustedPValue} null with a sibling {@code ...Reason} for a
 * method without a p-value or a feature not tested, {@code metrics} by key, {@code bins} with
 * {@code labels}, {@code reference} and {@code current} shares).
 *
 * <p>HTML ({@link #toHtml()}): one self-contained page in the order of Evidently's data drift page:
 * what was compared (features, reference and current rows, alpha, correction, the dataset drift
 * threshold, library version, {@code createdAt}); the verdict and headline tiles (drifted share,
 * features drifted, largest PSI, columns not tested); one row per feature, drifted first and then
 * by PSI, with its kind, method, statistic, p-values, effect sizes and verdict; one overlaid
 * reference/current histogram per feature (numeric features on the PSI bins, categorical and binary
 * ones by value) with the reason for its kind and its notes. The same content is one {@link
 * Section} ({@link #toSection()}) for a page of the user's own: {@code
 * Page.builder().title("Review").add(report).build()}.
 *
 * <p>{@code equals} and {@code hashCode} leave {@code createdAt} out: two reports of the same
 * comparison are equal whenever they were made.
 *
 * @param features per-feature results in reference column order
 * @param correction the multiple-testing correction used
 * @param alpha the significance level
 * @param driftedCount number of drifted features
 * @param driftedShare driftedCount / {@link #comparedCount()}, the features compared (0 without
 *     any): a column listed but not compared (of kind identifier, empty or excluded) does not
 *     count, unless it drifted by its missing rate
 * @param datasetDriftShare the share at and above which the dataset drifted
 * @param datasetDrift the dataset verdict
 * @param createdAt when the comparison was made
 * @since 0.1.0
 */
public record DriftReport(
    List<FeatureDrift> features,
    Correction correction,
    double alpha,
    int driftedCount,
    double driftedShare,
    double datasetDriftShare,
    boolean datasetDrift,
    Instant createdAt)
    implements PageContent {

  /**
   * Copies the list.
   *
   * @throws NullPointerException if a component is null
   */
  public DriftReport {
    features = List.copyOf(Require.nonNull(features, "features"));
    Require.nonNull(correction, "correction");
    Require.nonNull(createdAt, "createdAt");
  }

  /**
   * The distribution charts of the report's page for any list of features, as one section
   * ("Distributions") to put on a page of one's own: a note on how to read them, then per feature
   * an overlaid reference (filled) / current (hatched) histogram of the shares of each side's
   * non-missing rows (numeric and time features on their PSI bins; categorical, binary and discrete
   * ones, those with {@link FeatureDrift#valueShares()}, by value), subtitled with its kind,
   * method, statistic, adjusted p-value, PSI and verdict, and followed by the reason for its kind
   * and its note; a feature without anything to draw (identifier-like, no value) gets a muted line
   * instead. The features are drawn in the page's order: drifted first, then tested, then by PSI
   * (largest first), then by name; after the sixth, the charts are folded. The same section as in
   * {@link #toSection()} and {@link #toHtml()} for the report's features.
   *
   * <pre>{@code
   * Section charts = DriftReport.distributions(List.of(report.feature("age")));
   * Page.builder().title("Review").add(charts).build().toHtml();
   * }</pre>
   *
   * @param features the features to draw (their order does not matter; may be empty)
   * @return the section
   * @throws NullPointerException if features or one of them is null
   * @since 0.1.0
   */
  public static Section distributions(List<FeatureDrift> features) {
    Require.nonNull(features, "features");
    for (int i = 0; i < features.size(); i++) {
      Require.nonNull(features.get(i), "features[" + i + "]");
    }
    return ReportHtml.distributions(features);
  }

  /**
   * @param name a feature's name
   * @return the feature's result
   * @throws IllegalArgumentException if there is no such feature
   */
  public FeatureDrift feature(String name) {
    for (FeatureDrift f : features) {
      if (f.feature().equals(name)) {
        return f;
      }
    }
    List<String> names = new ArrayList<>();
    features.forEach(f -> names.add(f.feature()));
    throw new IllegalArgumentException(
        Require.mustBe("feature", "one of " + names, "'" + name + "'"));
  }

  /**
   * The number of features the drifted share is over: those of a kind that is compared ({@link
   * ColumnKind#testable()}: numeric, binary, time, categorical), and any other that drifted (a
   * column without a value in the reference whose missing rate changed). Columns listed but not
   * compared (identifier-like, without a value, left out by the caller) do not dilute the share.
   *
   * @return the number of features compared
   */
  public int comparedCount() {
    return compared(features);
  }

  /** The number of features compared: of a testable kind, or drifted. */
  static int compared(List<FeatureDrift> features) {
    int n = 0;
    for (FeatureDrift f : features) {
      if (f.kind().testable() || f.drifted()) {
        n++;
      }
    }
    return n;
  }

  /**
   * @return the drifted features, in report order
   */
  public List<FeatureDrift> drifted() {
    List<FeatureDrift> out = new ArrayList<>();
    for (FeatureDrift f : features) {
      if (f.drifted()) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * @return the report as JSON, in the format described above
   */
  public String toJson() {
    return ReportJson.write(this);
  }

  /**
   * The report's page, described above: inline CSS and SVG, no scripts, every string escaped. The
   * same text on every call (the time shown is {@link #createdAt()}).
   *
   * @return one self-contained HTML page
   */
  public String toHtml() {
    return ReportHtml.write(this);
  }

  /**
   * The page's content as one section ("Data drift", with what was compared and the page's sections
   * one level down), to put on a {@link org.mlops4j.report.Page} with other reports and the user's
   * own sections.
   *
   * @return the section
   */
  @Override
  public Section toSection() {
    return ReportHtml.section(this);
  }

  /**
   * Writes the report atomically (temporary file, then rename): the HTML page when the file name
   * ends in {@code .html}, else the JSON. Parent folders are created.
   *
   * @param file the target file
   * @throws NullPointerException if file is null
   * @throws org.mlops4j.api.MlopsException if the file cannot be written
   */
  public void save(Path file) {
    AtomicFiles.saveJsonOrHtml(file, this::toJson, this::toHtml, AtomicFiles.Durability.ATOMIC);
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
   * Logs to a tracking run: metrics {@code drift.<feature>.<statistic>} for every metric of every
   * feature (the keys of {@link FeatureDrift#metrics()}) plus {@code drift.<feature>.drifted} (0/1)
   * and {@code drift.<feature>.p_adjusted}; {@code drift.dataset.drifted_share} and {@code
   * drift.dataset.drifted} (0/1); artifacts {@code drift/report.html} and {@code
   * drift/report.json}.
   *
   * <p>The {@code <feature>} segment is one to one: a name made of letters, digits, {@code _} and
   * {@code -} only is kept as it is ({@code age}); any other name (and the name {@code dataset},
   * the subject of the dataset's own keys) has every other character replaced by {@code _} and gets
   * {@code -} and the first 8 hexadecimal digits of the SHA-256 of its UTF-8 bytes ({@code a<b} is
   * {@code drift.a_b-4a826aac.*}, {@code a>b} {@code drift.a_b-998a5be8.*}). In the rare case that
   * two features of the report still meet, the features that meet take longer suffixes (16, then 64
   * digits). The JSON artifact records each feature's prefix in {@code metricPrefix}.
   *
   * @param run the run
   * @return this report
   * @throws NullPointerException if run is null
   */
  public DriftReport logTo(Run run) {
    Require.nonNull(run, "run");
    Map<String, String> segments = ReportJson.segments(this);
    for (FeatureDrift f : features) {
      String prefix = "drift." + segments.get(f.feature()) + ".";
      for (Map.Entry<String, Double> m : f.metrics().entrySet()) {
        run.logMetric(prefix + MetricKeys.segment(m.getKey()), m.getValue());
      }
      run.logMetric(prefix + "drifted", f.drifted() ? 1 : 0);
      f.adjustedPValue().ifPresent(p -> run.logMetric(prefix + "p_adjusted", p));
    }
    run.logMetric("drift.dataset.drifted_share", driftedShare);
    run.logMetric("drift.dataset.drifted", datasetDrift ? 1 : 0);
    run.logText("drift/report.html", toHtml());
    run.logText("drift/report.json", toJson());
    return this;
  }

  /** Equal when every component but {@code createdAt} is equal. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof DriftReport r
        && features.equals(r.features)
        && correction == r.correction
        && Double.compare(alpha, r.alpha) == 0
        && driftedCount == r.driftedCount
        && Double.compare(driftedShare, r.driftedShare) == 0
        && Double.compare(datasetDriftShare, r.datasetDriftShare) == 0
        && datasetDrift == r.datasetDrift;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        features, correction, alpha, driftedCount, driftedShare, datasetDriftShare, datasetDrift);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "DriftReport: %d/%d features drifted (%.1f%%, dataset drift at >= %.1f%%): %s, %s"
                + " alpha=%s%s%n",
            driftedCount,
            comparedCount(),
            100 * driftedShare,
            100 * datasetDriftShare,
            datasetDrift ? "DATASET DRIFT" : "no dataset drift",
            correction.name().toLowerCase(Locale.ROOT),
            alpha,
            features.size() > comparedCount()
                ? "; " + (features.size() - comparedCount()) + " more listed, not compared"
                : ""));
    for (FeatureDrift f : features) {
      sb.append("  ").append(f).append(System.lineSeparator());
    }
    return sb.toString();
  }
}
