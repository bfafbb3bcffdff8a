package org.mlops4j.slices;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mlops4j.api.Binning;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.MetricKeys;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.fairness.Interval;
import org.mlops4j.report.PageContent;
import org.mlops4j.report.Section;
import org.mlops4j.slices.internal.ReportHtml;
import org.mlops4j.slices.internal.ReportJson;
import org.mlops4j.slices.internal.SearchSettings;
import org.mlops4j.slices.internal.SliceSearch;

/**
 * What a {@link SliceFinder} found: every slice examined with its test, the significant ones ranked
 * by effect size, the overall error rate or mean loss, and notes on what was skipped.
 *
 * <pre>{@code
 * SliceReport report = SliceFinder.defaults().audit(data);
 * System.out.println(report);                       // a table of the significant slices
 * report.save(Path.of("slices.html"));              // or .json
 * report.logTo(run);                                // slices.* metrics, slices/report.json|html
 * assertTrue(report.slicesWorseThan(500, report.overall() + 0.05).isEmpty());
 * }</pre>
 *
 * <p>JSON ({@value #FORMAT}, version {@value #FORMAT_VERSION}): the header of mlops4j's JSON
 * convention, then {@code measure}, {@code test}, {@code alternative} ({@code "greater"}), {@code
 * correction} ({@code "benjamini-hochberg"}), {@code rows}, {@code overall}, {@code
 * overallInterval}, {@code settings}, {@code features}, {@code examined}, {@code examinedByDepth},
 * {@code significantCount}, {@code slices} (the significant slices, ranked; each with the fields of
 * {@link Slice}), {@code worstExamined} (up to 20 examined slices with the highest value) and
 * {@code notes}. An undefined number is {@code null} with a sibling {@code <name>Reason}.
 *
 * <p>Metric keys of {@link #logTo(Run)}: {@code slices.overall.<measure>}, {@code
 * slices.dataset.examined}, {@code slices.dataset.significant}, and for each of the (up to 20) top
 * significant slices {@code slices.<slice>.<measure>}, {@code .rows}, {@code .effect_size}, {@code
 * .p_adjusted}, the slice's name sanitised ({@code country=DE|age<30} becomes {@code
 * country_DE_age_30}).
 *
 * @since 0.1.0
 */
public final class SliceReport implements PageContent {

  /** The {@code format} of the JSON document, {@value}. */
  public static final String FORMAT = "mlops4j.slice-report";

  /** The {@code formatVersion} of the JSON document written by this version. */
  public static final int FORMAT_VERSION = 1;

  /** How many slices {@link #toString()} shows, and {@link #logTo(Run)} logs. */
  private static final int SHOWN = 20;

  private final SliceMeasure measure;
  private final int rows;
  private final SearchSettings settings;
  private final double overall;
  private final Interval overallInterval;
  private final List<Slice> examined;
  private final List<Slice> significant;
  private final List<Integer> examinedByDepth;
  private final List<String> features;
  private final List<String> notes;
  private final Instant createdAt;

  SliceReport(SliceMeasure measure, int rows, SearchSettings settings, SliceSearch.Result r) {
    this.measure = measure;
    this.rows = rows;
    this.settings = settings;
    this.overall = r.overall();
    this.overallInterval = r.overallInterval();
    this.examined = List.copyOf(r.slices());
    List<Slice> sig = new ArrayList<>();
    for (Slice s : examined) {
      if (s.significant()) {
        sig.add(s);
      }
    }
    this.significant = List.copyOf(sig);
    this.examinedByDepth = List.copyOf(r.examinedByDepth());
    this.features = List.copyOf(r.features());
    this.notes = List.copyOf(r.notes());
    this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * @return what the slices are judged on
   */
  public SliceMeasure measure() {
    return measure;
  }

  /**
   * @return the number of rows
   */
  public int rows() {
    return rows;
  }

  /**
   * @return the error rate or mean loss over all rows
   */
  public double overall() {
    return overall;
  }

  /**
   * @return the interval of {@link #overall()}: Wilson score (error rate) or Student's t (mean
   *     loss)
   */
  public Interval overallInterval() {
    return overallInterval;
  }

  /**
   * @return the significant slices, largest effect size first
   */
  public List<Slice> significant() {
    return significant;
  }

  /**
   * @return every slice examined, largest effect size first
   */
  public List<Slice> examined() {
    return examined;
  }

  /**
   * @return the number of slices examined at depth 1, 2, 3 (as far as the search went)
   */
  public List<Integer> examinedByDepth() {
    return examinedByDepth;
  }

  /**
   * @return how each feature was encoded (or that it was skipped), one line each
   */
  public List<String> features() {
    return features;
  }

  /**
   * @return why features were skipped, whether the budget was reached, why nothing was examined
   */
  public List<String> notes() {
    return notes;
  }

  /**
   * @return the false discovery rate of the Benjamini–Hochberg procedure
   */
  public double alpha() {
    return settings.alpha();
  }

  /**
   * @return the fewest rows of a slice examined
   */
  public int minSupport() {
    return settings.minSupport();
  }

  /**
   * @return the smallest effect size of a significant slice
   */
  public double minEffectSize() {
    return settings.minEffectSize();
  }

  /**
   * @return the most conditions in a slice
   */
  public int maxDepth() {
    return settings.maxDepth();
  }

  /**
   * @return the most slices examined
   */
  public int budget() {
    return settings.budget();
  }

  /**
   * @return the bins of a numeric feature
   */
  public int bins() {
    return settings.bins();
  }

  /**
   * @return how numeric features were cut
   */
  public Binning binning() {
    return settings.binning();
  }

  /**
   * @return the confidence level of the intervals
   */
  public double confidenceLevel() {
    return settings.level();
  }

  /**
   * @return the most values of one feature that could make slices
   */
  public int maxValues() {
    return settings.maxValues();
  }

  /**
   * @return when the report was made
   */
  public Instant createdAt() {
    return createdAt;
  }

  /**
   * The examined slice of at least minSupport rows with the highest error rate or mean loss,
   * significant or not. Slices the search did not examine (below the finder's minimum support,
   * inside a significant slice, beyond the budget) are not considered.
   *
   * @param minSupport the fewest rows
   * @return the worst slice, or empty if no examined slice has that many rows
   * @throws IllegalArgumentException if minSupport is negative
   */
  public Optional<Slice> worstSlice(int minSupport) {
    Require.nonNegative(minSupport, "minSupport");
    return examined.stream()
        .filter(s -> s.rows() >= minSupport)
        .max(Comparator.comparingDouble(Slice::value).thenComparingInt(Slice::rows));
  }

  /**
   * The examined slices of at least minSupport rows whose error rate or mean loss is above a value,
   * worst first, for an assertion such as "no slice of at least 500 rows has an error rate above
   * the overall one plus 0.05": {@code slicesWorseThan(500, report.overall() + 0.05).isEmpty()}.
   * Only examined slices are considered (see {@link #worstSlice(int)}).
   *
   * @param minSupport the fewest rows
   * @param value the value a slice must exceed
   * @return the slices, highest value first
   * @throws IllegalArgumentException if minSupport is negative or value is NaN
   */
  public List<Slice> slicesWorseThan(int minSupport, double value) {
    Require.nonNegative(minSupport, "minSupport");
    Require.argument(!Double.isNaN(value), "value", "a number", value);
    return examined.stream()
        .filter(s -> s.rows() >= minSupport && s.value() > value)
        .sorted(Comparator.comparingDouble((Slice s) -> -s.value()).thenComparing(Slice::name))
        .toList();
  }

  /**
   * @return the report as JSON (format {@value #FORMAT})
   */
  public String toJson() {
    return ReportJson.write(this);
  }

  /**
   * @return the report as a self-contained HTML page (the report toolkit's; every text escaped)
   */
  public String toHtml() {
    return ReportHtml.render(this);
  }

  /**
   * @return the report as one section of a page with other content
   */
  @Override
  public Section toSection() {
    return ReportHtml.section(this);
  }

  /**
   * Writes the HTML page when the file name ends in {@code .html} (any case), else the JSON,
   * atomically.
   *
   * @param file where to write
   * @throws NullPointerException if file is null
   * @throws org.mlops4j.api.MlopsException if the file cannot be written
   */
  public void save(Path file) {
    AtomicFiles.saveJsonOrHtml(file, this::toJson, this::toHtml, AtomicFiles.Durability.ATOMIC);
  }

  /**
   * Logs the metrics named in the class description and the artifacts {@code slices/report.json}
   * and {@code slices/report.html}.
   *
   * @param run the run
   * @return this report
   * @throws NullPointerException if run is null
   */
  public SliceReport logTo(Run run) {
    Require.nonNull(run, "run");
    run.logMetric(MetricKeys.key("slices", "overall", measure.key()), overall);
    run.logMetric(MetricKeys.key("slices", "dataset", "examined"), examined.size());
    run.logMetric(MetricKeys.key("slices", "dataset", "significant"), significant.size());
    for (Slice s : significant.subList(0, Math.min(SHOWN, significant.size()))) {
      run.logMetric(MetricKeys.key("slices", s.name(), measure.key()), s.value());
      run.logMetric(MetricKeys.key("slices", s.name(), "rows"), s.rows());
      if (Double.isFinite(s.effectSize())) {
        run.logMetric(MetricKeys.key("slices", s.name(), "effect_size"), s.effectSize());
      }
      run.logMetric(MetricKeys.key("slices", s.name(), "p_adjusted"), s.pAdjusted());
    }
    run.logText("slices/report.json", toJson());
    run.logText("slices/report.html", toHtml());
    return this;
  }

  /**
   * @return a table of the significant slices (up to 20), then the notes
   */
  @Override
  public String toString() {
    String nl = System.lineSeparator();
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "SliceReport (%s, %d rows, overall %.4f [%.4f, %.4f])%n",
            measure.label(),
            rows,
            overall,
            overallInterval.lower(),
            overallInterval.upper()));
    List<String> depths = new ArrayList<>();
    for (int d = 0; d < examinedByDepth.size(); d++) {
      depths.add("depth " + (d + 1) + ": " + examinedByDepth.get(d));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%d slices examined (%s); %s; Benjamini-Hochberg at %s, min support %d, min effect"
                + " size %s%n",
            examined.size(),
            String.join(", ", depths),
            measure.test(),
            num(settings.alpha()),
            settings.minSupport(),
            num(settings.minEffectSize())));
    sb.append(significant.size()).append(" significant").append(significant.isEmpty() ? "" : ":");
    sb.append(nl);
    if (!significant.isEmpty()) {
      String head = measure == SliceMeasure.ERROR_RATE ? "error" : "loss";
      String ci = num(100 * settings.level()) + "% interval";
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-36s %8s %8s %-18s %8s %8s %7s %9s%n",
              "slice",
              "rows",
              head,
              ci,
              "rest",
              "diff",
              "effect",
              "p_adj"));
      for (Slice s : significant.subList(0, Math.min(SHOWN, significant.size()))) {
        String name = s.name().length() > 36 ? s.name().substring(0, 33) + "..." : s.name();
        sb.append(
            String.format(
                Locale.ROOT,
                "  %-36s %8d %8.4f %-18s %8.4f %+8.4f %7.3f %9.2e%n",
                name,
                s.rows(),
                s.value(),
                String.format(
                    Locale.ROOT, "[%.4f, %.4f]", s.interval().lower(), s.interval().upper()),
                s.restValue(),
                s.difference(),
                s.effectSize(),
                s.pAdjusted()));
      }
      if (significant.size() > SHOWN) {
        sb.append("  ... and ").append(significant.size() - SHOWN).append(" more").append(nl);
      }
    }
    for (String note : notes) {
      sb.append("note: ").append(note).append(nl);
    }
    return sb.toString();
  }

  private static String num(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
  }
}
