package org.mlops4j.drift;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mlops4j.api.tracking.Run;

/**
 * The drift report of a dataset: one {@link FeatureDrift} per feature (p-values corrected with
 * {@link DriftConfig#correction()}), and the dataset verdict: drift when the share of drifted
 * features is at least {@link DriftConfig#datasetDriftShare()} (default 0.5).
 *
 * <pre>{@code
 * DriftReport report = DriftReport.compare(reference, current);
 * report.datasetDrift();
 * report.feature("age").drifted();
 * String html = report.toHtml();   // self-contained page, inline SVG
 * String json = report.toJson();
 * report.logTo(run);               // metrics drift.<feature>.<metric>, drift/report.html|json
 * }</pre>
 *
 * @param features per-feature results in reference column order
 * @param correction the multiple-testing correction used
 * @param alpha the significance level
 * @param driftedCount number of drifted features
 * @param driftedShare driftedCount / number of features
 * @param datasetDriftShare the share at and above which the dataset drifted
 * @param datasetDrift the dataset verdict
 * @since 0.1.0
 */
public record DriftReport(
    List<FeatureDrift> features,
    Correction correction,
    double alpha,
    int driftedCount,
    double driftedShare,
    double datasetDriftShare,
    boolean datasetDrift) {

  /** Copies the list. */
  public DriftReport {
    features = List.copyOf(features);
  }

  static DriftReport of(List<FeatureDrift> features, DriftConfig cfg) {
    int drifted = 0;
    for (FeatureDrift f : features) {
      if (f.drifted()) {
        drifted++;
      }
    }
    double share = features.isEmpty() ? 0.0 : (double) drifted / features.size();
    return new DriftReport(features, cfg.correction(), cfg.alpha(), drifted, share,
        cfg.datasetDriftShare(), share >= cfg.datasetDriftShare());
  }

  /** Fits a baseline on the reference with the defaults and checks the current table. */
  public static DriftReport compare(Columns reference, Columns current) {
    return compare(reference, current, DriftConfig.defaults());
  }

  /**
   * Fits a baseline on the reference and checks the current table.
   *
   * @throws IllegalArgumentException on a schema mismatch or unusable column (see {@link
   *     DriftBaseline#fit(Columns, DriftConfig)} and {@link DriftBaseline#check(Columns)})
   */
  public static DriftReport compare(Columns reference, Columns current, DriftConfig config) {
    return DriftBaseline.fit(reference, config).check(current);
  }

  /**
   * @return a feature's result
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
    throw new IllegalArgumentException("unknown column '" + name + "'; report columns: " + names);
  }

  /** @return the drifted features */
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
   * @return the report as JSON with stable field names: {@code format}
   *     ("mlops4j-drift-report"), {@code version} (1), {@code createdBy}, {@code datasetDrift},
   *     {@code driftedCount}, {@code driftedShare}, {@code datasetDriftShare}, {@code alpha},
   *     {@code correction}, {@code features} (each with the components of {@link FeatureDrift},
   *     {@code pValue}/{@code adjustedPValue} null without a p-value, and {@code bins})
   */
  public String toJson() {
    return ReportJson.write(this);
  }

  /** @return one self-contained HTML page (inline CSS and SVG, no scripts), strings escaped */
  public String toHtml() {
    return ReportHtml.write(this);
  }

  /**
   * Writes the HTML page atomically.
   *
   * @throws org.mlops4j.api.MlopsException if the file cannot be written
   */
  public void saveHtml(Path file) {
    BaselineJson.writeAtomically(file, toHtml());
  }

  /**
   * Writes the JSON atomically.
   *
   * @throws org.mlops4j.api.MlopsException if the file cannot be written
   */
  public void saveJson(Path file) {
    BaselineJson.writeAtomically(file, toJson());
  }

  /**
   * Logs to a tracking run: metrics {@code drift.<feature>.<metric>} for every metric of every
   * feature plus {@code drift.<feature>.drifted} (0/1), {@code drift.<feature>.p_adjusted},
   * {@code drift.dataset.drifted_share}, {@code drift.dataset.drift} (0/1); artifacts {@code
   * drift/report.html} and {@code drift/report.json}. Characters of a feature name other than
   * letters, digits, {@code _ - space} become {@code _} in metric keys.
   *
   * @return this report
   */
  public DriftReport logTo(Run run) {
    Objects.requireNonNull(run, "run");
    for (FeatureDrift f : features) {
      String prefix = "drift." + metricName(f.feature()) + ".";
      for (Map.Entry<String, Double> m : f.metrics().entrySet()) {
        run.logMetric(prefix + m.getKey(), m.getValue());
      }
      run.logMetric(prefix + "drifted", f.drifted() ? 1 : 0);
      f.adjustedPValue().ifPresent(p -> run.logMetric(prefix + "p_adjusted", p));
    }
    run.logMetric("drift.dataset.drifted_share", driftedShare);
    run.logMetric("drift.dataset.drift", datasetDrift ? 1 : 0);
    run.logText("drift/report.html", toHtml());
    run.logText("drift/report.json", toJson());
    return this;
  }

  static String metricName(String feature) {
    StringBuilder sb = new StringBuilder();
    for (char c : feature.toCharArray()) {
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '-' || c == ' ';
      sb.append(ok ? c : '_');
    }
    String s = sb.toString();
    return s.length() > 150 ? s.substring(0, 150) : s;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "DriftReport: %d/%d features drifted (%.1f%%, dataset drift at >= %.1f%%): %s, %s alpha=%s%n",
        driftedCount, features.size(), 100 * driftedShare, 100 * datasetDriftShare,
        datasetDrift ? "DATASET DRIFT" : "no dataset drift",
        correction.name().toLowerCase(Locale.ROOT), alpha));
    for (FeatureDrift f : features) {
      sb.append("  ").append(f).append(System.lineSeparator());
    }
    return sb.toString();
  }
}
