package org.mlops4j.privacy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.privacy.internal.ResultFiles;
import org.mlops4j.report.Element;
import org.mlops4j.report.Figure;
import org.mlops4j.report.Page;
import org.mlops4j.report.Table;
import org.mlops4j.report.Tone;
import org.mlops4j.report.internal.Json;
import org.mlops4j.report.internal.TextTable;

/**
 * What {@link AnonymityAuditor#audit(PersonalData)} found: the k and l the table reaches over its
 * quasi-identifiers, the smallest equivalence classes, and the remaining re-identification risk.
 *
 * <p>JSON: the header ({@code format} {@value #FORMAT}, {@code formatVersion} 1), then the fields
 * below by name, {@code kAnonymous}, {@code lDiverse}, {@code maxReidentificationRisk}, {@code
 * averageReidentificationRisk}, {@code shareBelowK}, and {@code smallest} as objects {@code
 * {values: {column: value}, size, distinctSensitive}}. {@link #logTo(Run)} writes the metrics
 * {@code privacy.k_anonymity.k}, {@code privacy.k_anonymity.classes}, {@code
 * privacy.k_anonymity.share_below_k}, {@code privacy.k_anonymity.max_reidentification_risk}, {@code
 * privacy.k_anonymity.average_reidentification_risk} (and {@code privacy.l_diversity.l} with a
 * sensitive column), the params {@code privacy.k_anonymity.quasi_identifiers} and {@code
 * privacy.k_anonymity.target_k}, and the artifacts {@code privacy/k_anonymity.json} and {@code
 * .html}.
 *
 * @param quasiIdentifiers the quasi-identifier columns
 * @param sensitive the sensitive column, if one was declared
 * @param targetK the k asked for
 * @param targetL the l asked for
 * @param rows the rows of the table
 * @param classes the number of equivalence classes
 * @param k the smallest class size (0 for an empty table)
 * @param l the smallest number of distinct sensitive values in a class (0 without a sensitive
 *     column or rows)
 * @param classesBelowK classes smaller than targetK
 * @param rowsBelowK rows in those classes
 * @param classesBelowL classes with fewer than targetL distinct sensitive values
 * @param smallest the smallest classes, smallest first
 * @since 0.1.0
 */
public record KAnonymityReport(
    List<String> quasiIdentifiers,
    Optional<String> sensitive,
    int targetK,
    int targetL,
    int rows,
    int classes,
    int k,
    int l,
    int classesBelowK,
    int rowsBelowK,
    int classesBelowL,
    List<EquivalenceClass> smallest) {

  /** The {@code format} of the JSON document. */
  public static final String FORMAT = "mlops4j.k-anonymity-report";

  /** The {@code formatVersion} written. */
  public static final int FORMAT_VERSION = 1;

  /**
   * Copies the lists.
   *
   * @throws NullPointerException if a part is null
   */
  public KAnonymityReport {
    quasiIdentifiers = List.copyOf(Require.nonNull(quasiIdentifiers, "quasiIdentifiers"));
    Require.nonNull(sensitive, "sensitive");
    smallest = List.copyOf(Require.nonNull(smallest, "smallest"));
  }

  /**
   * @return whether every class has at least targetK rows (true for an empty table)
   */
  public boolean kAnonymous() {
    return classesBelowK == 0;
  }

  /**
   * @return whether every class has at least targetL distinct sensitive values (true without a
   *     sensitive column)
   */
  public boolean lDiverse() {
    return classesBelowL == 0;
  }

  /**
   * @return {@code 1 / k}: the probability of re-identifying a row of the smallest class; 0 for an
   *     empty table
   */
  public double maxReidentificationRisk() {
    return k == 0 ? 0 : 1.0 / k;
  }

  /**
   * @return {@code classes / rows}: the mean over rows of {@code 1 / class size}; 0 for an empty
   *     table
   */
  public double averageReidentificationRisk() {
    return rows == 0 ? 0 : (double) classes / rows;
  }

  /**
   * @return {@code rowsBelowK / rows}, 0 for an empty table
   */
  public double shareBelowK() {
    return rows == 0 ? 0 : (double) rowsBelowK / rows;
  }

  /**
   * Logs the metrics, params and artifacts of the class comment.
   *
   * @param run the run
   * @return this report
   */
  public KAnonymityReport logTo(Run run) {
    Require.nonNull(run, "run");
    run.logParam("privacy.k_anonymity.quasi_identifiers", String.join(",", quasiIdentifiers));
    run.logParam("privacy.k_anonymity.target_k", Integer.toString(targetK));
    run.logMetric("privacy.k_anonymity.k", k);
    run.logMetric("privacy.k_anonymity.classes", classes);
    run.logMetric("privacy.k_anonymity.share_below_k", shareBelowK());
    run.logMetric("privacy.k_anonymity.max_reidentification_risk", maxReidentificationRisk());
    run.logMetric(
        "privacy.k_anonymity.average_reidentification_risk", averageReidentificationRisk());
    if (sensitive.isPresent()) {
      run.logParam("privacy.l_diversity.target_l", Integer.toString(targetL));
      run.logMetric("privacy.l_diversity.l", l);
    }
    run.logText("privacy/k_anonymity.json", toJson());
    run.logText("privacy/k_anonymity.html", toHtml());
    return this;
  }

  /**
   * @return the JSON document of the class comment
   */
  public String toJson() {
    Map<String, Object> m = Json.document(FORMAT, FORMAT_VERSION);
    m.put("quasiIdentifiers", quasiIdentifiers);
    m.put("sensitive", sensitive.orElse(null));
    m.put("targetK", targetK);
    m.put("targetL", targetL);
    m.put("rows", rows);
    m.put("classes", classes);
    m.put("k", k);
    m.put("l", l);
    m.put("kAnonymous", kAnonymous());
    m.put("lDiverse", lDiverse());
    m.put("classesBelowK", classesBelowK);
    m.put("rowsBelowK", rowsBelowK);
    m.put("shareBelowK", shareBelowK());
    m.put("classesBelowL", classesBelowL);
    m.put("maxReidentificationRisk", maxReidentificationRisk());
    m.put("averageReidentificationRisk", averageReidentificationRisk());
    List<Map<String, Object>> cs = new ArrayList<>();
    for (EquivalenceClass c : smallest) {
      Map<String, Object> e = new LinkedHashMap<>();
      Map<String, String> v = new LinkedHashMap<>();
      for (int i = 0; i < quasiIdentifiers.size(); i++) {
        v.put(quasiIdentifiers.get(i), c.values().get(i));
      }
      e.put("values", v);
      e.put("size", c.size());
      e.put("distinctSensitive", c.distinctSensitive());
      cs.add(e);
    }
    m.put("smallest", cs);
    return Json.write(m);
  }

  /**
   * @return a self-contained HTML page: the verdict, the risk figures, the smallest classes
   */
  public String toHtml() {
    Table.Builder t = Table.builder().caption("Smallest equivalence classes");
    List<String> cols = new ArrayList<>(quasiIdentifiers);
    cols.add("rows");
    cols.add("risk 1/size");
    if (sensitive.isPresent()) {
      cols.add("distinct " + sensitive.get());
    }
    t.columns(cols.toArray(String[]::new));
    int q = quasiIdentifiers.size();
    t.numeric(sensitive.isPresent() ? new int[] {q, q + 1, q + 2} : new int[] {q, q + 1});
    for (EquivalenceClass c : smallest) {
      List<Object> cells = new ArrayList<>(c.values());
      cells.add(c.size());
      cells.add(c.reidentificationRisk());
      if (sensitive.isPresent()) {
        cells.add(c.distinctSensitive());
      }
      Tone tone =
          c.size() < targetK || (sensitive.isPresent() && c.distinctSensitive() < targetL)
              ? Tone.BAD
              : Tone.NEUTRAL;
      t.row(tone, cells.toArray());
    }
    boolean ok = kAnonymous() && lDiverse();
    Page page =
        Page.builder()
            .title("k-anonymity")
            .subtitle("Quasi-identifiers " + String.join(", ", quasiIdentifiers))
            .about("rows", rows)
            .about("equivalence classes", classes)
            .about("target k", targetK)
            .about("sensitive", sensitive.map(s -> s + " (target l " + targetL + ")").orElse("-"))
            .section(
                "Verdict",
                Element.callout(
                    ok ? Tone.GOOD : Tone.BAD,
                    verdict(),
                    "k is the smallest class size (Sweeney 2002); l the fewest distinct sensitive"
                        + " values in a class (distinct l-diversity, Machanavajjhala et al."
                        + " 2007)."),
                Element.figures(
                    Figure.of("k", Integer.toString(k), "smallest class", tone(k >= targetK)),
                    Figure.of(
                        "max risk", fmt(maxReidentificationRisk()), "1 / k", tone(k >= targetK)),
                    Figure.of(
                        "rows below k",
                        fmt(shareBelowK()),
                        rowsBelowK + " of " + rows,
                        tone(rowsBelowK == 0)),
                    Figure.of(
                        "average risk",
                        fmt(averageReidentificationRisk()),
                        "classes / rows",
                        Tone.NEUTRAL)))
            .section("Smallest classes", t.build())
            .build();
    return page.toHtml();
  }

  private static Tone tone(boolean good) {
    return good ? Tone.GOOD : Tone.BAD;
  }

  private String verdict() {
    String kv =
        kAnonymous()
            ? k + "-anonymous (target " + targetK + ")"
            : "not " + targetK + "-anonymous: k = " + k;
    if (sensitive.isEmpty()) {
      return kv;
    }
    return kv
        + (lDiverse()
            ? "; distinct " + l + "-diverse"
            : "; not distinct " + targetL + "-diverse: l = " + l);
  }

  /**
   * Writes {@link #toHtml()} when the name ends in {@code .html}, else {@link #toJson()}.
   *
   * @param file where to write
   */
  public void save(Path file) {
    ResultFiles.save(file, this::toJson, this::toHtml, AtomicFiles.Durability.ATOMIC);
  }

  private static String fmt(double x) {
    return String.format(Locale.ROOT, "%.4g", x);
  }

  /** The verdict, the risk, then the smallest classes as a table. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("k-anonymity over ").append(quasiIdentifiers);
    sensitive.ifPresent(s -> sb.append(", sensitive ").append(s));
    sb.append(": ").append(verdict()).append('\n');
    sb.append(
        String.format(
            Locale.ROOT,
            "  rows %d, classes %d, rows in classes below k %d (%.1f%%),"
                + " max re-identification risk %s, average %s%n",
            rows,
            classes,
            rowsBelowK,
            100 * shareBelowK(),
            fmt(maxReidentificationRisk()),
            fmt(averageReidentificationRisk())));
    List<String> header = new ArrayList<>(quasiIdentifiers);
    header.add("rows");
    if (sensitive.isPresent()) {
      header.add("l");
    }
    TextTable t = new TextTable(header.toArray(String[]::new));
    for (EquivalenceClass c : smallest) {
      List<Object> cells = new ArrayList<>(c.values());
      cells.add(c.size());
      if (sensitive.isPresent()) {
        cells.add(c.distinctSensitive());
      }
      t.row(cells.toArray());
    }
    sb.append(t.toString().indent(2));
    return sb.toString();
  }
}
