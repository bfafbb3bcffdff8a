package org.mlops4j.registry;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.MetricKeys;
import org.mlops4j.api.internal.Require;
import org.mlops4j.report.Element;
import org.mlops4j.report.Figure;
import org.mlops4j.report.Page;
import org.mlops4j.report.Table;
import org.mlops4j.report.Tone;
import org.mlops4j.report.internal.Json;
import org.mlops4j.report.internal.Numbers;
import org.mlops4j.report.internal.TextTable;

/**
 * The outcome of a promotion attempt: which version, to which target ({@code stage Production} or
 * {@code alias champion}), what was there before, whether every gate passed, and the whole table of
 * gate results. The attempt is in the model's audit log whatever its outcome; a passed promotion
 * has moved the target, a refused one has changed nothing else. A CLI prints {@link #toString()}
 * and exits with 1 unless {@link #passed()}.
 *
 * <p>HTML ({@link #toHtml()}): the report toolkit's page: what was promoted where, the verdict in
 * words (which gates failed and by how much, what moved or stayed), headline figures, then the gate
 * table with each measured value, what it is and its unit.
 *
 * <p>JSON ({@link #toJson()}): the header of {@code mlops4j.promotion-result} version 1, then
 * {@code model}, {@code version}, {@code target}, {@code from} (the version number that was at the
 * target, or null), {@code passed}, {@code user}, {@code reason}, {@code gates} (each {@code kind},
 * {@code subject}, {@code rule}, {@code passed}, {@code measured} (null with {@code measuredReason}
 * when nothing was measured), {@code detail}).
 *
 * @param model the model's name
 * @param version the candidate version
 * @param target the target, {@code stage <Stage>} or {@code alias <alias>}
 * @param from the version at the target before, 0 if none
 * @param passed whether every gate passed (and the target was moved)
 * @param gates the gate results, in declaration order
 * @param user who asked
 * @param time when
 * @param reason why, as given
 * @since 0.1.0
 */
public record PromotionResult(
    String model,
    int version,
    String target,
    int from,
    boolean passed,
    List<GateResult> gates,
    String user,
    Instant time,
    String reason) {

  /**
   * Copies the list.
   *
   * @throws NullPointerException if a part is null
   */
  public PromotionResult {
    Require.nonNull(model, "model");
    Require.nonNull(target, "target");
    gates = List.copyOf(Require.nonNull(gates, "gates"));
    Require.nonNull(user, "user");
    Require.nonNull(time, "time");
    Require.nonNull(reason, "reason");
  }

  /**
   * @return the gates that failed
   */
  public List<GateResult> failed() {
    List<GateResult> out = new ArrayList<>();
    for (GateResult g : gates) {
      if (!g.passed()) {
        out.add(g);
      }
    }
    return out;
  }

  /**
   * @return this result if it passed
   * @throws PromotionRefusedException with this result (and its table) if a gate failed
   */
  public PromotionResult orThrow() {
    if (!passed) {
      throw new PromotionRefusedException(this);
    }
    return this;
  }

  /**
   * @return the result as JSON (format above)
   */
  public String toJson() {
    Map<String, Object> doc = Json.document("mlops4j.promotion-result", 1, time);
    doc.putAll(body());
    return Json.write(doc);
  }

  /**
   * The fields of the JSON without the header (also the body of an audit entry's gates).
   *
   * @return the fields
   */
  Map<String, Object> body() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", model);
    m.put("version", version);
    m.put("target", target);
    m.put("from", from == 0 ? null : from);
    m.put("passed", passed);
    m.put("user", user);
    m.put("reason", reason);
    m.put("gates", gatesJson(gates));
    return m;
  }

  static List<Map<String, Object>> gatesJson(List<GateResult> gates) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (GateResult g : gates) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", g.gate().kind().key());
      m.put("subject", g.gate().subject());
      m.put("rule", g.gate().describe());
      m.put("passed", g.passed());
      Json.putNumber(m, "measured", g.measured(), "not measured");
      m.put("detail", g.detail());
      out.add(m);
    }
    return out;
  }

  /**
   * @return a self-contained HTML page: what was promoted where, the verdict in words (which gates
   *     failed and why, what moved or stayed), headline figures, then one row per gate with the
   *     measured value, what it is (and its unit) and the result (failed gates marked)
   */
  public String toHtml() {
    Table.Builder t =
        Table.builder()
            .caption("Gates, in declaration order; a gate without its evidence fails")
            .columns("gate", "rule", "measured", "what was measured", "result", "detail")
            .numeric(2);
    for (GateResult g : gates) {
      Object[] cells = {
        g.gate().kind().key(),
        g.gate().describe(),
        Double.isNaN(g.measured()) ? "–" : measuredText(g),
        measure(g.gate().kind()),
        g.passed() ? "✔\u00a0pass" : "✖\u00a0FAIL",
        g.detail()
      };
      t.row(g.passed() ? Tone.NEUTRAL : Tone.BAD, cells);
    }
    List<Figure> figures = new ArrayList<>();
    figures.add(
        Figure.of(
            "gates passed",
            (gates.size() - failed().size()) + " of " + gates.size(),
            passed ? "every gate passed" : failed().size() + " failed",
            passed ? Tone.GOOD : Tone.BAD));
    for (GateResult g : failed()) {
      if (figures.size() == 4) {
        break;
      }
      figures.add(
          Figure.of(
              g.gate().kind().key(),
              Double.isNaN(g.measured()) ? "–" : measuredText(g),
              g.gate().describe(),
              Tone.BAD));
    }
    List<Element> verdict = new ArrayList<>();
    verdict.add(
        Element.callout(
            passed ? Tone.GOOD : Tone.BAD,
            passed ? "Promoted" : "Promotion refused",
            verdictText()));
    if (!passed) {
      verdict.add(Element.bullets(failedLines()));
    }
    verdict.add(Element.figures(figures));
    return Page.builder()
        .title("Promotion of " + model + " v" + version + " to " + target)
        .subtitle(
            passed
                ? "Promoted: every gate passed"
                : "Refused: " + failed().size() + " of " + gates.size() + " gates failed")
        .about("model", model)
        .about("candidate", "v" + version)
        .about("target", target)
        .about("at the target before", from == 0 ? "no version" : "v" + from)
        .about("asked by", user.isEmpty() ? "–" : user)
        .about("reason", reason.isEmpty() ? "–" : reason)
        .createdAt(time)
        .section("Verdict", verdict.toArray(Element[]::new))
        .section(
            "Gates",
            t.build(),
            Element.note(
                "metric gates read the metrics logged with the version; mcnemar and bootstrap"
                    + " compare the candidate with the version at the target on the same"
                    + " evaluation examples (passed without comparison when the target is empty);"
                    + " fairness gates read a FairnessReport, drift_share_max a DriftReport;"
                    + " latency times the predict function (nearest-rank percentiles); size_max"
                    + " adds the bytes of the version's files."))
        .build()
        .toHtml();
  }

  /** The verdict in words: how many gates failed, and what moved or stayed. */
  private String verdictText() {
    if (passed) {
      return (gates.isEmpty()
              ? "No gate was declared. "
              : "All " + gates.size() + " gates passed. ")
          + Character.toUpperCase(target.charAt(0))
          + target.substring(1)
          + " now holds v"
          + version
          + (from == 0 ? "" : " (it held v" + from + ")")
          + ". The attempt is in the model's audit log.";
    }
    return failed().size()
        + " of "
        + gates.size()
        + " gates failed (below). Nothing moved: "
        + target
        + (from == 0 ? " stays empty" : " still holds v" + from)
        + "; the refused attempt is in the model's audit log.";
  }

  /** One line per failed gate: the rule, what was measured, the detail. */
  private List<String> failedLines() {
    List<String> out = new ArrayList<>();
    for (GateResult g : failed()) {
      StringBuilder sb = new StringBuilder(g.gate().kind().key()).append(": ");
      sb.append(g.gate().describe());
      sb.append(
          Double.isNaN(g.measured())
              ? ", nothing measured"
              : ", but " + measure(g.gate().kind()) + " was " + measuredText(g));
      if (!g.detail().isEmpty()) {
        sb.append(" (").append(g.detail()).append(')');
      }
      out.add(sb.toString());
    }
    return out;
  }

  /** The measured value with its unit: four significant digits, ms, bytes. */
  static String measuredText(GateResult g) {
    String x = Numbers.format(g.measured());
    return switch (g.gate().kind()) {
      case LATENCY -> x + "\u00a0ms";
      case SIZE_MAX -> String.format(java.util.Locale.ROOT, "%,d\u00a0bytes", (long) g.measured());
      default -> x;
    };
  }

  /** What a gate of a kind measures, in words. */
  static String measure(GateKind kind) {
    return switch (kind) {
      case METRIC_MIN, METRIC_MAX -> "logged metric";
      case MCNEMAR -> "McNemar p-value";
      case BOOTSTRAP -> "lower end of the difference's interval";
      case FAIRNESS_MAX, FAIRNESS_MIN -> "fairness criterion";
      case FOUR_FIFTHS -> "lowest selection-rate ratio";
      case DRIFT_SHARE_MAX -> "share of features drifted";
      case LATENCY -> "p50 latency";
      case SIZE_MAX -> "artifact size";
    };
  }

  /**
   * Writes {@link #toJson()} atomically, or {@link #toHtml()} when the file name ends in {@code
   * .html}.
   *
   * @param file where to write
   * @throws org.mlops4j.api.MlopsException if it cannot be written
   */
  public void save(Path file) {
    AtomicFiles.saveJsonOrHtml(file, this::toJson, this::toHtml, AtomicFiles.Durability.ATOMIC);
  }

  /**
   * Logs to a tracking run: metric {@code registry.promotion.passed} (1 or 0), for each gate {@code
   * registry.<kind>[_<subject>].measured} (when measured) and {@code .passed} (1 or 0), and the
   * JSON as the artifact {@code registry/promotion.json}.
   *
   * @param run the run
   * @return this result
   * @throws NullPointerException if run is null
   */
  public PromotionResult logTo(org.mlops4j.api.tracking.Run run) {
    Require.nonNull(run, "run");
    run.logMetric(MetricKeys.key("registry", "promotion", "passed"), passed ? 1 : 0);
    for (GateResult g : gates) {
      String gate =
          g.gate().kind().key() + (g.gate().subject().isEmpty() ? "" : "_" + g.gate().subject());
      if (!Double.isNaN(g.measured())) {
        run.logMetric(MetricKeys.key("registry", gate, "measured"), g.measured());
      }
      run.logMetric(MetricKeys.key("registry", gate, "passed"), g.passed() ? 1 : 0);
    }
    run.logText("registry/promotion.json", toJson());
    return this;
  }

  /**
   * The verdict line, then one row per gate: the measured value with four significant digits (a
   * latency in ms, a size in bytes), pass or FAIL, and the detail.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("Promotion of ")
        .append(model)
        .append(" v")
        .append(version)
        .append(" to ")
        .append(target)
        .append(from == 0 ? "" : " (replacing v" + from + ")")
        .append(": ")
        .append(
            passed
                ? "PASSED"
                : "REFUSED (" + failed().size() + " of " + gates.size() + " gates failed)")
        .append('\n');
    TextTable t = new TextTable("gate", "rule", "measured", "result", "detail");
    for (GateResult g : gates) {
      t.row(
          g.gate().kind().key(),
          g.gate().describe(),
          Double.isNaN(g.measured()) ? "-" : Numbers.format(g.measured()),
          g.passed() ? "pass" : "FAIL",
          g.detail());
    }
    sb.append(gates.isEmpty() ? "(no gates declared)\n" : t.toString());
    return sb.toString();
  }
}
