package org.mlops4j.drift.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.LibraryVersion;
import org.mlops4j.drift.BinShares;
import org.mlops4j.drift.ColumnKind;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.FeatureDrift;
import org.mlops4j.drift.Psi;
import org.mlops4j.report.Element;
import org.mlops4j.report.Figure;
import org.mlops4j.report.Histogram;
import org.mlops4j.report.Page;
import org.mlops4j.report.Section;
import org.mlops4j.report.Table;
import org.mlops4j.report.Tone;
import org.mlops4j.report.internal.Json;
import org.mlops4j.report.internal.Numbers;

/**
 * The page of a {@link DriftReport}, made of the report toolkit's elements ({@code
 * org.mlops4j.report}), in the order of Evidently's data drift page: what the report is about; the
 * verdict and the share of drifted columns first, with headline tiles; one row per feature, drifted
 * first and then by PSI, with its kind, test, p-values, effect sizes and verdict; then one overlaid
 * histogram per feature (numeric features on the report's PSI bins; categorical, binary and
 * discrete numeric ones, those with {@link FeatureDrift#valueShares()}, by value), with the reasons
 * for its kind and its notes under it. Every string from the data is escaped by the toolkit.
 * Internal.
 */
public final class ReportHtml {

  /** Rows of the feature table that show before the whole table is folded below them. */
  private static final int VISIBLE_ROWS = 12;

  /** Histograms that show before the others are folded below them. */
  private static final int VISIBLE_CHARTS = 6;

  /** Width of a chart in pixels: two side by side on a page. */
  private static final int CHART_WIDTH = 520;

  /** Categories drawn per chart; the rest are summed as "other". */
  private static final int MAX_CATEGORIES = 12;

  private ReportHtml() {}

  /**
   * @param r the report
   * @return the page's HTML
   */
  public static String write(DriftReport r) {
    return page(r).toHtml();
  }

  /**
   * @param r the report
   * @return the report's page: title, about block, then the sections of {@link #sections}
   */
  public static Page page(DriftReport r) {
    Page.Builder page = Page.builder().title("Drift report").subtitle(subtitle(r)).about(about(r));
    sections(r).forEach(page::add);
    return page.build();
  }

  /**
   * @param r the report
   * @return the report as one section, for a page with other content: what it is about, then the
   *     page's sections one level down
   */
  public static Section section(DriftReport r) {
    List<Element> elements = new ArrayList<>();
    elements.add(Element.note(subtitle(r)));
    elements.add(Element.keyValues(about(r)));
    elements.addAll(sections(r));
    return Section.of("Data drift", elements);
  }

  static List<Section> sections(DriftReport r) {
    List<FeatureDrift> sorted = sorted(r);
    List<Section> out = new ArrayList<>();
    out.add(verdict(r));
    out.add(featureTable(r, sorted));
    if (!sorted.isEmpty()) {
      out.add(distributionsSorted(sorted));
    }
    List<String> notes = notes(sorted);
    if (!notes.isEmpty()) {
      out.add(Section.of("Notes", Element.bullets(notes)));
    }
    return out;
  }

  // ---------------------------------------------------------------- about

  static String subtitle(DriftReport r) {
    return "Reference vs current · "
        + r.features().size()
        + (r.features().size() == 1 ? " feature" : " features")
        + " · "
        + rows(r, true)
        + " reference rows, "
        + rows(r, false)
        + " current rows";
  }

  /**
   * Rows of the compared data: every column with values has the same rows, so the largest count (a
   * column the caller left out has none).
   */
  private static String rows(DriftReport r, boolean reference) {
    long n = 0;
    for (FeatureDrift f : r.features()) {
      n =
          Math.max(
              n,
              reference
                  ? f.referenceCount() + f.referenceMissing() + f.referenceInfinite()
                  : f.currentCount() + f.currentMissing() + f.currentInfinite());
    }
    return String.format(Locale.ROOT, "%,d", n);
  }

  static Map<String, Object> about(DriftReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("features", r.features().size());
    m.put("reference rows", rows(r, true));
    m.put("current rows", rows(r, false));
    m.put("significance level (alpha)", Numbers.format(r.alpha()));
    m.put("multiple-testing correction", key(r.correction().name()));
    m.put(
        "dataset drift when",
        "at least " + percent(r.datasetDriftShare()) + " of the features drifted");
    m.put("library", "mlops4j " + LibraryVersion.get());
    m.put("created", Json.timestamp(r.createdAt()));
    return m;
  }

  // ---------------------------------------------------------------- verdict

  private static Section verdict(DriftReport r) {
    List<Element> e = new ArrayList<>();
    int n = r.comparedCount();
    int listed = r.features().size() - n;
    String counts =
        r.driftedCount()
            + " of "
            + n
            + (n == 1 ? " feature" : " features")
            + " compared drifted ("
            + percent(r.driftedShare())
            + "); the dataset drifts at "
            + percent(r.datasetDriftShare())
            + " or more."
            + (listed > 0
                ? " "
                    + listed
                    + (listed == 1 ? " more column is" : " more columns are")
                    + " listed but not compared (identifier-like, without values or left out)."
                : "");
    if (r.datasetDrift()) {
      e.add(Element.callout(Tone.BAD, "Dataset drift", counts));
    } else {
      e.add(Element.callout(Tone.GOOD, "No dataset drift", counts));
    }
    List<Figure> tiles = new ArrayList<>();
    tiles.add(
        Figure.of(
            "drifted share",
            percent(r.driftedShare()),
            "dataset drift at ≥ " + percent(r.datasetDriftShare()),
            r.datasetDrift() ? Tone.BAD : Tone.GOOD));
    List<String> names = new ArrayList<>();
    r.drifted().forEach(f -> names.add(f.feature()));
    tiles.add(
        Figure.of(
            "features drifted",
            r.driftedCount() + " of " + n,
            names.isEmpty() ? "none" : shorten(String.join(", ", names)),
            r.driftedCount() > 0 ? Tone.BAD : Tone.GOOD));
    FeatureDrift largest = null;
    for (FeatureDrift f : r.features()) {
      if (psi(f) != null && (largest == null || psi(f) > psi(largest))) {
        largest = f;
      }
    }
    if (largest == null) {
      tiles.add(Figure.of("largest PSI", "–", "no PSI computed", Tone.MUTED));
    } else {
      double p = psi(largest);
      tiles.add(
          Figure.of(
              "largest PSI",
              Numbers.format(p),
              shorten(largest.feature()) + " · " + key(largest.psiLevel().name()),
              switch (largest.psiLevel()) {
                case SIGNIFICANT -> Tone.BAD;
                case MODERATE -> Tone.WARNING;
                default -> Tone.GOOD;
              }));
    }
    List<String> untested = new ArrayList<>();
    for (FeatureDrift f : r.features()) {
      if (!f.tested()) {
        untested.add(f.feature());
      }
    }
    tiles.add(
        Figure.of(
            "columns not tested",
            String.valueOf(untested.size()),
            untested.isEmpty() ? "every column tested" : shorten(String.join(", ", untested)),
            untested.isEmpty() ? Tone.GOOD : Tone.WARNING));
    e.add(Element.figures(tiles));
    return Section.of("Verdict", e);
  }

  // ---------------------------------------------------------------- table

  /** Drifted first, then tested before not tested, then by PSI (largest first), then by name. */
  static List<FeatureDrift> sorted(DriftReport r) {
    return sorted(r.features());
  }

  /** The features in the order of {@link #sorted(DriftReport)}. */
  private static List<FeatureDrift> sorted(List<FeatureDrift> features) {
    List<FeatureDrift> out = new ArrayList<>(features);
    out.sort(
        Comparator.comparing((FeatureDrift f) -> !f.drifted())
            .thenComparing(f -> !f.tested())
            .thenComparing(f -> -(psi(f) == null ? -1.0 : psi(f)))
            .thenComparing(FeatureDrift::feature));
    return out;
  }

  private static Section featureTable(DriftReport r, List<FeatureDrift> sorted) {
    Table.Builder t =
        Table.builder()
            .caption(
                "One row per feature: drifted first, then by PSI, largest first. p is the"
                    + " deciding test's; adjusted p after the "
                    + key(r.correction().name())
                    + " correction; drifted when adjusted p < "
                    + Numbers.format(r.alpha())
                    + " and the effect size passes its gate.")
            .columns(
                "feature",
                "kind",
                "method",
                "statistic",
                "p",
                "adjusted p",
                "PSI",
                "Wasserstein / std",
                "missing ref / cur",
                "verdict")
            .numeric(3, 4, 5, 6, 7, 8);
    for (FeatureDrift f : sorted) {
      Tone tone = f.drifted() ? Tone.BAD : f.tested() ? Tone.NEUTRAL : Tone.MUTED;
      t.row(
          tone,
          f.feature(),
          f.kind().key(),
          f.kind().testable() ? f.method().key() : "–",
          f.tested() ? f.statistic() : null,
          f.pValue().isPresent() ? f.pValue().getAsDouble() : null,
          f.adjustedPValue().isPresent() ? f.adjustedPValue().getAsDouble() : null,
          psi(f),
          f.metrics().get("wasserstein_std"),
          (f.referenceMissing() + f.referenceInfinite())
              + " / "
              + (f.currentMissing() + f.currentInfinite()),
          verdict(f));
    }
    if (sorted.size() > VISIBLE_ROWS) {
      t.visibleRows(VISIBLE_ROWS);
    }
    return Section.of("Features", t.build());
  }

  private static String verdict(FeatureDrift f) {
    if (f.drifted()) {
      return f.tested() && !f.missingRateDrifted()
          ? "DRIFT"
          : f.tested() ? "DRIFT (and missing rate)" : "DRIFT (missing rate)";
    }
    if (!f.tested()) {
      return f.kind() == ColumnKind.IDENTIFIER
          ? "skipped (identifier)"
          : f.kind() == ColumnKind.EXCLUDED ? "skipped (excluded)" : "not tested";
    }
    return "no drift";
  }

  // ---------------------------------------------------------------- distributions

  /**
   * @param features the features to draw, in any order
   * @return the "Distributions" section of the report's page for these features: a note on how to
   *     read the charts, then one panel per feature in the page's order (drifted first, then
   *     tested, then by PSI), the panels after the sixth folded
   */
  public static Section distributions(List<FeatureDrift> features) {
    return distributionsSorted(sorted(features));
  }

  private static Section distributionsSorted(List<FeatureDrift> sorted) {
    List<Element> panels = new ArrayList<>();
    for (FeatureDrift f : sorted) {
      panels.add(panel(f));
    }
    List<Element> e = new ArrayList<>();
    e.add(
        Element.note(
            "Reference (filled) and current (hatched) as shares of each side's non-missing rows."
                + " Unseen: categories the reference does not have. Numeric features on the PSI"
                + " bins of the reference (infinite end bins drawn one bin wide); categorical,"
                + " binary and discrete ones (whole numbers, at most "
                + FeatureDrift.MAX_DISCRETE_VALUES
                + " distinct values) by value. Hover on a bar for its share and rows."));
    if (panels.size() <= VISIBLE_CHARTS) {
      e.add(Element.grid(panels));
    } else {
      e.add(Element.grid(panels.subList(0, VISIBLE_CHARTS)));
      e.add(
          Element.details(
              "The other " + (panels.size() - VISIBLE_CHARTS) + " features",
              Element.grid(panels.subList(VISIBLE_CHARTS, panels.size()))));
    }
    return Section.of("Distributions", e);
  }

  /** One feature: its chart (when there is something to draw), its kind's reason and note. */
  private static Element panel(FeatureDrift f) {
    List<Element> parts = new ArrayList<>();
    Element chart = chart(f);
    if (chart != null) {
      parts.add(chart);
    } else {
      parts.add(
          Element.callout(
              Tone.MUTED, f.feature(), "nothing to draw: " + key(f.kind().name()) + " column"));
    }
    parts.add(Element.note(f.kindReason()));
    if (!f.note().isEmpty()) {
      parts.add(Element.note(f.note()));
    }
    List<Element> copy = List.copyOf(parts);
    // as wide as its chart, so that a long note wraps under the chart instead of widening it
    return () -> {
      StringBuilder h =
          new StringBuilder("<div style=\"width:" + CHART_WIDTH + "px;max-width:100%\">");
      copy.forEach(p -> h.append(p.toHtml()));
      return h.append("</div>").toString();
    };
  }

  private static @Nullable Element chart(FeatureDrift f) {
    BinShares s = f.shares();
    Histogram.Builder h =
        Histogram.builder().title(f.feature()).subtitle(chartSubtitle(f)).size(CHART_WIDTH, 260);
    if (f.kind() == ColumnKind.BINARY
        && f.metrics().containsKey("share_ones_ref")
        && f.metrics().containsKey("share_ones_cur")) {
      double r1 = f.metrics().get("share_ones_ref");
      double c1 = f.metrics().get("share_ones_cur");
      h.categories("0", "1").xLabel(f.feature() + " (value)");
      h.series("reference", counts(new double[] {1 - r1, r1}, f.referenceCount()));
      if (f.currentCount() > 0) {
        h.series("current", counts(new double[] {1 - c1, c1}, f.currentCount()));
      }
      return h.shares().build();
    }
    BinShares v = f.valueShares().orElse(null);
    if (v != null && !v.labels().isEmpty()) {
      // a discrete column: one bar pair per value, in numeric order (never capped: at most
      // MAX_DISCRETE_VALUES values), instead of the PSI bins
      h.categories(v.labels())
          .maxCategories(FeatureDrift.MAX_DISCRETE_VALUES)
          .xLabel(f.feature() + " (value)");
      h.series("reference", counts(values(v.reference()), f.referenceCount()));
      if (f.currentCount() > 0) {
        h.series("current", counts(values(v.current()), f.currentCount()));
      }
      return h.shares().build();
    }
    if (s.labels().isEmpty()) {
      return null;
    }
    boolean time = f.kind() == ColumnKind.TIME;
    double[] edges = f.kind() == ColumnKind.NUMERIC || time ? edges(s.labels(), time) : null;
    if (edges != null) {
      h.edges(edges).xLabel(time ? f.feature() + " (UTC)" : f.feature());
      if (time) {
        h.timeAxis();
      }
    } else {
      List<String> labels = new ArrayList<>();
      for (String l : s.labels()) {
        labels.add(l.equals(Psi.UNSEEN) ? "unseen" : l.equals(Psi.OTHER) ? "other" : l);
      }
      h.categories(labels).maxCategories(MAX_CATEGORIES).xLabel(f.feature() + " (category)");
    }
    h.series("reference", counts(values(s.reference()), f.referenceCount()));
    if (f.currentCount() > 0) {
      h.series("current", counts(values(s.current()), f.currentCount()));
    }
    return h.shares().build();
  }

  private static String chartSubtitle(FeatureDrift f) {
    StringBuilder s = new StringBuilder(f.kind().key()).append(" · ");
    if (!f.tested()) {
      return s.append(verdict(f)).toString();
    }
    s.append(f.method().key()).append(' ').append(Numbers.format(f.statistic()));
    f.adjustedPValue().ifPresent(p -> s.append(", adjusted p ").append(Numbers.format(p)));
    Double psi = psi(f);
    if (psi != null && !"psi".equals(f.method().key())) {
      s.append(", PSI ").append(Numbers.format(psi));
    }
    return s.append(" · ").append(verdict(f)).toString();
  }

  /**
   * The edges of numeric PSI bins from their labels ({@code (-inf, a)}, {@code [a, b)}, ..., {@code
   * [z, +inf)}), or null when they cannot be drawn as bins (fewer than two, or not in that form).
   */
  static double @Nullable [] edges(List<String> labels) {
    return edges(labels, false);
  }

  /**
   * As {@link #edges(List)}; with {@code time}, the labels are ISO-8601 instants or dates (UTC) and
   * the edges seconds since 1970-01-01T00:00Z.
   */
  static double @Nullable [] edges(List<String> labels, boolean time) {
    if (labels.size() < 2) {
      return null;
    }
    double[] edges = new double[labels.size() + 1];
    edges[0] = Double.NEGATIVE_INFINITY;
    edges[labels.size()] = Double.POSITIVE_INFINITY;
    for (int i = 0; i < labels.size() - 1; i++) {
      String l = labels.get(i);
      int comma = l.indexOf(", ");
      if (comma < 0 || !l.endsWith(")")) {
        return null;
      }
      String x = l.substring(comma + 2, l.length() - 1);
      try {
        edges[i + 1] = time ? seconds(x) : Double.parseDouble(x);
      } catch (RuntimeException e) { // NumberFormatException, DateTimeParseException
        return null;
      }
      if (!Double.isFinite(edges[i + 1]) || edges[i + 1] < edges[i]) {
        return null;
      }
    }
    return edges;
  }

  /** An ISO-8601 instant or date (UTC) as seconds since 1970-01-01T00:00Z. */
  private static double seconds(String iso) {
    java.time.Instant t =
        iso.length() == 10
            ? java.time.LocalDate.parse(iso).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
            : java.time.Instant.parse(iso);
    return t.getEpochSecond() + t.getNano() / 1e9;
  }

  private static double[] values(List<Double> shares) {
    double[] v = new double[shares.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = shares.get(i);
    }
    return v;
  }

  /** Rows per bin from shares of {@code n} rows (the shares are counts / n, so this is exact). */
  private static long[] counts(double[] shares, long n) {
    long[] c = new long[shares.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = Math.max(0, Math.round(shares[i] * n));
    }
    return c;
  }

  // ---------------------------------------------------------------- notes

  private static List<String> notes(List<FeatureDrift> sorted) {
    List<String> out = new ArrayList<>();
    for (FeatureDrift f : sorted) {
      if (!f.note().isEmpty()) {
        out.add(f.feature() + ": " + f.note());
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- helpers

  private static @Nullable Double psi(FeatureDrift f) {
    return f.metrics().get("psi");
  }

  private static String key(String enumName) {
    return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String percent(double share) {
    return Numbers.fixed(100 * share, 1) + "%";
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 59) + "…";
  }
}
