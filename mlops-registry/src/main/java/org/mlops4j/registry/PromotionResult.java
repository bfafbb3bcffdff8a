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
import org.mlops4j.report.internal.Json;
import org.mlops4j.report.internal.TextTable;

/**
 * The outcome of a promotion attempt: which version, to which target ({@code stage Production} or
 * {@code alias champion}), what was there before, whether every gate passed, and the whole table of
 * gate results. The attempt is in the model's audit log whatever its outcome; a passed promotion
 * has moved the target, a refused one has changed nothing else. A CLI prints {@link #toString()}
 * and exits with 1 unless {@link #passed()}.
 *
 * <p>HTML ({@link #toHtml()}): the report toolkit's page, the verdict, then the gate table.
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
   * @return a self-contained HTML page: the verdict, what was promoted where, and one row per gate
   *     (failed gates marked)
   */
  public String toHtml() {
    org.mlops4j.report.Table.Builder t =
        org.mlops4j.report.Table.builder()
            .caption("Gates, in declaration order")
            .columns("gate", "rule", "measured", "result", "detail")
            .numeric(2);
    for (GateResult g : gates) {
      Object measured = Double.isNaN(g.measured()) ? "-" : Gate.num(g.measured());
      String verdict = g.passed() ? "pass" : "FAIL";
      if (g.passed()) {
        t.row(g.gate().kind().key(), g.gate().describe(), measured, verdict, g.detail());
      } else {
        t.row(
            org.mlops4j.report.Tone.BAD,
            g.gate().kind().key(),
            g.gate().describe(),
            measured,
            verdict,
            g.detail());
      }
    }
    return org.mlops4j.report.Page.builder()
        .title("Promotion of " + model + " v" + version + " to " + target)
        .subtitle(
            passed
                ? "PASSED"
                : "REFUSED: " + failed().size() + " of " + gates.size() + " gates failed")
        .about("model", model)
        .about("version", version)
        .about("target", target)
        .about("replacing", from == 0 ? "nothing" : "v" + from)
        .about("user", user)
        .about("reason", reason)
        .createdAt(time)
        .section("Gates", t.build())
        .build()
        .toHtml();
  }

  /**
   * Writes {@link #toJson()} atomically, or {@link #toHtml()} when the file name ends in {@code
   * .html}.
   *
   * @param file where to write
   * @throws org.mlops4j.api.MlopsException if it cannot be written
   */
  public void save(Path file) {
    Require.nonNull(file, "file");
    Path name = file.getFileName();
    boolean html =
        name != null && name.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".html");
    AtomicFiles.save(file, html ? toHtml() : toJson(), AtomicFiles.Durability.ATOMIC);
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

  /** The verdict line, then one row per gate. */
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
          Double.isNaN(g.measured()) ? "-" : Gate.num(g.measured()),
          g.passed() ? "pass" : "FAIL",
          g.detail());
    }
    sb.append(gates.isEmpty() ? "(no gates declared)\n" : t.toString());
    return sb.toString();
  }
}
