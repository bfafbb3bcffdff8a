package org.mlops4j.fairness.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.mlops4j.api.internal.LibraryVersion;
import org.mlops4j.fairness.Disparity;
import org.mlops4j.fairness.FairnessReport;
import org.mlops4j.fairness.FourFifthsRule;
import org.mlops4j.fairness.GroupCalibration;
import org.mlops4j.fairness.GroupMetrics;
import org.mlops4j.fairness.GroupStatus;
import org.mlops4j.fairness.Interval;
import org.mlops4j.fairness.Rate;
import org.mlops4j.fairness.RateMetric;
import org.mlops4j.report.BarChart;
import org.mlops4j.report.CalibrationChart;
import org.mlops4j.report.Element;
import org.mlops4j.report.Figure;
import org.mlops4j.report.Page;
import org.mlops4j.report.Section;
import org.mlops4j.report.Table;
import org.mlops4j.report.Tone;
import org.mlops4j.report.internal.Json;
import org.mlops4j.report.internal.Numbers;

/**
 * The page of a {@link FairnessReport}, made of the report toolkit's elements ({@code
 * org.mlops4j.report}): what the report is about; the verdict (four-fifths rule, groups too small
 * to judge) and the headline criteria as tiles; one bar chart per rate with Wilson intervals and
 * the overall value as a reference line (Fairlearn's {@code MetricFrame.plot}); calibration curves
 * with markers sized by each bin's rows; the largest disparities, with every one folded below.
 * Every string from the data is escaped by the toolkit. Internal.
 */
public final class ReportHtml {

  /** The rates drawn as bar charts, one panel each, in this order. */
  private static final RateMetric[] PANELS = {
    RateMetric.SELECTION_RATE,
    RateMetric.BASE_RATE,
    RateMetric.TPR,
    RateMetric.FPR,
    RateMetric.PPV,
    RateMetric.ACCURACY
  };

  /** The rates in the summary table of groups (every rate is in the folded one). */
  private static final RateMetric[] SUMMARY = PANELS;

  /** The criteria shown as tiles, in this order. */
  private static final String[] HEADLINE = {
    "demographic_parity_difference",
    "demographic_parity_ratio",
    "disparate_impact",
    "equalized_odds_difference",
    "equal_opportunity_difference",
    "predictive_parity_difference"
  };

  /** How many of the largest disparities show before the folded full list. */
  private static final int TOP = 5;

  private ReportHtml() {}

  /**
   * @param r the report
   * @return the page's HTML
   */
  public static String render(FairnessReport r) {
    return page(r).toHtml();
  }

  /**
   * @param r the report
   * @return the report's page: title, about block, then the sections of {@link #sections}
   */
  public static Page page(FairnessReport r) {
    Page.Builder page =
        Page.builder().title("Fairness report").subtitle(subtitle(r)).about(about(r));
    sections(r).forEach(page::add);
    return page.build();
  }

  /**
   * @param r the report
   * @return the report as one section, for a page with other content: what it is about, then the
   *     page's sections one level down
   */
  public static Section section(FairnessReport r) {
    List<Element> elements = new ArrayList<>();
    elements.add(Element.note(subtitle(r)));
    elements.add(Element.keyValues(about(r)));
    elements.addAll(sections(r));
    return Section.of("Fairness by " + String.join(", ", attributes(r)), elements);
  }

  /**
   * @param r the report
   * @return the sections: verdict, rates by group, calibration (with scores), disparities, notes
   */
  static List<Section> sections(FairnessReport r) {
    List<Section> out = new ArrayList<>();
    out.add(verdict(r));
    out.add(rates(r));
    if (!r.calibration().isEmpty()) {
      out.add(calibration(r));
    }
    out.add(disparities(r));
    if (!r.notes().isEmpty()) {
      out.add(Section.of("Notes", Element.bullets(r.notes())));
    }
    return out;
  }

  private static List<String> attributes(FairnessReport r) {
    return r.attributes().isEmpty() ? List.of("group") : r.attributes();
  }

  /** One line under the title: attributes, groups, rows, reference. */
  static String subtitle(FairnessReport r) {
    StringBuilder s = new StringBuilder();
    s.append(r.attributes().size() > 1 ? "Sensitive attributes " : "Sensitive attribute ")
        .append(String.join(" × ", attributes(r)))
        .append(" · ")
        .append(r.groups().size())
        .append(r.groups().size() == 1 ? " group" : " groups")
        .append(" · ")
        .append(r.overall().size())
        .append(" rows");
    r.reference().ifPresent(ref -> s.append(" · reference group ").append(ref));
    return s.toString();
  }

  /** What the report is about: inputs, rows, groups, settings, library version, time. */
  static Map<String, Object> about(FairnessReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(
        r.attributes().size() > 1 ? "sensitive attributes" : "sensitive attribute",
        String.join(", ", attributes(r)));
    m.put("rows", r.overall().size() + (r.weighted() ? " (weighted)" : ""));
    List<String> small = new ArrayList<>();
    for (GroupMetrics g : r.groups()) {
      if (g.status() == GroupStatus.TOO_SMALL) {
        small.add(g.name() + " (" + g.size() + ")");
      }
    }
    m.put(
        "groups",
        r.groups().size()
            + (small.isEmpty() ? "" : "; too small to judge: " + String.join(", ", small)));
    m.put("reference group", r.reference().orElse("none (the highest selection rate)"));
    m.put(
        "decisions",
        r.threshold().isPresent()
            ? "score ≥ " + Numbers.format(r.threshold().getAsDouble())
            : "given by the caller");
    m.put("minimum group size", r.minGroupSize() + " rows");
    m.put("rate intervals", percent(r.confidenceLevel()) + " Wilson score");
    m.put(
        "disparity intervals",
        r.bootstrapResamples() > 0
            ? percent(r.confidenceLevel())
                + " percentile bootstrap, "
                + r.bootstrapResamples()
                + " resamples, seed "
                + r.bootstrapSeed()
                + (r.bootstrapStratified() ? ", stratified by group" : "")
            : "none (bootstrap off)");
    m.put(
        "calibration",
        r.calibration().isEmpty()
            ? "not computed (no scores)"
            : r.calibrationBins()
                + " "
                + r.binning().name().toLowerCase(Locale.ROOT).replace('_', '-')
                + " bins");
    m.put("library", "mlops4j " + LibraryVersion.get());
    m.put("created", Json.timestamp(r.createdAt()));
    return m;
  }

  // ---------------------------------------------------------------- verdict

  private static Section verdict(FairnessReport r) {
    List<Element> e = new ArrayList<>();
    FourFifthsRule ff = r.fourFifthsRule();
    if (!ff.defined()) {
      e.add(Element.callout(Tone.WARNING, "Four-fifths rule undefined", ff.reason()));
    } else if (ff.passed()) {
      e.add(
          Element.callout(
              Tone.GOOD,
              "Four-fifths rule passed",
              "Every judged group's selection rate is at least "
                  + Numbers.format(ff.threshold())
                  + " of the rate of '"
                  + ff.reference()
                  + "' (29 CFR 1607.4(D))."));
    } else {
      List<String> failing = new ArrayList<>();
      for (String g : ff.failing()) {
        failing.add("'" + g + "' " + Numbers.fixed(ff.ratios().get(g), 3));
      }
      e.add(
          Element.callout(
              Tone.BAD,
              "Four-fifths rule failed",
              (ff.failing().size() == 1 ? "1 group's" : ff.failing().size() + " groups'")
                  + " selection rate is below "
                  + Numbers.format(ff.threshold())
                  + " of the rate of '"
                  + ff.reference()
                  + "': "
                  + String.join(", ", failing)
                  + " (29 CFR 1607.4(D))."));
    }
    List<String> small = new ArrayList<>();
    for (GroupMetrics g : r.groups()) {
      if (g.status() == GroupStatus.TOO_SMALL) {
        small.add("'" + g.name() + "' (" + g.size() + " rows)");
      }
    }
    if (!small.isEmpty()) {
      e.add(
          Element.callout(
              Tone.WARNING,
              small.size() == 1
                  ? "1 group too small to judge"
                  : small.size() + " groups too small" + " to judge",
              String.join(", ", small)
                  + (small.size() == 1 ? " has" : " have")
                  + " fewer than "
                  + r.minGroupSize()
                  + " rows: shown greyed and hatched, left out of every criterion and of the"
                  + " four-fifths rule."));
    }
    List<Figure> tiles = new ArrayList<>();
    for (String name : HEADLINE) {
      Disparity d = r.disparity(name);
      tiles.add(tile(d, ff));
    }
    e.add(Element.figures(tiles));
    Table.Builder criteria =
        Table.builder()
            .caption("The named criteria, between groups large enough to judge")
            .columns("criterion", "value", "groups", interval(r) + " interval", "what it is")
            .numeric(1);
    for (Disparity d : r.criteria()) {
      criteria.row(
          d.defined() ? Tone.NEUTRAL : Tone.MUTED,
          d.name(),
          d.defined() ? f4(d.value()) : null,
          d.defined() ? d.groupA() + " vs " + d.groupB() : "undefined: " + d.reason(),
          d.interval().map(ReportHtml::interval).orElse("–"),
          Definitions.of(d.name()));
    }
    e.add(criteria.build());
    if (ff.defined()) {
      e.add(fourFifthsTable(r, ff));
    }
    return Section.of("Verdict", e);
  }

  private static Figure tile(Disparity d, FourFifthsRule ff) {
    String label = d.name().replace('_', ' ');
    if (!d.defined()) {
      return Figure.of(label, "undefined", d.reason(), Tone.MUTED);
    }
    boolean selectionRatio =
        d.name().equals("demographic_parity_ratio") || d.name().equals("disparate_impact");
    Tone tone =
        selectionRatio ? (d.value() < ff.threshold() - 1e-12 ? Tone.BAD : Tone.GOOD) : Tone.NEUTRAL;
    String detail =
        d.groupA()
            + " vs "
            + d.groupB()
            + d.interval().map(i -> "; " + percent(i.level()) + " " + interval(i)).orElse("");
    return Figure.of(label, Numbers.fixed(d.value(), 3), detail, tone);
  }

  private static Element fourFifthsTable(FairnessReport r, FourFifthsRule ff) {
    Table.Builder t =
        Table.builder()
            .caption(
                "Four-fifths rule: each group's selection rate over the rate of '"
                    + ff.reference()
                    + "'")
            .columns("group", "rows", "selection rate", "ratio", "result")
            .numeric(1, 2, 3);
    for (GroupMetrics g : r.groups()) {
      Double ratio = ff.ratios().get(g.name());
      Rate sel = g.selectionRate();
      Object rate = sel.defined() ? f4(sel.value()) : null;
      if (g.status() == GroupStatus.TOO_SMALL) {
        t.row(Tone.MUTED, g.name(), g.size(), rate, null, "not judged: too small");
      } else if (g.name().equals(ff.reference())) {
        t.row(g.name(), g.size(), rate, f4(1.0), "reference");
      } else if (ratio == null) {
        t.row(Tone.MUTED, g.name(), g.size(), rate, null, "not judged");
      } else {
        boolean fails = ff.failing().contains(g.name());
        t.row(
            fails ? Tone.BAD : Tone.NEUTRAL,
            g.name(),
            g.size(),
            rate,
            f4(ratio),
            fails ? "fails (below " + Numbers.format(ff.threshold()) + ")" : "passes");
      }
    }
    return t.build();
  }

  // ---------------------------------------------------------------- rates

  private static Section rates(FairnessReport r) {
    List<Element> charts = new ArrayList<>();
    for (RateMetric m : PANELS) {
      charts.add(bars(r, m));
    }
    List<Element> e = new ArrayList<>();
    e.add(
        Element.note(
            "Each bar is a group's rate with its "
                + percent(r.confidenceLevel())
                + " Wilson interval; the dashed line is the rate over all rows. Hatched grey bars"
                + " are groups with fewer than "
                + r.minGroupSize()
                + " rows, not judged. Hover on a bar for its numbers."));
    e.add(Element.grid(charts));
    Table.Builder summary = Table.builder().caption("Rates by group");
    List<String> columns = new ArrayList<>(List.of("group", "rows"));
    for (RateMetric m : SUMMARY) {
      columns.add(m.label());
    }
    summary.columns(columns.toArray(String[]::new));
    summary.numeric(range(1, columns.size()));
    List<GroupMetrics> rows = new ArrayList<>(r.groups());
    rows.add(r.overall());
    for (GroupMetrics g : rows) {
      List<Object> cells = new ArrayList<>();
      boolean small = g.status() == GroupStatus.TOO_SMALL;
      cells.add(small ? g.name() + " (too small)" : g.name());
      cells.add(g.size());
      for (RateMetric m : SUMMARY) {
        cells.add(g.rate(m).defined() ? f4(g.rate(m).value()) : null);
      }
      summary.row(small ? Tone.MUTED : Tone.NEUTRAL, cells.toArray());
    }
    e.add(summary.build());
    Table.Builder all =
        Table.builder()
            .columns("group", "rate", "value", percent(r.confidenceLevel()) + " Wilson interval")
            .numeric(2)
            .folded(
                "Every rate of every group, with its interval ("
                    + rows.size() * RateMetric.values().length
                    + " rows)");
    for (GroupMetrics g : rows) {
      boolean small = g.status() == GroupStatus.TOO_SMALL;
      for (RateMetric m : RateMetric.values()) {
        Rate rate = g.rate(m);
        all.row(
            small || !rate.defined() ? Tone.MUTED : Tone.NEUTRAL,
            g.name(),
            m.label(),
            rate.defined() ? f4(rate.value()) : null,
            rate.defined() ? interval(rate.interval()) : "undefined: " + m.undefinedWhen());
      }
    }
    e.add(all.build());
    return Section.of("Rates by group", e);
  }

  /** One panel: a rate of every group with its Wilson interval, the overall rate as a line. */
  static BarChart bars(FairnessReport r, RateMetric m) {
    BarChart.Builder b =
        BarChart.builder()
            .title(capitalise(m.label()))
            .subtitle(Definitions.rate(m))
            .axisLabel(m.label() + " (share, 0 to 1)")
            .decimals(3)
            .width(520);
    for (GroupMetrics g : r.groups()) {
      Rate rate = g.rate(m);
      if (!rate.defined()) {
        b.undefined(g.name(), m.undefinedWhen());
      } else if (g.status() == GroupStatus.TOO_SMALL) {
        b.bar(
            g.name(),
            rate.value(),
            rate.interval().lower(),
            rate.interval().upper(),
            "n=" + g.size() + ", too small");
      } else {
        b.bar(g.name(), rate.value(), rate.interval().lower(), rate.interval().upper());
      }
    }
    Rate all = r.overall().rate(m);
    if (all.defined()) {
      b.reference("all rows", all.value());
    }
    return b.build();
  }

  // ---------------------------------------------------------------- calibration

  private static Section calibration(FairnessReport r) {
    Table.Builder t =
        Table.builder()
            .caption("Calibration by group")
            .columns(
                "group",
                "rows",
                "ECE",
                "MCE",
                "mean score − base rate",
                "Brier score",
                "mean score",
                "base rate")
            .numeric(1, 2, 3, 4, 5, 6, 7);
    List<GroupCalibration> rows = new ArrayList<>(r.calibration());
    r.overallCalibration().ifPresent(rows::add);
    for (GroupCalibration c : rows) {
      boolean small = c.status() == GroupStatus.TOO_SMALL;
      t.row(
          small ? Tone.MUTED : Tone.NEUTRAL,
          small ? c.group() + " (too small)" : c.group(),
          c.size(),
          f4(c.ece()),
          f4(c.mce()),
          f4(c.calibrationInTheLarge()),
          f4(c.brier()),
          f4(c.meanScore()),
          f4(c.baseRate()));
    }
    List<Element> e = new ArrayList<>();
    e.add(
        Element.note(
            "Each point is a score bin: its mean predicted score against the fraction of positive"
                + " labels; a point's area is proportional to its rows. On the dashed diagonal, the"
                + " scores are calibrated. ECE: the mean gap over the bins, weighted by rows; MCE:"
                + " the largest gap."));
    e.add(Element.grid(calibrationChart(r), eceBars(r)));
    e.add(t.build());
    if (!r.calibrationDisparities().isEmpty()) {
      e.add(disparityTable("Calibration disparities", r.calibrationDisparities(), r, 0));
    }
    return Section.of("Calibration", e);
  }

  /** The calibration curve of every group, the too small ones flagged. */
  static CalibrationChart calibrationChart(FairnessReport r) {
    CalibrationChart.Builder chart =
        CalibrationChart.builder()
            .title("Calibration by group")
            .subtitle(
                r.calibrationBins()
                    + " "
                    + r.binning().name().toLowerCase(Locale.ROOT).replace('_', '-')
                    + " score bins; empty bins left out");
    for (GroupCalibration c : r.calibration()) {
      int k = c.bins().size();
      double[] x = new double[k];
      double[] y = new double[k];
      long[] n = new long[k];
      for (int i = 0; i < k; i++) {
        x[i] = c.bins().get(i).meanScore();
        y[i] = c.bins().get(i).fractionPositive();
        n[i] = c.bins().get(i).count();
      }
      if (c.status() == GroupStatus.TOO_SMALL) {
        chart.curve(c.group(), x, y, n, "too small, not judged");
      } else {
        chart.curve(c.group(), x, y, n);
      }
    }
    return chart.build();
  }

  /** The ECE of every group, the overall ECE as a line. */
  static BarChart eceBars(FairnessReport r) {
    BarChart.Builder b =
        BarChart.builder()
            .title("Expected calibration error")
            .subtitle("mean |mean score − fraction positive| over the bins, weighted by rows")
            .axisLabel("ECE (0 is calibrated)")
            .decimals(3)
            .width(460);
    for (GroupCalibration c : r.calibration()) {
      if (!Double.isFinite(c.ece())) {
        b.undefined(c.group(), "no scores");
      } else if (c.status() == GroupStatus.TOO_SMALL) {
        b.bar(c.group(), c.ece(), "n=" + c.size() + ", too small");
      } else {
        b.bar(c.group(), c.ece());
      }
    }
    r.overallCalibration()
        .filter(c -> Double.isFinite(c.ece()))
        .ifPresent(c -> b.reference("all rows", c.ece()));
    return b.build();
  }

  // ---------------------------------------------------------------- disparities

  private static Section disparities(FairnessReport r) {
    List<Disparity> differences = new ArrayList<>();
    List<Disparity> ratios = new ArrayList<>();
    for (Disparity d : r.disparities()) {
      (d.scale() == Disparity.Scale.DIFFERENCE ? differences : ratios).add(d);
    }
    // what matters first: the largest differences, the smallest ratios; undefined last
    differences.sort(
        Comparator.comparing((Disparity d) -> !d.defined())
            .thenComparing(d -> d.defined() ? -d.value() : 0));
    ratios.sort(
        Comparator.comparing((Disparity d) -> !d.defined())
            .thenComparing(d -> d.defined() ? d.value() : 0));
    List<Element> e = new ArrayList<>();
    e.add(
        Element.note(
            "Every rate's disparity between groups, to all rows and to the reference group,"
                + " as a difference (0 is parity) and as a ratio (1 is parity). The largest"
                + " differences and the smallest ratios come first; open a table for all of"
                + " them."));
    e.add(disparityTable("Largest differences", differences, r, TOP));
    e.add(disparityTable("Smallest ratios", ratios, r, TOP));
    return Section.of("Disparities", e);
  }

  private static Element disparityTable(
      String caption, List<Disparity> list, FairnessReport r, int visible) {
    Table.Builder t =
        Table.builder()
            .caption(caption)
            .columns("disparity", "value", "groups", interval(r) + " interval")
            .numeric(1);
    for (Disparity d : list) {
      t.row(
          d.defined() ? Tone.NEUTRAL : Tone.MUTED,
          d.name(),
          d.defined() ? f4(d.value()) : null,
          d.defined() ? d.groupA() + " vs " + d.groupB() : "undefined: " + d.reason(),
          d.interval().map(ReportHtml::interval).orElse("–"));
    }
    if (visible > 0) {
      t.visibleRows(visible);
    }
    return t.build();
  }

  // ---------------------------------------------------------------- words and numbers

  private static String interval(FairnessReport r) {
    return percent(r.confidenceLevel()) + (r.bootstrapResamples() > 0 ? " bootstrap" : "");
  }

  private static String interval(Interval i) {
    return "[" + Numbers.fixed(i.lower(), 4) + ", " + Numbers.fixed(i.upper(), 4) + "]";
  }

  private static String f4(double x) {
    return Numbers.fixed(x, 4);
  }

  private static String percent(double level) {
    return Numbers.format(100 * level) + "%";
  }

  private static String capitalise(String s) {
    return s.isEmpty() || !Character.isLowerCase(s.charAt(0))
        ? s
        : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static int[] range(int from, int to) {
    int[] out = new int[to - from];
    for (int i = 0; i < out.length; i++) {
      out[i] = from + i;
    }
    return out;
  }

  /** One line per criterion and rate: what the number is. */
  static final class Definitions {
    private static final Map<String, String> CRITERIA = new TreeMap<>();

    static {
      CRITERIA.put("demographic_parity_difference", "largest − smallest selection rate");
      CRITERIA.put("demographic_parity_ratio", "smallest / largest selection rate");
      CRITERIA.put("equalized_odds_difference", "the larger of the TPR and the FPR differences");
      CRITERIA.put("equalized_odds_difference_mean", "mean of the TPR and the FPR differences");
      CRITERIA.put("equalized_odds_ratio", "the smaller of the TPR and the FPR ratios");
      CRITERIA.put("equal_opportunity_difference", "largest − smallest TPR");
      CRITERIA.put("equal_opportunity_ratio", "smallest / largest TPR");
      CRITERIA.put("predictive_parity_difference", "largest − smallest PPV (precision)");
      CRITERIA.put("predictive_parity_ratio", "smallest / largest PPV (precision)");
      CRITERIA.put("false_positive_rate_parity_difference", "largest − smallest FPR");
      CRITERIA.put("false_positive_rate_parity_ratio", "smallest / largest FPR");
      CRITERIA.put("disparate_impact", "smallest selection rate / the reference group's (AIF360)");
    }

    private Definitions() {}

    static String of(String criterion) {
      return CRITERIA.getOrDefault(criterion, "");
    }

    static String rate(RateMetric m) {
      return switch (m) {
        case SELECTION_RATE -> "predicted positive: (TP + FP) / n";
        case BASE_RATE -> "labelled positive: (TP + FN) / n";
        case TPR -> "true positive rate, recall: TP / (TP + FN)";
        case FPR -> "false positive rate: FP / (FP + TN)";
        case TNR -> "true negative rate: TN / (FP + TN)";
        case FNR -> "false negative rate: FN / (TP + FN)";
        case PPV -> "precision: TP / (TP + FP)";
        case NPV -> "negative predictive value: TN / (TN + FN)";
        case FDR -> "false discovery rate: FP / (TP + FP)";
        case FOR -> "false omission rate: FN / (TN + FN)";
        case ACCURACY -> "(TP + TN) / n";
      };
    }
  }
}
