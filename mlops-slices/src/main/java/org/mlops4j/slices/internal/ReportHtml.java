package org.mlops4j.slices.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlops4j.api.internal.LibraryVersion;
import org.mlops4j.fairness.Interval;
import org.mlops4j.report.BarChart;
import org.mlops4j.report.Element;
import org.mlops4j.report.Page;
import org.mlops4j.report.Section;
import org.mlops4j.report.Table;
import org.mlops4j.report.Tone;
import org.mlops4j.report.internal.Json;
import org.mlops4j.report.internal.Numbers;
import org.mlops4j.slices.Slice;
import org.mlops4j.slices.SliceMeasure;
import org.mlops4j.slices.SliceReport;

/**
 * The page of a {@link SliceReport}, made of the report toolkit's elements: what it is about; the
 * verdict; a bar chart of the significant slices' values with their intervals and the overall value
 * as a line (Fairlearn's {@code MetricFrame.plot}); the table of significant slices; the worst
 * slices examined, folded; features and notes. Every string from the data is escaped by the
 * toolkit. Internal.
 */
public final class ReportHtml {

  private static final int BARS = 20;
  private static final int WORST = 50;

  private ReportHtml() {}

  /**
   * @param r the report
   * @return the page's HTML
   */
  public static String render(SliceReport r) {
    Page.Builder page = Page.builder().title("Slice report").subtitle(subtitle(r)).about(about(r));
    sections(r).forEach(page::add);
    return page.build().toHtml();
  }

  /**
   * @param r the report
   * @return the report as one section
   */
  public static Section section(SliceReport r) {
    List<Element> e = new ArrayList<>();
    e.add(Element.note(subtitle(r)));
    e.add(Element.keyValues(about(r)));
    e.addAll(sections(r));
    return Section.of("Slices by " + r.measure().label(), e);
  }

  private static String subtitle(SliceReport r) {
    return capitalise(r.measure().label())
        + " by slice · "
        + r.rows()
        + " rows · "
        + r.examined().size()
        + " slices examined · "
        + r.significant().size()
        + " significant";
  }

  private static Map<String, Object> about(SliceReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("measure", r.measure().label());
    m.put("rows", r.rows());
    m.put(
        "overall",
        f4(r.overall()) + " " + interval(r.overallInterval()) + " " + percent(r) + " interval");
    m.put("test", r.measure().test() + ": is the slice worse than the rest of the rows?");
    m.put(
        "multiple testing",
        "Benjamini–Hochberg over every slice examined, false discovery rate "
            + Numbers.format(r.alpha()));
    m.put(
        "significant when",
        "adjusted p ≤ "
            + Numbers.format(r.alpha())
            + " and effect size ≥ "
            + Numbers.format(r.minEffectSize()));
    m.put("minimum support", r.minSupport() + " rows");
    m.put("depth", "up to " + r.maxDepth() + " conditions");
    m.put("budget", r.budget() + " slices");
    m.put(
        "numeric features",
        r.bins() + " " + r.binning().name().toLowerCase(Locale.ROOT).replace('_', '-') + " bins");
    m.put("library", "mlops4j " + LibraryVersion.get());
    m.put("created", Json.timestamp(r.createdAt()));
    return m;
  }

  private static List<Section> sections(SliceReport r) {
    List<Section> out = new ArrayList<>();
    List<Element> verdict = new ArrayList<>();
    if (r.significant().isEmpty()) {
      verdict.add(
          Element.callout(
              Tone.GOOD,
              "No significant slice",
              r.examined().size()
                  + " slices examined; none is worse than the rest at the false discovery rate "
                  + Numbers.format(r.alpha())
                  + " with an effect size of at least "
                  + Numbers.format(r.minEffectSize())
                  + "."));
    } else {
      Slice top = r.significant().get(0);
      verdict.add(
          Element.callout(
              Tone.BAD,
              r.significant().size()
                  + (r.significant().size() == 1 ? " significant slice" : " significant slices"),
              "The largest effect: "
                  + top.name()
                  + ", "
                  + r.measure().label()
                  + " "
                  + f4(top.value())
                  + " on "
                  + top.rows()
                  + " rows against "
                  + f4(top.restValue())
                  + " on the rest."));
      verdict.add(bars(r));
      verdict.add(table("Significant slices, largest effect first", r.significant(), r, 0));
    }
    out.add(Section.of("Verdict", verdict));
    if (!r.examined().isEmpty()) {
      List<Slice> worst =
          r.examined().stream()
              .sorted(
                  Comparator.comparingDouble((Slice x) -> -x.value()).thenComparing(Slice::name))
              .limit(WORST)
              .toList();
      out.add(
          Section.of(
              "Worst slices examined",
              Element.note(
                  "The examined slices with the highest "
                      + r.measure().label()
                      + ", significant or not (up to "
                      + WORST
                      + ")."),
              table("Worst slices examined", worst, r, 10)));
    }
    out.add(Section.of("Features", Element.bullets(r.features())));
    if (!r.notes().isEmpty()) {
      out.add(Section.of("Notes", Element.bullets(r.notes())));
    }
    return out;
  }

  private static BarChart bars(SliceReport r) {
    BarChart.Builder b =
        BarChart.builder()
            .title(capitalise(r.measure().label()) + " of the significant slices")
            .subtitle(
                percent(r) + " " + r.overallInterval().method() + " intervals; line: all rows")
            .axisLabel(r.measure().label())
            .decimals(3)
            .width(620)
            .labelWidth(330); // a depth-2 slice name ("age=[24, 29)|priors_count=[1, 2)") whole
    for (Slice s : r.significant().subList(0, Math.min(BARS, r.significant().size()))) {
      b.bar(s.name(), s.value(), s.interval().lower(), s.interval().upper());
    }
    b.reference("all rows", r.overall());
    return b.build();
  }

  private static Element table(String caption, List<Slice> slices, SliceReport r, int visible) {
    Table.Builder t =
        Table.builder()
            .caption(caption)
            .columns(
                "slice",
                "rows",
                r.measure().label(),
                percent(r) + " interval",
                "rest",
                "difference",
                "effect size",
                r.measure() == SliceMeasure.ERROR_RATE ? "z" : "t",
                "p",
                "adjusted p")
            .numeric(1, 2, 4, 5, 6, 7, 8, 9);
    for (Slice s : slices) {
      t.row(
          s.significant() ? Tone.BAD : Tone.NEUTRAL,
          s.name(),
          s.rows(),
          f4(s.value()),
          interval(s.interval()),
          f4(s.restValue()),
          f4(s.difference()),
          Numbers.format(s.effectSize()),
          Numbers.format(s.statistic()),
          Numbers.format(s.pValue()),
          Numbers.format(s.pAdjusted()));
    }
    if (visible > 0) {
      t.visibleRows(visible);
    }
    return t.build();
  }

  private static String interval(Interval i) {
    return "[" + f4(i.lower()) + ", " + f4(i.upper()) + "]";
  }

  private static String f4(double x) {
    return Numbers.fixed(x, 4);
  }

  private static String percent(SliceReport r) {
    return Numbers.format(100 * r.confidenceLevel()) + "%";
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
