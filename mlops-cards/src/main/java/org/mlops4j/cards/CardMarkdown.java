package org.mlops4j.cards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a card as a Hugging Face model card: YAML front matter (every string double-quoted and
 * escaped, so that {@code : }, {@code #}, newlines and quotes read back as written), then the
 * sections in the layout of Hugging Face's model card template, every user string escaped for
 * Markdown (HTML special characters as entities, Markdown punctuation with a backslash).
 */
final class CardMarkdown {

  private CardMarkdown() {}

  // ------------------------------------------------------------------ YAML

  /** A YAML double-quoted scalar: JSON's escapes, plus every non-printable character. */
  static String yaml(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (ch < 0x20
              || (ch >= 0x7f && ch <= 0x9f)
              || ch == '\u2028'
              || ch == '\u2029'
              || ch == '\ufeff'
              || ch == '\ufffe'
              || ch == '\uffff') {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            sb.append(ch);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** An SPDX-like licence identifier: letters, digits, {@code . - +}, no spaces. */
  static boolean spdxLike(String license) {
    return license.matches("[A-Za-z0-9][A-Za-z0-9.+-]*");
  }

  /**
   * The licence as the Hub names it: an SPDX-like identifier in lower case ({@code apache-2.0}),
   * {@code other} for a licence text or {@code proprietary}.
   */
  static String hubLicense(String license) {
    String l = license.toLowerCase(Locale.ROOT);
    return spdxLike(license) && !l.equals("proprietary") ? l : "other";
  }

  /** A metric's id for the Hub: lower case, runs of other characters as {@code _}. */
  static String slug(String s) {
    String t = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    t = t.replaceAll("^_+|_+$", "");
    return t.isEmpty() ? "metric" : t;
  }

  static String frontMatter(ModelCard c) {
    StringBuilder y = new StringBuilder("---\n");
    if (!c.license.isEmpty()) {
      y.append("license: ").append(yaml(hubLicense(c.license))).append('\n');
    }
    List<String> tags = new ArrayList<>(List.of("mlops4j", "model-card"));
    c.tags.forEach(
        t -> {
          if (!tags.contains(t)) {
            tags.add(t);
          }
        });
    list(y, "tags", tags);
    List<String> datasets = new ArrayList<>();
    if (c.trainingData != null) {
      datasets.add(c.trainingData.name());
    }
    if (c.evaluationData != null && !datasets.contains(c.evaluationData.name())) {
      datasets.add(c.evaluationData.name());
    }
    if (!datasets.isEmpty()) {
      list(y, "datasets", datasets);
    }
    Map<String, String[]> metrics = headline(c);
    if (!metrics.isEmpty()) {
      List<String> ids = new ArrayList<>();
      metrics
          .values()
          .forEach(
              m -> {
                if (!ids.contains(m[0])) {
                  ids.add(m[0]);
                }
              });
      list(y, "metrics", ids);
    }
    if (!c.pipelineTag.isEmpty()) {
      y.append("pipeline_tag: ").append(yaml(c.pipelineTag)).append('\n');
    }
    y.append("model-index:\n");
    y.append("- name: ").append(yaml(c.name)).append('\n');
    if (metrics.isEmpty()) {
      y.append("  results: []\n");
    } else {
      String task = c.pipelineTag.isEmpty() ? "other" : c.pipelineTag;
      String data = c.evaluationData == null ? "evaluation data" : c.evaluationData.name();
      y.append("  results:\n");
      y.append("  - task:\n");
      y.append("      type: ").append(yaml(task)).append('\n');
      y.append("      name: ").append(yaml(taskName(task))).append('\n');
      y.append("    dataset:\n");
      y.append("      name: ").append(yaml(data)).append('\n');
      y.append("      type: ").append(yaml(slug(data))).append('\n');
      y.append("    metrics:\n");
      for (String[] m : metrics.values()) {
        y.append("    - type: ").append(yaml(m[0])).append('\n');
        y.append("      value: ").append(m[1]).append('\n');
        y.append("      name: ").append(yaml(m[2])).append('\n');
      }
    }
    return y.append("---\n").toString();
  }

  private static String taskName(String task) {
    StringBuilder sb = new StringBuilder();
    for (String w : task.split("-")) {
      if (!w.isEmpty()) {
        sb.append(sb.length() == 0 ? "" : " ")
            .append(Character.toUpperCase(w.charAt(0)))
            .append(w.substring(1));
      }
    }
    return sb.toString();
  }

  /** The headline metrics: the version's, then every defined result over all rows. */
  static Map<String, String[]> headline(ModelCard c) {
    Map<String, String[]> m = new LinkedHashMap<>();
    c.performance.forEach((k, v) -> m.put(k, new String[] {slug(k), CardJson.num(v), k}));
    for (QuantitativeResult r : c.analyses) {
      if (r.overall() && r.defined() && !m.containsKey(r.metric())) {
        m.put(r.metric(), new String[] {slug(r.metric()), CardJson.num(r.value()), r.metric()});
      }
    }
    return m;
  }

  private static void list(StringBuilder y, String key, List<String> items) {
    y.append(key).append(":\n");
    items.forEach(i -> y.append("- ").append(yaml(i)).append('\n'));
  }

  // ------------------------------------------------------------------ Markdown

  /** Escapes text for Markdown: HTML entities for {@code & < >}, a backslash before punctuation. */
  static String md(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    boolean lineStart = true;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '\\', '`', '*', '_', '[', ']', '#', '|', '~', '!', '{', '}' ->
            sb.append('\\').append(ch);
        case '-', '+', '=' -> sb.append(lineStart ? "\\" : "").append(ch);
        case '\r' -> {}
        case '\n' -> sb.append("<br>");
        default -> sb.append(ch);
      }
      lineStart = ch == '\n';
    }
    String out = sb.toString();
    // "1. text" at the start would become a numbered list
    return out.matches("^\\d+[.)].*") ? out.replaceFirst("^(\\d+)([.)])", "$1\\\\$2") : out;
  }

  private static void bullets(StringBuilder sb, List<String> items, String none) {
    if (items.isEmpty()) {
      sb.append("_").append(none).append("_\n\n");
      return;
    }
    items.forEach(i -> sb.append("- ").append(md(i)).append('\n'));
    sb.append('\n');
  }

  private static void para(StringBuilder sb, String text, String none) {
    sb.append(text.isBlank() ? "_" + none + "_" : md(text)).append("\n\n");
  }

  private static void table(StringBuilder sb, List<String> header, List<List<String>> rows) {
    sb.append('|');
    header.forEach(h -> sb.append(' ').append(h).append(" |"));
    sb.append("\n|");
    header.forEach(h -> sb.append("---|"));
    sb.append('\n');
    for (List<String> r : rows) {
      sb.append('|');
      r.forEach(cell -> sb.append(' ').append(cell.isEmpty() ? " " : cell).append(" |"));
      sb.append('\n');
    }
    sb.append('\n');
  }

  /** An instant to the minute, UTC: {@code 2026-11-29 20:02}. */
  static String minute(java.time.Instant t) {
    return t.toString().substring(0, 16).replace('T', ' ');
  }

  static String interval(QuantitativeResult r) {
    if (!r.hasInterval()) {
      return "-";
    }
    return "[" + CardJson.num(r.lower()) + ", " + CardJson.num(r.upper()) + "]";
  }

  private static List<List<String>> resultRows(List<QuantitativeResult> results) {
    List<List<String>> rows = new ArrayList<>();
    for (QuantitativeResult r : results) {
      rows.add(
          List.of(
              md(r.metric()),
              md(r.sliceLabel()),
              r.defined() ? CardJson.num(r.value()) : "undefined",
              interval(r),
              r.size() > 0 ? Long.toString(r.size()) : "-",
              md(r.flag())));
    }
    return rows;
  }

  private static List<List<String>> criteriaRows(List<QuantitativeResult> results) {
    List<List<String>> rows = new ArrayList<>();
    for (QuantitativeResult r : results) {
      rows.add(
          List.of(
              md(r.metric()),
              md(r.sliceLabel()),
              r.defined() ? CardJson.num(r.value()) : "undefined",
              interval(r),
              md(r.flag())));
    }
    return rows;
  }

  static String write(ModelCard c) {
    StringBuilder sb = new StringBuilder(frontMatter(c)).append('\n');
    sb.append("# Model Card for ").append(md(c.name)).append("\n\n");
    para(sb, c.overview, "No overview given.");
    sb.append("## Model Details\n\n### Model Description\n\n");
    sb.append("- **Developed by:** ")
        .append(c.owners.isEmpty() ? "_not stated_" : md(String.join(", ", c.owners)))
        .append('\n');
    sb.append("- **Model type:** ")
        .append(c.modelType.isEmpty() ? "_not stated_" : md(c.modelType))
        .append('\n');
    sb.append("- **License:** ")
        .append(c.license.isEmpty() ? "_not stated_" : md(c.license))
        .append('\n');
    sb.append("- **Version:** ").append(md(c.version)).append('\n');
    sb.append("- **Date:** ").append(c.date == null ? "_unknown_" : c.date.toString()).append('\n');
    if (!c.runId.isEmpty()) {
      sb.append("- **Tracking run:** ").append(md(c.runId)).append('\n');
    }
    sb.append('\n');
    if (!c.references.isEmpty()) {
      sb.append("### Model Sources\n\n");
      bullets(sb, c.references, "");
    }
    sb.append("## Uses\n\n### Direct Use\n\n");
    bullets(sb, c.primaryUses, "Primary uses not stated.");
    sb.append("**Primary intended users:**\n\n");
    bullets(sb, c.primaryUsers, "Primary users not stated.");
    sb.append("### Out-of-Scope Use\n\n");
    bullets(sb, c.outOfScopeUses, "Out-of-scope uses not stated.");
    sb.append("## Bias, Risks, and Limitations\n\n");
    if (c.ethicalConsiderations.isEmpty()) {
      sb.append("_Ethical considerations not stated._\n\n");
    } else {
      for (CardRisk r : c.ethicalConsiderations) {
        sb.append("- ").append(md(r.name()));
        if (!r.mitigation().isEmpty()) {
          sb.append(" **Mitigation:** ").append(md(r.mitigation()));
        }
        sb.append('\n');
      }
      sb.append('\n');
    }
    sb.append("**Caveats:**\n\n");
    bullets(sb, c.caveats, "Caveats not stated.");
    sb.append("### Recommendations\n\n");
    bullets(sb, c.recommendations, "Recommendations not stated.");
    sb.append("## Training Details\n\n### Training Data\n\n");
    dataset(sb, c.trainingData, "Training data not recorded.");
    if (!c.params.isEmpty()) {
      sb.append("### Training Procedure\n\n#### Training Hyperparameters\n\n");
      List<List<String>> rows = new ArrayList<>();
      c.params.forEach((k, v) -> rows.add(List.of(md(k), md(v))));
      table(sb, List.of("param", "value"), rows);
    }
    sb.append("## Evaluation\n\n### Testing Data, Factors & Metrics\n\n#### Testing Data\n\n");
    dataset(sb, c.evaluationData, "Evaluation data not recorded.");
    sb.append("#### Factors\n\n");
    bullets(sb, c.factors, "Factors not stated.");
    sb.append("#### Metrics\n\n");
    List<String> which = metricsReported(c);
    sb.append("**Metrics reported:** ")
        .append(which.isEmpty() ? "_none_" : md(String.join(", ", which)))
        .append("\n\n**Why these metrics:** ");
    para(sb, c.metricsRationale, "not stated");
    sb.append("**Decision thresholds:**\n\n");
    bullets(sb, c.decisionThresholds, "Decision thresholds not stated.");
    sb.append("**How uncertainty was measured:** ");
    para(sb, c.uncertainty, "not stated");
    sb.append("### Results\n\n");
    if (!c.performance.isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      c.performance.forEach((k, v) -> rows.add(List.of(md(k), CardJson.num(v))));
      table(sb, List.of("metric", "value"), rows);
    }
    List<QuantitativeResult> unitary = new ArrayList<>();
    List<QuantitativeResult> inter = new ArrayList<>();
    for (QuantitativeResult r : c.analyses) {
      (r.intersectional() ? inter : unitary).add(r);
    }
    List<String> header = List.of("metric", "slice", "value", "interval", "rows", "note");
    if (c.analyses.isEmpty() && c.slices.isEmpty() && c.sliceSearch.isEmpty()) {
      sb.append("_No quantitative analyses recorded._\n\n");
    }
    if (!unitary.isEmpty()) {
      sb.append("#### Unitary results\n\n");
      table(sb, header, resultRows(unitary));
    }
    if (!inter.isEmpty()) {
      sb.append("#### Intersectional results\n\n");
      table(sb, header, resultRows(inter));
    }
    if (!c.criteria.isEmpty()) {
      sb.append("#### Fairness criteria\n\n");
      table(
          sb,
          List.of("criterion", "groups", "value", "interval", "note"),
          criteriaRows(c.criteria));
    }
    if (!c.calibration.isEmpty()) {
      sb.append("#### Calibration\n\n");
      List<List<String>> rows = new ArrayList<>();
      for (CardCalibration k : c.calibration) {
        rows.add(
            List.of(
                md(k.group().isEmpty() ? "all rows" : k.group()),
                Long.toString(k.size()),
                CardJson.num(k.ece()),
                CardJson.num(k.brier()),
                md(k.flag())));
      }
      table(sb, List.of("group", "rows", "ECE", "Brier", "note"), rows);
    }
    if (!c.slices.isEmpty() || !c.sliceSearch.isEmpty()) {
      sb.append("#### ").append(CardHtml.SLICES_TITLE).append("\n\n");
      sb.append("The slices of the evaluation data where the model errs significantly more than on")
          .append(" the rest")
          .append(c.sliceSearch.isEmpty() ? "." : ": " + md(c.sliceSearch) + ".")
          .append("\n\n");
      if (c.slices.isEmpty()) {
        sb.append("_No significant slice._\n\n");
      } else {
        List<List<String>> rows = new ArrayList<>();
        for (CardSlice x : c.slices) {
          rows.add(
              List.of(
                  md(x.label()),
                  Long.toString(x.rows()),
                  CardJson.num(x.value()),
                  Double.isNaN(x.lower())
                      ? "-"
                      : "[" + CardJson.num(x.lower()) + ", " + CardJson.num(x.upper()) + "]",
                  CardJson.num(x.restValue()),
                  String.format(Locale.ROOT, "%+.4f", x.difference()),
                  pValue(x.pAdjusted())));
        }
        table(
            sb,
            List.of(
                "slice",
                "rows",
                md(c.slices.get(0).measure()),
                "interval",
                "rest",
                "difference",
                "adjusted p"),
            rows);
      }
    }
    if (!c.drift.isEmpty()) {
      sb.append("#### Drift of the evaluation data\n\n");
      c.driftedShare()
          .ifPresent(
              s -> sb.append("Share of drifted features: ").append(CardJson.num(s)).append("\n\n"));
      List<List<String>> rows = new ArrayList<>();
      for (CardDrift d : c.drift) {
        rows.add(
            List.of(
                md(d.feature()),
                md(d.method()),
                Double.isNaN(d.statistic()) ? "-" : CardJson.num(d.statistic()),
                Double.isNaN(d.pValue()) ? "-" : CardJson.num(d.pValue()),
                d.drifted() ? "**drifted**" : "no"));
      }
      table(sb, List.of("feature", "method", "statistic", "p-value", "drifted"), rows);
    }
    sb.append("## Promotion Gates\n\n");
    if (c.gates.isEmpty()) {
      sb.append("_No promotion recorded._\n\n");
    } else {
      List<List<String>> rows = new ArrayList<>();
      for (CardGate g : c.gates) {
        rows.add(
            List.of(
                md(g.target()),
                md(g.rule()),
                Double.isNaN(g.measured()) ? "-" : CardJson.num(g.measured()),
                g.passed() ? "pass" : "**FAIL**",
                md(g.detail())));
      }
      table(sb, List.of("target", "gate", "measured", "result", "detail"), rows);
    }
    if (!c.provenance.isEmpty() || !c.runMetrics.isEmpty()) {
      sb.append("## Technical Specifications\n\n");
      if (!c.provenance.isEmpty()) {
        sb.append("### Provenance\n\n");
        List<List<String>> rows = new ArrayList<>();
        c.provenance.forEach((k, v) -> rows.add(List.of(md(k), md(v))));
        table(sb, List.of("key", "value"), rows);
      }
      if (!c.runMetrics.isEmpty()) {
        sb.append("### Run Metrics\n\n");
        List<List<String>> rows = new ArrayList<>();
        c.runMetrics.forEach((k, v) -> rows.add(List.of(md(k), CardJson.num(v))));
        table(sb, List.of("metric", "value"), rows);
      }
    }
    sb.append("## Citation\n\n");
    para(sb, c.citation, "No citation given.");
    CardCompleteness done = c.completeness();
    sb.append("## Card Completeness\n\n");
    if (done.complete()) {
      sb.append("Every recommended section is filled in.\n");
    } else {
      done.missingSections().forEach(s -> sb.append("- missing: ").append(md(s)).append('\n'));
      done.weakAnalyses().forEach(s -> sb.append("- lacking: ").append(md(s)).append('\n'));
    }
    return sb.toString();
  }

  /** An adjusted p-value with two significant digits: {@code 0.0011}, {@code 2.6e-7}. */
  static String pValue(double p) {
    if (Double.isNaN(p)) {
      return "-";
    }
    return p >= 1e-4 || p == 0
        ? new java.math.BigDecimal(p)
            .round(new java.math.MathContext(2))
            .stripTrailingZeros()
            .toPlainString()
        : String.format(Locale.ROOT, "%.1e", p);
  }

  /** The metrics a card reports: the headline ones, each analysis's, then the slices' measure. */
  static List<String> metricsReported(ModelCard c) {
    List<String> which = new ArrayList<>(c.performance.keySet());
    for (QuantitativeResult r : c.analyses) {
      if (!which.contains(r.metric())) {
        which.add(r.metric());
      }
    }
    for (CardSlice x : c.slices) {
      String m = x.measure() + " by slice";
      if (!which.contains(m)) {
        which.add(m);
      }
    }
    return which;
  }

  private static void dataset(StringBuilder sb, CardDataset d, String none) {
    if (d == null) {
      sb.append('_').append(none).append("_\n\n");
      return;
    }
    sb.append("**").append(md(d.name())).append("**");
    d.rows().ifPresent(n -> sb.append(", ").append(n).append(" rows"));
    sb.append("\n\n");
    if (!d.description().isEmpty()) {
      sb.append(md(d.description())).append("\n\n");
    }
    if (!d.hashes().isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      d.hashes().forEach((k, v) -> rows.add(List.of(md(k), "`" + v + "`")));
      table(sb, List.of("file", "sha256"), rows);
    }
  }

  /**
   * The sections the Model Card Toolkit schema has no field for, as plain text: factors, metrics
   * (rationale, thresholds, uncertainty), the slices where the model errs most (with the rest,
   * difference and adjusted p-value the schema cannot hold), gates, drift and provenance.
   */
  static String documentation(ModelCard c) {
    StringBuilder sb = new StringBuilder();
    textList(sb, "Factors", c.factors);
    if (!c.metricsRationale.isEmpty()) {
      sb.append("Why these metrics: ").append(c.metricsRationale).append("\n\n");
    }
    textList(sb, "Decision thresholds", c.decisionThresholds);
    if (!c.uncertainty.isEmpty()) {
      sb.append("How uncertainty was measured: ").append(c.uncertainty).append("\n\n");
    }
    if (!c.sliceSearch.isEmpty() || !c.slices.isEmpty()) {
      List<String> slices = new ArrayList<>();
      c.slices.forEach(x -> slices.add(x.toString()));
      if (slices.isEmpty()) {
        slices.add("none significant");
      }
      textList(
          sb,
          CardHtml.SLICES_TITLE + (c.sliceSearch.isEmpty() ? "" : " (" + c.sliceSearch + ")"),
          slices);
    }
    List<String> gates = new ArrayList<>();
    c.gates.forEach(g -> gates.add(g.toString()));
    textList(sb, "Promotion gates", gates);
    List<String> drift = new ArrayList<>();
    c.drift.forEach(d -> drift.add(d.toString()));
    textList(sb, "Drift of the evaluation data", drift);
    List<String> prov = new ArrayList<>();
    if (!c.runId.isEmpty()) {
      prov.add("run = " + c.runId);
    }
    c.provenance.forEach((k, v) -> prov.add(k + " = " + v));
    textList(sb, "Provenance", prov);
    return sb.toString().strip();
  }

  private static void textList(StringBuilder sb, String title, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    sb.append(title).append(":\n");
    items.forEach(i -> sb.append("- ").append(i).append('\n'));
    sb.append('\n');
  }
}
