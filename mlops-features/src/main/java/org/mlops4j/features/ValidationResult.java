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
 * What {@link FeatureSchema#validate} found: every violation, in field order then row order (never
 * just the first).
 *
 * @param rows the number of rows validated (1 for a record)
 * @param violations every violation found
 * @since 0.1.0
 */
public record ValidationResult(int rows, List<SchemaViolation> violations) {

  /** The {@code format} of the JSON document, {@value}. */
  public static final String FORMAT = "mlops4j.feature-validation";

  /** The {@code formatVersion} of the JSON document written by this version. */
  public static final int FORMAT_VERSION = 1;

  /**
   * Copies the violations.
   *
   * @throws NullPointerException if violations is null
   */
  public ValidationResult {
    violations = List.copyOf(Require.nonNull(violations, "violations"));
  }

  /**
   * @return whether no violation was found
   */
  public boolean valid() {
    return violations.isEmpty();
  }

  /**
   * @param field a field's name
   * @return the violations of that field
   */
  public List<SchemaViolation> of(String field) {
    List<SchemaViolation> out = new ArrayList<>();
    for (SchemaViolation v : violations) {
      if (v.field().equals(field)) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * Logs {@code features.validation.violations} (the count) and {@code
   * features.validation.<field>.violations} per field with a violation.
   *
   * @param run the run to log to
   * @return this result
   * @throws NullPointerException if run is null
   */
  public ValidationResult logTo(Run run) {
    Require.nonNull(run, "run");
    run.logMetric(MetricKeys.key("features", "validation", "violations"), violations.size());
    Map<String, Integer> perField = new LinkedHashMap<>();
    for (SchemaViolation v : violations) {
      perField.merge(v.field(), 1, Integer::sum);
    }
    perField.forEach(
        (f, n) -> run.logMetric(MetricKeys.key("features", "validation", f, "violations"), n));
    return this;
  }

  /**
   * @return the JSON document: the header ({@code format} {@value #FORMAT}, {@code formatVersion}
   *     1, ...), {@code rows}, {@code valid}, {@code violations} (each {@code field}, {@code row},
   *     {@code problem}, {@code value})
   */
  public String toJson() {
    Map<String, Object> m = Json.document(FORMAT, FORMAT_VERSION);
    m.put("rows", rows);
    m.put("valid", valid());
    List<Map<String, Object>> vs = new ArrayList<>();
    for (SchemaViolation v : violations) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("field", v.field());
      e.put("row", v.row());
      e.put("problem", v.problem());
      e.put("value", v.value());
      vs.add(e);
    }
    m.put("violations", vs);
    return Json.write(m);
  }

  /**
   * @return a self-contained HTML page: the verdict, then one table row per violation (row, field,
   *     problem, value)
   */
  public String toHtml() {
    Table.Builder t = Table.builder().columns("row", "field", "problem", "value").numeric(0);
    for (SchemaViolation v : violations) {
      t.row(
          Tone.BAD,
          v.row() == SchemaViolation.WHOLE_COLUMN ? "all" : Integer.toString(v.row()),
          v.field(),
          v.problem(),
          v.value());
    }
    Page.Builder page =
        Page.builder()
            .title("Schema validation")
            .subtitle(valid() ? "no violation" : violations.size() + " violation(s)")
            .about("rows", rows)
            .about("library", "mlops4j " + LibraryVersion.get());
    page.section(
        "Result",
        Element.figures(
            Figure.of(
                "violations",
                Integer.toString(violations.size()),
                "every value outside the schema, with its field and row",
                valid() ? Tone.GOOD : Tone.BAD)));
    if (!valid()) {
      page.section("Violations", t.build());
    }
    return page.build().toHtml();
  }

  /**
   * Writes the result atomically: the HTML page when the file name ends in {@code .html} (any
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

  @Override
  public String toString() {
    if (valid()) {
      return "Validation: " + rows + " row(s), no violation";
    }
    int wf = "field".length();
    int wp = "problem".length();
    for (SchemaViolation v : violations) {
      wf = Math.max(wf, v.field().length());
      wp = Math.max(wp, v.problem().length());
    }
    StringBuilder sb = new StringBuilder();
    sb.append("Validation: ")
        .append(rows)
        .append(" row(s), ")
        .append(violations.size())
        .append(" violation(s)\n");
    String fmt = "%-8s  %-" + wf + "s  %-" + wp + "s  %s%n";
    sb.append(String.format(Locale.ROOT, fmt, "row", "field", "problem", "value"));
    for (SchemaViolation v : violations) {
      sb.append(
          String.format(
              Locale.ROOT,
              fmt,
              v.row() == SchemaViolation.WHOLE_COLUMN ? "all" : Integer.toString(v.row()),
              v.field(),
              v.problem(),
              v.value()));
    }
    return sb.toString().stripTrailing();
  }
}
