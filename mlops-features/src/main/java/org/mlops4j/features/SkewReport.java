package org.mlops4j.features;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.LibraryVersion;
import org.mlops4j.api.internal.MetricKeys;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.report.Element;
import org.mlops4j.report.Figure;
import org.mlops4j.report.Page;
import org.mlops4j.report.Table;
import org.mlops4j.report.Tone;
import org.mlops4j.report.internal.Json;

/**
 * Training/serving skew per input feature, made by {@link SkewMonitor#report()}: the drift module's
 * test of each feature (KS, chi-square or two-proportion z, as the {@code DriftBaseline} chose),
 * its p-value (not corrected for multiple testing), the PSI of all serving values and the verdict.
 *
 * @param features one entry per compared feature, in baseline order
 * @param rows the number of served records observed
 * @param sampleSize the reservoir size per numeric feature
 * @param notObserved features of the baseline without a serving value
 * @since 0.1.0
 */
public record SkewReport(
    List<FeatureSkew> features, long rows, int sampleSize, List<String> notObserved) {

  /** The {@code format} of the JSON document, {@value}. */
  public static final String FORMAT = "mlops4j.feature-skew";

  /** The {@code formatVersion} of the JSON document written by this version. */
  public static final int FORMAT_VERSION = 1;

  /**
   * Copies the lists.
   *
   * @throws NullPointerException if a list is null
   */
  public SkewReport {
    features = List.copyOf(Require.nonNull(features, "features"));
    notObserved = List.copyOf(Require.nonNull(notObserved, "notObserved"));
  }

  /**
   * @return the names of the skewed features
   */
  public List<String> skewedFeatures() {
    List<String> out = new ArrayList<>();
    for (FeatureSkew f : features) {
      if (f.skewed()) {
        out.add(f.feature());
      }
    }
    return out;
  }

  /**
   * @param feature a feature's name
   * @return its entry
   * @throws IllegalArgumentException if the feature was not compared
   */
  public FeatureSkew feature(String feature) {
    for (FeatureSkew f : features) {
      if (f.feature().equals(feature)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        Require.mustBe("feature", "one of the compared features", "'" + feature + "'"));
  }

  /**
   * Logs, per feature, {@code features.skew.<feature>.<measure>} for every metric of the drift
   * comparison ({@code ks}, {@code ks_p}, {@code chi2}, {@code chi2_p}, {@code z}, {@code z_p},
   * {@code missing_rate_ref}, ...; {@code psi} from all serving values) and {@code
   * features.skew.<feature>.skewed} (1 or 0), then {@code features.skew.dataset.skewed_share}.
   *
   * @param run the run to log to
   * @return this report
   * @throws NullPointerException if run is null
   */
  public SkewReport logTo(Run run) {
    Require.nonNull(run, "run");
    for (FeatureSkew f : features) {
      for (Map.Entry<String, Double> e : metrics(f).entrySet()) {
        if (Double.isFinite(e.getValue())) {
          run.logMetric(MetricKeys.key("features", "skew", f.feature(), e.getKey()), e.getValue());
        }
      }
      run.logMetric(MetricKeys.key("features", "skew", f.feature(), "skewed"), f.skewed() ? 1 : 0);
    }
    run.logMetric(MetricKeys.key("features", "skew", "dataset", "skewed_share"), skewedShare());
    return this;
  }

  private double skewedShare() {
    return features.isEmpty() ? 0 : (double) skewedFeatures().size() / features.size();
  }

  private static Map<String, Double> metrics(FeatureSkew f) {
    Map<String, Double> m = new LinkedHashMap<>(f.drift().metrics());
    m.put("psi", f.psi());
    return m;
  }

  /**
   * @return the JSON document: the header ({@code format} {@value #FORMAT}, {@code formatVersion}
   *     1, ...), {@code rows}, {@code sampleSize}, {@code skewedShare}, {@code notObserved}, {@code
   *     features}: each {@code feature}, {@code kind}, {@code method}, {@code tested}, {@code
   *     statistic}, {@code pValue}, {@code psi}, {@code skewed}, {@code served}, {@code sampled},
   *     {@code note}, {@code metrics}; an undefined number is null with a {@code <name>Reason}
   */
  public String toJson() {
    Map<String, Object> m = Json.document(FORMAT, FORMAT_VERSION);
    m.put("rows", rows);
    m.put("sampleSize", sampleSize);
    m.put("skewedShare", skewedShare());
    m.put("notObserved", notObserved);
    List<Map<String, Object>> fs = new ArrayList<>();
    for (FeatureSkew f : features) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("feature", f.feature());
      e.put("kind", f.drift().kind().key());
      e.put("method", f.drift().method().key());
      e.put("tested", f.drift().tested());
      Json.putNumber(e, "statistic", f.drift().statistic(), "not tested");
      Json.putNumber(e, "pValue", f.drift().pValue().orElse(Double.NaN), "no p-value");
      Json.putNumber(e, "psi", f.psi(), "not computed");
      e.put("skewed", f.skewed());
      e.put("served", f.served());
      e.put("sampled", f.sampled());
      e.put("note", f.drift().note());
      Map<String, Object> ms = new LinkedHashMap<>();
      metrics(f).forEach((k, v) -> ms.put(k, Json.finiteOrNull(v)));
      e.put("metrics", ms);
      fs.add(e);
    }
    m.put("features", fs);
    return Json.write(m);
  }

  /**
   * @return a self-contained HTML page: the skewed share, then one table row per feature (test,
   *     statistic, p-value, PSI, served values, verdict), skewed rows marked
   */
  public String toHtml() {
    Table.Builder t =
        Table.builder()
            .columns("feature", "kind", "test", "statistic", "p-value", "PSI", "served", "verdict")
            .numeric(3, 4, 5, 6);
    for (FeatureSkew f : features) {
      t.row(
          f.skewed() ? Tone.BAD : Tone.GOOD,
          f.feature(),
          f.drift().kind().key(),
          f.drift().method().key(),
          number(f.drift().statistic()),
          f.drift().pValue().isPresent() ? number(f.drift().pValue().getAsDouble()) : "",
          number(f.psi()),
          f.served(),
          f.skewed() ? "skewed" : "ok");
    }
    Map<String, Object> about = new LinkedHashMap<>();
    about.put("served records", rows);
    about.put("sample per numeric feature", sampleSize);
    if (!notObserved.isEmpty()) {
      about.put("not observed", String.join(", ", notObserved));
    }
    about.put("library", "mlops4j " + LibraryVersion.get());
    return Page.builder()
        .title("Training/serving skew")
        .subtitle(skewedFeatures().size() + " of " + features.size() + " features skewed")
        .about(about)
        .section(
            "Result",
            Element.figures(
                Figure.of(
                    "skewed features",
                    skewedFeatures().size() + " / " + features.size(),
                    "drift test of serving values against the training baseline",
                    skewedFeatures().isEmpty() ? Tone.GOOD : Tone.BAD)))
        .section("Features", t.build())
        .build()
        .toHtml();
  }

  /**
   * Writes the report atomically: the HTML page when the file name ends in {@code .html} (any
   * case), else the JSON.
   *
   * @param file where to write
   * @throws NullPointerException if file is null
   * @throws org.mlops4j.api.MlopsException if the file cannot be written
   */
  public void save(Path file) {
    Require.nonNull(file, "file");
    boolean html = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html");
    AtomicFiles.save(file, html ? toHtml() : toJson(), AtomicFiles.Durability.ATOMIC);
  }

  private static String number(double x) {
    return Double.isNaN(x) ? "" : String.format(Locale.ROOT, "%.4g", x);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "Training/serving skew: %d of %d features skewed (%d served records)%n",
            skewedFeatures().size(),
            features.size(),
            rows));
    int w = "feature".length();
    for (FeatureSkew f : features) {
      w = Math.max(w, f.feature().length());
    }
    String fmt = "%-" + w + "s  %-11s  %-5s  %10s  %10s  %8s  %8s  %s%n";
    sb.append(
        String.format(
            Locale.ROOT,
            fmt,
            "feature",
            "kind",
            "test",
            "statistic",
            "p-value",
            "psi",
            "served",
            "verdict"));
    for (FeatureSkew f : features) {
      sb.append(
          String.format(
              Locale.ROOT,
              fmt,
              f.feature(),
              f.drift().kind().key(),
              f.drift().method().key(),
              number(f.drift().statistic()),
              f.drift().pValue().isPresent() ? number(f.drift().pValue().getAsDouble()) : "",
              number(f.psi()),
              f.served(),
              f.skewed() ? "SKEWED" : "ok"));
    }
    if (!notObserved.isEmpty()) {
      sb.append("not observed: ").append(String.join(", ", notObserved)).append('\n');
    }
    return sb.toString().stripTrailing();
  }
}
