package org.mlops4j.privacy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.LibraryVersion;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.privacy.internal.ResultFiles;
import org.mlops4j.report.Element;
import org.mlops4j.report.Figure;
import org.mlops4j.report.Page;
import org.mlops4j.report.Table;
import org.mlops4j.report.Tone;
import org.mlops4j.report.internal.Json;
import org.mlops4j.report.internal.Numbers;
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
   * @return a self-contained HTML page: the verdict with what it means and what failed, the figures
   *     (k, l, rows below k, risks), then the smallest classes (those below the targets marked)
   */
  public String toHtml() {
    Table.Builder t =
        Table.builder()
            .caption(
                "The "
                    + smallest.size()
                    + " smallest equivalence classes of "
                    + classes
                    + ", smallest first; marked: below the target k"
                    + (sensitive.isPresent() ? " or l" : "")
                    + ". Risk: the chance of picking out one person of the class, 1 / rows.");
    List<String> cols = new ArrayList<>(quasiIdentifiers);
    cols.add("rows");
    cols.add("risk");
    if (sensitive.isPresent()) {
      cols.add("distinct " + sensitive.get());
    }
    cols.add("below target");
    t.columns(cols.toArray(String[]::new));
    int q = quasiIdentifiers.size();
    t.numeric(sensitive.isPresent() ? new int[] {q, q + 1, q + 2} : new int[] {q, q + 1});
    for (EquivalenceClass c : smallest) {
      List<Object> cells = new ArrayList<>(c.values());
      cells.add(c.size());
      cells.add(Numbers.format(c.reidentificationRisk()));
      boolean belowK = c.size() < targetK;
      boolean belowL = sensitive.isPresent() && c.distinctSensitive() < targetL;
      if (sensitive.isPresent()) {
        cells.add(c.distinctSensitive());
      }
      cells.add(belowK && belowL ? "k and l" : belowK ? "k" : belowL ? "l" : "–");
      t.row(belowK || belowL ? Tone.BAD : Tone.NEUTRAL, cells.toArray());
    }
    boolean ok = kAnonymous() && lDiverse();
    List<Figure> figures = new ArrayList<>();
    figures.add(
        Figure.of(
            "k", Integer.toString(k), "smallest class; target " + targetK, tone(kAnonymous())));
    if (sensitive.isPresent()) {
      figures.add(
          Figure.of(
              "l",
              Integer.toString(l),
              "fewest distinct " + sensitive.get() + " in a class; target " + targetL,
              tone(lDiverse())));
    }
    figures.add(
        Figure.of(
            "rows below k",
            Numbers.fixed(100 * shareBelowK(), 1) + "%",
            rowsBelowK + " of " + rows + " rows, in " + classesBelowK + " classes",
            tone(rowsBelowK == 0)));
    figures.add(
        Figure.of(
            "max re-identification risk",
            Numbers.format(maxReidentificationRisk()),
            "1 / k",
            tone(kAnonymous())));
    figures.add(
        Figure.of(
            "average risk",
            Numbers.format(averageReidentificationRisk()),
            "classes / rows",
            Tone.NEUTRAL));
    Page page =
        Page.builder()
            .title("k-anonymity")
            .subtitle(
                "Quasi-identifiers "
                    + String.join(", ", quasiIdentifiers)
                    + sensitive.map(s -> " · sensitive " + s).orElse("")
                    + " · "
                    + rows
                    + " rows")
            .about("quasi-identifiers", String.join(", ", quasiIdentifiers))
            .about("sensitive", sensitive.orElse("–"))
            .about("rows", rows)
            .about("equivalence classes", classes)
            .about("target k", targetK)
            .about("target l", sensitive.isPresent() ? Integer.toString(targetL) : "–")
            .about("library", "mlops4j " + LibraryVersion.get())
            .section(
                "Verdict",
                Element.callout(ok ? Tone.GOOD : Tone.BAD, verdict(), explanation()),
                Element.figures(figures))
            .section(
                "Smallest classes",
                t.build(),
                Element.note(
                    "k is the smallest class size (Sweeney 2002): anyone who knows a person's"
                        + " quasi-identifiers narrows them down to at least k rows. l is the"
                        + " fewest distinct sensitive values in a class (distinct l-diversity,"
                        + " Machanavajjhala et al. 2007): with l = 1 a class gives its"
                        + " sensitive value away."))
            .build();
    return page.toHtml();
  }

  /** What the verdict means for these rows, and what to do. */
  private String explanation() {
    StringBuilder sb = new StringBuilder();
    if (kAnonymous()) {
      sb.append("Every one of the ")
          .append(classes)
          .append(" classes has at least ")
          .append(targetK)
          .append(" rows");
    } else {
      sb.append(classesBelowK)
          .append(" of ")
          .append(classes)
          .append(" classes have fewer than ")
          .append(targetK)
          .append(" rows; they hold ")
          .append(rowsBelowK)
          .append(" of the ")
          .append(rows)
          .append(" rows (")
          .append(Numbers.fixed(100 * shareBelowK(), 1))
          .append("%)");
    }
    if (sensitive.isPresent()) {
      sb.append(lDiverse() ? ", and every class has at least " : ". ");
      if (lDiverse()) {
        sb.append(targetL).append(" distinct values of ").append(sensitive.get());
      } else {
        sb.append(classesBelowL)
            .append(classesBelowL == 1 ? " class has" : " classes have")
            .append(" fewer than ")
            .append(targetL)
            .append(" distinct values of ")
            .append(sensitive.get())
            .append(": whoever finds a person's class learns it");
      }
    }
    sb.append('.');
    if (!ok()) {
      sb.append(
          " Generalise the quasi-identifiers (age bands, shorter ZIP prefixes) or suppress the"
              + " rows of the smallest classes: Anonymizer does both.");
    }
    return sb.toString();
  }

  private boolean ok() {
    return kAnonymous() && lDiverse();
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
    return Numbers.format(x);
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
