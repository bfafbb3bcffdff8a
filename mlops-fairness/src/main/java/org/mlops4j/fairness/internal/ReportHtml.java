package org.mlops4j.fairness.internal;

import static org.mlops4j.report.Html.escape;

import java.util.List;
import java.util.Locale;
import org.mlops4j.fairness.CalibrationBin;
import org.mlops4j.fairness.Disparity;
import org.mlops4j.fairness.FairnessReport;
import org.mlops4j.fairness.GroupCalibration;
import org.mlops4j.fairness.GroupMetrics;
import org.mlops4j.fairness.GroupStatus;
import org.mlops4j.fairness.Rate;
import org.mlops4j.fairness.RateMetric;

/**
 * One self-contained HTML page for a report: tables and inline SVG, no script; every string from
 * the data escaped by {@link org.mlops4j.report.Html#escape(String)}. Internal.
 */
public final class ReportHtml {

  private static final String[] COLORS = {
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf"
  };

  private ReportHtml() {}

  private static String f(double x) {
    return String.format(Locale.ROOT, "%.4f", x);
  }

  /**
   * @param r the report
   * @return the page
   */
  public static String render(FairnessReport r) {
    StringBuilder h = new StringBuilder(16384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Fairness report</title><style>")
        .append("body{font-family:sans-serif;margin:2em;color:#222}")
        .append("table{border-collapse:collapse;margin:1em 0}")
        .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}")
        .append("td:first-child,th:first-child{text-align:left}")
        .append(".small{color:#999}.fail{color:#b00;font-weight:bold}.pass{color:#070}")
        .append("svg{margin:0.5em 1em 0.5em 0}</style></head><body>\n");
    h.append("<h1>Fairness report</h1>\n<p>Attributes: ")
        .append(escape(String.join(", ", r.attributes())));
    r.reference().ifPresent(ref -> h.append("; reference group: ").append(escape(ref)));
    h.append("; minimum group size ")
        .append(r.minGroupSize())
        .append("; ")
        .append(Math.round(r.confidenceLevel() * 100))
        .append("% intervals (Wilson for rates; bootstrap percentile, ")
        .append(r.bootstrapResamples())
        .append(" resamples, seed ")
        .append(r.bootstrapSeed())
        .append(r.bootstrapStratified() ? ", stratified by group" : ", not stratified")
        .append(", for disparities).</p>\n");

    h.append("<h2>Per-group rates</h2>\n<table><tr><th>group</th><th>n</th>");
    for (RateMetric m : RateMetric.values()) {
      h.append("<th>").append(escape(m.label())).append("</th>");
    }
    h.append("</tr>\n");
    List<GroupMetrics> rows = new java.util.ArrayList<>(r.groups());
    rows.add(r.overall());
    for (GroupMetrics g : rows) {
      boolean small = g.status() == GroupStatus.TOO_SMALL;
      h.append(small ? "<tr class=\"small\">" : "<tr>")
          .append("<td>")
          .append(escape(g.name()))
          .append(small ? " (TOO_SMALL)" : "")
          .append("</td><td>")
          .append(g.size())
          .append("</td>");
      for (RateMetric m : RateMetric.values()) {
        Rate rate = g.rate(m);
        h.append("<td title=\"")
            .append(escape(rate.defined() ? rate.interval().toString() : rate.reason()))
            .append("\">")
            .append(rate.defined() ? f(rate.value()) : "undefined")
            .append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n");
    for (RateMetric m :
        new RateMetric[] {
          RateMetric.SELECTION_RATE, RateMetric.TPR, RateMetric.FPR, RateMetric.PPV
        }) {
      bars(h, r, m);
    }

    h.append("<h2>Criteria</h2>\n<table><tr><th>criterion</th><th>value</th><th>groups</th>")
        .append("<th>interval</th></tr>\n");
    for (Disparity d : r.criteria()) {
      disparityRow(h, d);
    }
    h.append("</table>\n<p>Four-fifths rule: <span class=\"")
        .append(r.fourFifthsRule().passed() ? "pass" : "fail")
        .append("\">")
        .append(escape(r.fourFifthsRule().toString()))
        .append("</span></p>\n");

    if (!r.calibration().isEmpty()) {
      h.append("<h2>Calibration</h2>\n<table><tr><th>group</th><th>n</th><th>ECE</th>")
          .append("<th>MCE</th><th>mean score − base rate</th><th>Brier</th></tr>\n");
      for (GroupCalibration c : r.calibration()) {
        h.append("<tr><td>")
            .append(escape(c.group()))
            .append("</td><td>")
            .append(c.size())
            .append("</td><td>")
            .append(f(c.ece()))
            .append("</td><td>")
            .append(f(c.mce()))
            .append("</td><td>")
            .append(f(c.calibrationInTheLarge()))
            .append("</td><td>")
            .append(f(c.brier()))
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
      curves(h, r.calibration());
      h.append("<table><tr><th>calibration disparity</th><th>value</th><th>groups</th>")
          .append("<th>interval</th></tr>\n");
      for (Disparity d : r.calibrationDisparities()) {
        disparityRow(h, d);
      }
      h.append("</table>\n");
    }
    if (!r.notes().isEmpty()) {
      h.append("<h2>Notes</h2>\n<ul>");
      for (String n : r.notes()) {
        h.append("<li>").append(escape(n)).append("</li>");
      }
      h.append("</ul>\n");
    }
    h.append("<h2>All disparities</h2>\n<table><tr><th>disparity</th><th>value</th>")
        .append("<th>groups</th><th>interval</th></tr>\n");
    for (Disparity d : r.disparities()) {
      disparityRow(h, d);
    }
    h.append("</table>\n</body></html>\n");
    return h.toString();
  }

  private static void disparityRow(StringBuilder h, Disparity d) {
    h.append("<tr><td>").append(escape(d.name())).append("</td>");
    if (d.defined()) {
      h.append("<td>")
          .append(f(d.value()))
          .append("</td><td>")
          .append(escape(d.groupA()))
          .append(" vs ")
          .append(escape(d.groupB()))
          .append("</td><td>")
          .append(d.interval().map(i -> escape(i.toString())).orElse(""))
          .append("</td>");
    } else {
      h.append("<td>undefined</td><td colspan=\"2\">").append(escape(d.reason())).append("</td>");
    }
    h.append("</tr>\n");
  }

  private static void bars(StringBuilder h, FairnessReport r, RateMetric m) {
    List<GroupMetrics> groups = r.groups();
    int rowH = 22;
    int labelW = 200;
    int plotW = 300;
    int height = rowH * groups.size() + 30;
    h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(labelW + plotW + 70)
        .append("\" height=\"")
        .append(height)
        .append("\" role=\"img\"><title>")
        .append(escape(m.label()))
        .append(" by group</title>")
        .append("<text x=\"0\" y=\"14\" font-size=\"13\" font-weight=\"bold\">")
        .append(escape(m.label()))
        .append("</text>");
    for (int i = 0; i < groups.size(); i++) {
      GroupMetrics g = groups.get(i);
      Rate rate = g.rate(m);
      int y = 22 + i * rowH;
      String label = g.name().length() > 30 ? g.name().substring(0, 27) + "..." : g.name();
      h.append("<text x=\"0\" y=\"")
          .append(y + 14)
          .append("\" font-size=\"12\">")
          .append(escape(label))
          .append("</text>");
      if (!rate.defined()) {
        h.append("<text x=\"")
            .append(labelW)
            .append("\" y=\"")
            .append(y + 14)
            .append("\" font-size=\"12\" fill=\"#999\">undefined</text>");
        continue;
      }
      String color = g.status() == GroupStatus.TOO_SMALL ? "#bbb" : COLORS[i % COLORS.length];
      double w = rate.value() * plotW;
      h.append("<rect x=\"")
          .append(labelW)
          .append("\" y=\"")
          .append(y + 3)
          .append("\" width=\"")
          .append(f(w))
          .append("\" height=\"14\" fill=\"")
          .append(color)
          .append("\"/>");
      double lo = labelW + rate.interval().lower() * plotW;
      double hi = labelW + rate.interval().upper() * plotW;
      h.append("<line x1=\"")
          .append(f(lo))
          .append("\" x2=\"")
          .append(f(hi))
          .append("\" y1=\"")
          .append(y + 10)
          .append("\" y2=\"")
          .append(y + 10)
          .append("\" stroke=\"#000\"/>");
      h.append("<text x=\"")
          .append(labelW + plotW + 5)
          .append("\" y=\"")
          .append(y + 14)
          .append("\" font-size=\"11\">")
          .append(String.format(Locale.ROOT, "%.3f", rate.value()))
          .append("</text>");
    }
    h.append("</svg>\n");
  }

  private static void curves(StringBuilder h, List<GroupCalibration> cal) {
    int size = 300;
    int pad = 30;
    h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(size + 2 * pad + 220)
        .append("\" height=\"")
        .append(size + 2 * pad)
        .append("\" role=\"img\">")
        .append("<title>Calibration curves by group</title>")
        .append("<rect x=\"")
        .append(pad)
        .append("\" y=\"")
        .append(pad)
        .append("\" width=\"")
        .append(size)
        .append("\" height=\"")
        .append(size)
        .append("\" fill=\"none\" stroke=\"#999\"/>")
        .append("<line x1=\"")
        .append(pad)
        .append("\" y1=\"")
        .append(pad + size)
        .append("\" x2=\"")
        .append(pad + size)
        .append("\" y2=\"")
        .append(pad)
        .append("\" stroke=\"#ccc\" stroke-dasharray=\"4\"/>")
        .append("<text x=\"")
        .append(pad)
        .append("\" y=\"")
        .append(size + 2 * pad - 5)
        .append("\" font-size=\"11\">mean score per bin (x) vs fraction positive (y)</text>");
    for (int i = 0; i < cal.size(); i++) {
      GroupCalibration c = cal.get(i);
      String color = COLORS[i % COLORS.length];
      StringBuilder pts = new StringBuilder();
      for (CalibrationBin b : c.bins()) {
        double x = pad + b.meanScore() * size;
        double y = pad + (1 - b.fractionPositive()) * size;
        pts.append(f(x)).append(',').append(f(y)).append(' ');
        h.append("<circle cx=\"")
            .append(f(x))
            .append("\" cy=\"")
            .append(f(y))
            .append("\" r=\"2.5\" fill=\"")
            .append(color)
            .append("\"/>");
      }
      h.append("<polyline fill=\"none\" stroke=\"")
          .append(color)
          .append("\" points=\"")
          .append(pts.toString().trim())
          .append("\"/>");
      String label = c.group().length() > 30 ? c.group().substring(0, 27) + "..." : c.group();
      h.append("<text x=\"")
          .append(size + 2 * pad)
          .append("\" y=\"")
          .append(pad + 14 + 16 * i)
          .append("\" font-size=\"12\" fill=\"")
          .append(color)
          .append("\">")
          .append(escape(label))
          .append("</text>");
    }
    h.append("</svg>\n");
  }
}
