package org.mlops4j.features;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.LibraryVersion;
import org.mlops4j.api.internal.MetricKeys;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.FeatureDrift;
import org.mlops4j.drift.PsiLevel;
import org.mlops4j.report.Element;
import org.mlops4j.report.Figure;
import org.mlops4j.report.Page;
import org.mlops4j.report.Section;
import org.mlops4j.report.Table;
import org.mlops4j.report.Tone;
import org.mlops4j.report.internal.Json;
import org.mlops4j.report.internal.Numbers;
import org.mlops4j.report.internal.TextTable;

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
   * @return a self-contained HTML page: the verdict in words (which features are skewed and why),
   *     headline figures, one table row per feature (skewed first, then by PSI, largest first; the
   *     test, its statistic and p-value, PSI, the served values and those tested, missing values,
   *     the verdict), then the training (filled) and serving (hatched) distributions of every
   *     feature as the drift report draws them
   */
  public String toHtml() {
    List<FeatureSkew> sorted = new ArrayList<>(features);
    sorted.sort(
        Comparator.comparing((FeatureSkew f) -> !f.skewed())
            .thenComparing(f -> Double.isNaN(f.psi()) ? 1.0 : -f.psi())
            .thenComparing(FeatureSkew::feature));
    Table.Builder t =
        Table.builder()
            .caption(
                "One row per feature: skewed first, then by PSI, largest first. p is the deciding"
                    + " test's, not corrected for multiple testing; PSI over every served value;"
                    + " numeric tests run on a uniform sample of at most "
                    + sampleSize
                    + " served values.")
            .columns(
                "feature",
                "kind",
                "test",
                "statistic",
                "p",
                "PSI",
                "served",
                "tested on",
                "missing train / serve",
                "verdict")
            .numeric(3, 4, 5, 6, 7);
    for (FeatureSkew f : sorted) {
      FeatureDrift d = f.drift();
      t.row(
          f.skewed() ? Tone.BAD : d.tested() ? Tone.NEUTRAL : Tone.MUTED,
          f.feature(),
          d.kind().key(),
          d.method().key(),
          d.tested() ? d.statistic() : null,
          d.pValue().isPresent() ? d.pValue().getAsDouble() : null,
          Double.isNaN(f.psi()) ? null : f.psi(),
          f.served(),
          d.currentCount() + (f.sampled() ? " (sample)" : ""),
          (d.referenceMissing() + d.referenceInfinite())
              + " / "
              + (d.currentMissing() + d.currentInfinite()),
          verdict(f));
    }
    Map<String, Object> about = new LinkedHashMap<>();
    about.put("compared", "serving values vs the training baseline");
    about.put("features", features.size());
    about.put("served records", rows);
    about.put("numeric test sample", "at most " + sampleSize + " values per feature");
    about.put("p-values", "not corrected for multiple testing");
    if (!notObserved.isEmpty()) {
      about.put("not observed", String.join(", ", notObserved));
    }
    about.put("library", "mlops4j " + LibraryVersion.get());
    Page.Builder page =
        Page.builder()
            .title("Training/serving skew")
            .subtitle(
                skewedFeatures().size()
                    + " of "
                    + features.size()
                    + " features skewed · "
                    + rows
                    + " served records")
            .about(about)
            .section("Verdict", verdictCallout(), Element.figures(figures(sorted)))
            .section("Features", t.build());
    Section charts = distributions();
    if (charts != null) {
      page.add(charts);
    }
    List<String> notes = new ArrayList<>();
    for (FeatureSkew f : sorted) {
      if (!f.drift().note().isEmpty()) {
        notes.add(f.feature() + ": " + f.drift().note());
      }
    }
    if (!notObserved.isEmpty()) {
      notes.add(
          "not observed at serving time (no value served, so not compared): "
              + String.join(", ", notObserved));
    }
    if (!notes.isEmpty()) {
      page.section("Notes", Element.bullets(notes));
    }
    return page.build().toHtml();
  }

  private Element verdictCallout() {
    List<String> skewed = skewedFeatures();
    if (skewed.isEmpty()) {
      return Element.callout(
          Tone.GOOD,
          "No skew",
          "None of the "
              + features.size()
              + " features served differs from the training baseline"
              + (notObserved.isEmpty() ? "." : " (" + notObserved.size() + " not observed)."));
    }
    return Element.callout(
        Tone.BAD,
        "Skew in " + skewed.size() + " of " + features.size() + " features",
        String.join(", ", skewed)
            + ": the serving values differ from the training baseline. A feature is skewed when"
            + " the drift module's test of its serving values is significant and its effect size"
            + " (PSI, Wasserstein/std or Jensen-Shannon) passes the gate, or when its share of"
            + " missing values changed significantly.");
  }

  private List<Figure> figures(List<FeatureSkew> sorted) {
    List<Figure> out = new ArrayList<>();
    List<String> skewed = skewedFeatures();
    out.add(
        Figure.of(
            "features skewed",
            skewed.size() + " of " + features.size(),
            skewed.isEmpty() ? "none" : String.join(", ", skewed),
            skewed.isEmpty() ? Tone.GOOD : Tone.BAD));
    FeatureSkew top = null;
    for (FeatureSkew f : sorted) {
      if (!Double.isNaN(f.psi()) && (top == null || f.psi() > top.psi())) {
        top = f;
      }
    }
    if (top != null) {
      out.add(
          Figure.of(
              "largest PSI",
              Numbers.format(top.psi()),
              top.feature()
                  + " · "
                  + PsiLevel.of(top.psi()).name().toLowerCase(Locale.ROOT)
                  + " (0.1 moderate, 0.25 significant)",
              top.psi() >= 0.25 ? Tone.BAD : top.psi() >= 0.1 ? Tone.WARNING : Tone.NEUTRAL));
    }
    out.add(
        Figure.of(
            "served records",
            Long.toString(rows),
            "numeric tests on at most " + sampleSize + " of them",
            Tone.NEUTRAL));
    long missing = 0;
    List<String> withMissing = new ArrayList<>();
    for (FeatureSkew f : features) {
      long m = f.drift().currentMissing() + f.drift().currentInfinite();
      if (m > 0) {
        missing += m;
        withMissing.add(f.feature());
      }
    }
    out.add(
        Figure.of(
            "missing values served",
            Long.toString(missing),
            withMissing.isEmpty() ? "none" : String.join(", ", withMissing),
            missing == 0 ? Tone.NEUTRAL : Tone.WARNING));
    return out;
  }

  /** The feature's comparison with its PSI over every served value, as the table shows it. */
  private static FeatureDrift withServedPsi(FeatureSkew f) {
    FeatureDrift d = f.drift();
    if (Double.isNaN(f.psi()) || !d.metrics().containsKey("psi")) {
      return d;
    }
    Map<String, Double> metrics = new LinkedHashMap<>(d.metrics());
    metrics.put("psi", f.psi());
    return new FeatureDrift(
        d.feature(),
        d.type(),
        d.kind(),
        d.kindReason(),
        d.method(),
        d.tested(),
        d.statistic(),
        d.pValue(),
        d.adjustedPValue(),
        d.effectGate(),
        d.drifted(),
        d.psiLevel(),
        d.referenceCount(),
        d.currentCount(),
        d.referenceMissing(),
        d.currentMissing(),
        d.referenceInfinite(),
        d.currentInfinite(),
        d.missingRateDrifted(),
        metrics,
        d.shares(),
        d.note(),
        d.valueShares());
  }

  private static String verdict(FeatureSkew f) {
    FeatureDrift d = f.drift();
    if (f.skewed()) {
      return d.tested() && !d.missingRateDrifted()
          ? "✖ skewed"
          : d.tested() ? "✖ skewed (and missing rate)" : "✖ skewed (missing rate)";
    }
    return d.tested() ? "ok" : "not tested";
  }

  /**
   * The drift report's distribution charts of these features ({@link
   * DriftReport#distributions(List)}), after a note on what reference and current are here; null
   * without a feature.
   */
  private @Nullable Section distributions() {
    if (features.isEmpty()) {
      return null;
    }
    List<FeatureDrift> drifts = new ArrayList<>();
    features.forEach(f -> drifts.add(withServedPsi(f)));
    List<Element> parts = new ArrayList<>();
    parts.add(
        Element.note(
            "Reference: the training baseline; current: the served values (numeric"
                + " features: their sample). PSI in the subtitles over every served value,"
                + " as in the table."));
    parts.addAll(DriftReport.distributions(drifts).elements());
    return Section.of("Distributions", parts);
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
    AtomicFiles.saveJsonOrHtml(file, this::toJson, this::toHtml, AtomicFiles.Durability.ATOMIC);
  }

  /**
   * The verdict line, then one row per feature in baseline order (numbers with four significant
   * digits), then the features not observed.
   */
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
    TextTable t =
        new TextTable(
            "feature", "kind", "test", "statistic", "p-value", "psi", "served", "verdict");
    for (FeatureSkew f : features) {
      t.row(
          f.feature(),
          f.drift().kind().key(),
          f.drift().method().key(),
          number(f.drift().statistic()),
          f.drift().pValue().isPresent() ? number(f.drift().pValue().getAsDouble()) : "",
          number(f.psi()),
          f.served(),
          f.skewed() ? "SKEWED" : "ok");
    }
    sb.append(t);
    if (!notObserved.isEmpty()) {
      sb.append("not observed: ").append(String.join(", ", notObserved)).append('\n');
    }
    return sb.toString().stripTrailing();
  }

  private static String number(double x) {
    return Double.isNaN(x) ? "" : Numbers.format(x);
  }
}
