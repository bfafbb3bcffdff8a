package org.mlops4j.features;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.mlops4j.report.internal.Numbers;
import org.mlops4j.report.internal.TextTable;

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
   * @return a self-contained HTML page: the verdict in words, headline figures (violations, rows
   *     and fields with one), a table of the violations per field, then one row per violation (row,
   *     field, problem, value; a number with at most ten significant digits)
   */
  public String toHtml() {
    Map<String, List<SchemaViolation>> byField = byField();
    int badRows = badRows();
    Page.Builder page =
        Page.builder()
            .title("Schema validation")
            .subtitle(
                (valid() ? "No violation" : plural(violations.size(), "violation"))
                    + " in "
                    + plural(rows, "row"))
            .about("rows validated", rows)
            .about("fields with a violation", byField.size())
            .about("library", "mlops4j " + LibraryVersion.get());
    Element callout =
        valid()
            ? Element.callout(
                Tone.GOOD,
                "Valid",
                "Every value of the " + plural(rows, "row") + " fits the schema.")
            : Element.callout(
                Tone.BAD,
                plural(violations.size(), "violation") + " in " + plural(byField.size(), "field"),
                "Every value outside the schema is listed below, in field order then row order: "
                    + summary(byField)
                    + ". A row of \"all\" is a problem of the whole column (a field absent or"
                    + " not declared).");
    page.section(
        "Verdict",
        callout,
        Element.figures(
            Figure.of(
                "violations",
                Integer.toString(violations.size()),
                "values outside the schema",
                valid() ? Tone.GOOD : Tone.BAD),
            Figure.of(
                "rows with a violation",
                badRows + " of " + rows,
                (rows == 0 ? "" : Numbers.fixed(100.0 * badRows / rows, 1) + "% of the rows")
                    + (wholeColumn() == 0
                        ? ""
                        : "; and " + plural(wholeColumn(), "problem") + " of a whole column"),
                badRows == 0 ? Tone.GOOD : Tone.BAD),
            Figure.of(
                "fields with a violation",
                Integer.toString(byField.size()),
                byField.isEmpty() ? "none" : String.join(", ", byField.keySet()),
                byField.isEmpty() ? Tone.GOOD : Tone.BAD)));
    if (!valid()) {
      Table.Builder fields =
          Table.builder()
              .caption("Per field")
              .columns("field", "violations", "problems")
              .numeric(1);
      byField.forEach(
          (f, vs) -> {
            Map<String, Integer> problems = new LinkedHashMap<>();
            vs.forEach(v -> problems.merge(v.problem(), 1, Integer::sum));
            List<String> parts = new ArrayList<>();
            problems.forEach((pr, n) -> parts.add(pr + (n > 1 ? " (" + n + ")" : "")));
            fields.row(Tone.BAD, f, vs.size(), String.join("; ", parts));
          });
      Table.Builder t =
          Table.builder()
              .caption("Every violation")
              .columns("row", "field", "problem", "value")
              .numeric(0);
      for (SchemaViolation v : violations) {
        t.row(Tone.BAD, rowText(v), v.field(), v.problem(), valueText(v.value()));
      }
      page.section("Violations", fields.build(), t.build());
    }
    return page.build().toHtml();
  }

  private Map<String, List<SchemaViolation>> byField() {
    Map<String, List<SchemaViolation>> out = new LinkedHashMap<>();
    for (SchemaViolation v : violations) {
      out.computeIfAbsent(v.field(), k -> new ArrayList<>()).add(v);
    }
    return out;
  }

  /** The rows with a violation of their own (problems of a whole column not counted). */
  private int badRows() {
    java.util.Set<Integer> rs = new java.util.HashSet<>();
    for (SchemaViolation v : violations) {
      if (v.row() != SchemaViolation.WHOLE_COLUMN) {
        rs.add(v.row());
      }
    }
    return rs.size();
  }

  private long wholeColumn() {
    return violations.stream().filter(v -> v.row() == SchemaViolation.WHOLE_COLUMN).count();
  }

  private static String summary(Map<String, List<SchemaViolation>> byField) {
    List<String> parts = new ArrayList<>();
    byField.forEach((f, vs) -> parts.add(f + " " + vs.size()));
    return String.join(", ", parts);
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  private static String rowText(SchemaViolation v) {
    return v.row() == SchemaViolation.WHOLE_COLUMN ? "all" : Integer.toString(v.row());
  }

  /**
   * A violation's value for reading: a number with at most ten significant digits, so that the
   * rounding noise of a double ({@code 0.30000000000000004}) does not show ({@code 0.3}) and a
   * whole number reads without {@code .0}; any other text as it is.
   */
  static String valueText(String value) {
    if (value.isEmpty() || !(Character.isDigit(value.charAt(value.length() - 1)))) {
      return value;
    }
    double x;
    try {
      x = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return value;
    }
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    return new java.math.BigDecimal(value)
        .round(new java.math.MathContext(10))
        .stripTrailingZeros()
        .toString()
        .replace("E+", "e")
        .replace("E", "e");
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
    AtomicFiles.saveJsonOrHtml(file, this::toJson, this::toHtml, AtomicFiles.Durability.ATOMIC);
  }

  /**
   * The verdict line, then one row per violation (row, field, problem, value; a number with at most
   * ten significant digits).
   */
  @Override
  public String toString() {
    if (valid()) {
      return "Validation: " + rows + " row(s), no violation";
    }
    TextTable t = new TextTable("row", "field", "problem", "value");
    for (SchemaViolation v : violations) {
      t.row(rowText(v), v.field(), v.problem(), valueText(v.value()));
    }
    return ("Validation: " + rows + " row(s), " + violations.size() + " violation(s)\n" + t)
        .stripTrailing();
  }
}
