package org.mlops4j.drift.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlops4j.drift.BinShares;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.FeatureDrift;
import org.mlops4j.report.Html;

/**
 * Self-contained HTML page of a {@link DriftReport}: a table of the features' methods and verdicts
 * and one SVG bar chart per feature; every string from data escaped by {@link Html#escape}.
 */
public final class ReportHtml {
  private static final int MAX_BARS = 40;

  private ReportHtml() {}

  private static String num(double v) {
    return Double.isNaN(v) ? "&ndash;" : String.format(Locale.ROOT, "%.4g", v);
  }

  /**
   * @return the page
   */
  public static String write(DriftReport r) {
    StringBuilder h = new StringBuilder(8192);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Drift report</title><style>")
        .append("body{font-family:sans-serif;margin:2em;color:#222}")
        .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;")
        .append("text-align:right}th{background:#f3f3f3}td.l{text-align:left}")
        .append(".drift{color:#b00020;font-weight:bold}.ok{color:#1b5e20}")
        .append(".feat{margin:1.5em 0}.legend span{display:inline-block;width:12px;height:12px;")
        .append("margin:0 4px 0 12px}</style></head><body>\n");
    h.append("<h1>Drift report</h1>\n<p class=\"")
        .append(r.datasetDrift() ? "drift" : "ok")
        .append("\">")
        .append(r.datasetDrift() ? "Dataset drift" : "No dataset drift")
        .append(": ")
        .append(r.driftedCount())
        .append(" of ")
        .append(r.features().size())
        .append(" features drifted (")
        .append(String.format(Locale.ROOT, "%.1f", 100 * r.driftedShare()))
        .append("%; threshold ")
        .append(String.format(Locale.ROOT, "%.1f", 100 * r.datasetDriftShare()))
        .append("%). Correction: ")
        .append(r.correction().name().toLowerCase(Locale.ROOT))
        .append(", alpha ")
        .append(r.alpha())
        .append(".</p>\n");
    h.append("<table><tr><th>feature</th><th>type</th><th>method</th><th>statistic</th>")
        .append(
            "<th>p</th><th>adjusted p</th><th>PSI</th><th>effect gate</th><th>missing ref/cur</th>")
        .append("<th>verdict</th><th>note</th></tr>\n");
    for (FeatureDrift f : r.features()) {
      Double psi = f.metrics().get("psi");
      h.append("<tr><td class=\"l\">")
          .append(Html.escape(f.feature()))
          .append("</td><td class=\"l\">")
          .append(f.type().name().toLowerCase(Locale.ROOT))
          .append("</td><td class=\"l\">")
          .append(f.method().key())
          .append("</td><td>")
          .append(num(f.statistic()))
          .append("</td><td>")
          .append(f.pValue().isPresent() ? num(f.pValue().getAsDouble()) : "&ndash;")
          .append("</td><td>")
          .append(
              f.adjustedPValue().isPresent() ? num(f.adjustedPValue().getAsDouble()) : "&ndash;")
          .append("</td><td>")
          .append(psi == null ? "&ndash;" : num(psi))
          .append("</td><td>")
          .append(f.effectGate() ? "pass" : "no")
          .append("</td><td>")
          .append(f.referenceMissing() + f.referenceInfinite())
          .append(" / ")
          .append(f.currentMissing() + f.currentInfinite())
          .append("</td><td class=\"")
          .append(f.drifted() ? "drift\">DRIFT" : "ok\">ok")
          .append("</td><td class=\"l\">")
          .append(Html.escape(f.note()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n<div class=\"legend\"><span style=\"background:#4c72b0\"></span>reference")
        .append("<span style=\"background:#dd8452\"></span>current</div>\n");
    for (FeatureDrift f : r.features()) {
      h.append("<div class=\"feat\"><h2>").append(Html.escape(f.feature())).append("</h2>\n");
      h.append(svg(f.shares()));
      h.append("<p>");
      for (Map.Entry<String, Double> m : f.metrics().entrySet()) {
        h.append(Html.escape(m.getKey())).append(" = ").append(num(m.getValue())).append("; ");
      }
      h.append("</p></div>\n");
    }
    h.append("</body></html>\n");
    return h.toString();
  }

  private static String svg(BinShares s) {
    List<String> labels = s.labels();
    int n = Math.min(labels.size(), MAX_BARS);
    double max = 1e-12;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, Math.max(s.reference().get(i), s.current().get(i)));
    }
    int bw = 14;
    int gap = 10;
    int plotH = 160;
    int width = 40 + n * (2 * bw + gap);
    int height = plotH + 110;
    StringBuilder g = new StringBuilder();
    g.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" role=\"img\">");
    g.append("<line x1=\"30\" y1=\"")
        .append(plotH + 10)
        .append("\" x2=\"")
        .append(width)
        .append("\" y2=\"")
        .append(plotH + 10)
        .append("\" stroke=\"#888\"/>");
    for (int i = 0; i < n; i++) {
      double rv = s.reference().get(i);
      double cv = s.current().get(i);
      int x = 34 + i * (2 * bw + gap);
      int rh = (int) Math.round(plotH * rv / max);
      int ch = (int) Math.round(plotH * cv / max);
      g.append("<rect x=\"")
          .append(x)
          .append("\" y=\"")
          .append(plotH + 10 - rh)
          .append("\" width=\"")
          .append(bw)
          .append("\" height=\"")
          .append(rh)
          .append("\" fill=\"#4c72b0\"><title>")
          .append(Html.escape(labels.get(i)))
          .append(" reference ")
          .append(num(rv))
          .append("</title></rect>");
      g.append("<rect x=\"")
          .append(x + bw)
          .append("\" y=\"")
          .append(plotH + 10 - ch)
          .append("\" width=\"")
          .append(bw)
          .append("\" height=\"")
          .append(ch)
          .append("\" fill=\"#dd8452\"><title>")
          .append(Html.escape(labels.get(i)))
          .append(" current ")
          .append(num(cv))
          .append("</title></rect>");
      String label = labels.get(i);
      if (label.length() > 18) {
        label = label.substring(0, 17) + "\u2026";
      }
      int lx = x + bw;
      int ly = plotH + 22;
      g.append("<text font-size=\"10\" x=\"")
          .append(lx)
          .append("\" y=\"")
          .append(ly)
          .append("\" transform=\"rotate(45 ")
          .append(lx)
          .append(' ')
          .append(ly)
          .append(")\">")
          .append(Html.escape(label))
          .append("</text>");
    }
    if (labels.size() > n) {
      g.append("<text font-size=\"11\" x=\"34\" y=\"12\">first ")
          .append(n)
          .append(" of ")
          .append(labels.size())
          .append(" bins</text>");
    }
    g.append("</svg>\n");
    return g.toString();
  }
}
