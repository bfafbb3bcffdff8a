package org.mlops4j.drift;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.internal.BaselineJson;
import org.mlops4j.drift.internal.CategoricalReference;
import org.mlops4j.drift.internal.FeatureEvaluation;
import org.mlops4j.drift.internal.FeatureEvaluator;
import org.mlops4j.drift.internal.FeatureReference;
import org.mlops4j.drift.internal.NumericReference;
import org.mlops4j.drift.internal.Sorting;
import org.mlops4j.drift.internal.Stats;
import org.mlops4j.drift.internal.SummaryEvaluator;
import org.mlops4j.drift.internal.UntestableReference;

/**
 * A reference dataset fitted once by {@link DriftDetector#fit(Columns)}: per numeric feature the
 * PSI bin edges and counts, the standard deviation, and the sorted finite sample (or, above {@link
 * DriftDetector#sketchAbove()} values, a mergeable KLL quantile sketch, Karnin, Lang &amp; Liberty
 * 2016); per categorical feature the vocabulary and counts; missing and infinite counts; the chosen
 * {@link DriftMethod}. Its verb {@link #compare(Columns)} needs neither the raw training data nor a
 * re-sort of it, and returns the same {@link DriftReport} as {@link DriftDetector#compare(Columns,
 * Columns)}.
 *
 * <pre>{@code
 * DriftBaseline baseline = DriftDetector.defaults().fit(reference);   // Columns
 * FeatureDrift age = baseline.compareNumeric("age", window);         // one feature
 * DriftReport report = baseline.compare(currentColumns);             // all features
 * baseline.save(Path.of("baseline.json"));
 * DriftBaseline again = DriftBaseline.load(Path.of("baseline.json"));
 * }</pre>
 *
 * <p>By size: KS p-values are exact while both samples have at most 10,000 values, else asymptotic
 * ({@link KolmogorovSmirnov.Method#AUTO}); numeric references above {@link
 * DriftDetector#sketchAbove()} values are sketched. With large samples a p-value flags even tiny
 * shifts, hence the effect-size gate of {@link FeatureDrift}. KS against a sketched reference
 * computes D from the sketch's ranks (rank error about 1.3% at k = 200) and uses the asymptotic
 * p-value; Wasserstein against a sketch is evaluated on a grid of 1,000 quantiles. Instances are
 * immutable and safe to share between threads.
 *
 * <p>JSON ({@link #toJson()}, {@link #save(Path)}, written atomically and forced to the device):
 * the header of every mlops4j document ({@code format} {@code "mlops4j.drift-baseline"}, {@code
 * formatVersion} 2, {@code library}, {@code libraryVersion}, {@code createdAt}: when the baseline
 * was fitted), {@code java}, {@code detector} (every setting of the {@link DriftDetector}, {@code
 * methods} by column), {@code features}: every feature holds {@code name}, {@code type} ({@code
 * "numeric"} or {@code "categorical"}), {@code kind} (the {@link ColumnKind#key()}), {@code
 * kindReason}, {@code method} (its key), {@code rows}, {@code missing}; a numeric one (kind {@code
 * numeric}, {@code binary} or {@code time}: instants as seconds since 1970-01-01T00:00Z) also
 * {@code count}, {@code infinite}, {@code mean}, {@code std}, {@code binary}, {@code ones}, {@code
 * edges} (the interior PSI edges: distinct, strictly inside the reference's range), {@code counts}
 * (per bin {@code [e[k-1], e[k])}, as {@code numpy.histogram}) and either {@code sorted} or {@code
 * kll} (base64 of the DataSketches KLL doubles sketch serialization); a categorical one {@code
 * categories} (the kept ones), {@code counts}, {@code other} (the count of the others, 0 unless
 * capped at {@link DriftDetector#maxCategories()}), {@code distinct}; one of kind {@code empty},
 * {@code identifier} or {@code excluded} {@code infinite} and {@code note} (why it is not tested)
 * and no values (a column the caller left out has {@code rows} 0). The kinds {@code time} and
 * {@code excluded} came with 0.1.0's time columns and left-out columns, in formatVersion 2: a
 * document without them reads as before. A discrete numeric column (at most {@link
 * FeatureDrift#MAX_DISCRETE_VALUES} whole-number values, each seen twice on average) has one PSI
 * bin per value, so its edges are its values but the smallest; a formatVersion 1 document's are
 * fitted so too. {@link #fromJson(String)} and {@link #load(Path)} refuse another format and a
 * newer formatVersion. They read formatVersion 1 (before issues 10 and 12: edges with repeats,
 * values on an edge counted in the bin below it): a numeric feature's edges and counts are fitted
 * again from its sorted sample, or for a sketched one reduced to the distinct interior edges with
 * counts from the sketch's ranks (exact while the sketch holds every value, else within its rank
 * error); the kind and its reason are derived from the stored fields.
 *
 * @since 0.1.0
 */
public final class DriftBaseline {

  private final DriftDetector detector;
  private final Map<String, FeatureReference> features;
  private final Instant createdAt;

  DriftBaseline(DriftDetector detector, Map<String, FeatureReference> features) {
    this(detector, features, Instant.now());
  }

  private DriftBaseline(
      DriftDetector detector, Map<String, FeatureReference> features, Instant createdAt) {
    this.detector = detector;
    this.features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
    this.createdAt = createdAt;
  }

  /**
   * @return the detector the baseline was fitted with and compares with
   */
  public DriftDetector detector() {
    return detector;
  }

  /**
   * A copy that compares with other decision settings (alpha, correction, gates, dataset share,
   * missing policy, KS method); the fitted bins and methods stay those of this baseline.
   *
   * @param newDetector the detector to compare with
   * @return the copy
   * @throws NullPointerException if newDetector is null
   */
  public DriftBaseline withDetector(DriftDetector newDetector) {
    return new DriftBaseline(Require.nonNull(newDetector, "detector"), features, createdAt);
  }

  /**
   * @return the feature names in reference order
   */
  public List<String> features() {
    return List.copyOf(features.keySet());
  }

  /**
   * @param feature a feature's name
   * @return the feature's type
   * @throws IllegalArgumentException if the feature is unknown
   */
  public ColumnType type(String feature) {
    return reference(feature).type();
  }

  /**
   * @param feature a feature's name
   * @return the method that decides the feature's drift
   * @throws IllegalArgumentException if the feature is unknown
   */
  public DriftMethod method(String feature) {
    return reference(feature).method();
  }

  /**
   * @param feature a feature's name
   * @return what the fit took the column for
   * @throws IllegalArgumentException if the feature is unknown
   */
  public ColumnKind kind(String feature) {
    return reference(feature).kind();
  }

  /**
   * @param feature a feature's name
   * @return why the fit took the column for its kind
   * @throws IllegalArgumentException if the feature is unknown
   */
  public String kindReason(String feature) {
    return reference(feature).kindReason();
  }

  /**
   * @param feature a numeric feature's name
   * @return whether the feature is stored as a KLL sketch rather than a sorted sample (false for a
   *     feature without a value in the reference)
   * @throws IllegalArgumentException if the feature is unknown or categorical
   */
  public boolean isSketched(String feature) {
    FeatureReference r = reference(feature);
    if (r instanceof UntestableReference u && u.type() == ColumnType.NUMERIC) {
      return false;
    }
    return numeric(feature).isSketched();
  }

  /**
   * Compares a window of current values of one numeric feature with the reference. The p-value is
   * not corrected for multiple testing (adjusted = raw). A feature that is not testable (no value
   * in the reference) gives a result that says so, with its missing rate.
   *
   * @param feature the feature's name
   * @param current the window's values (NaN missing, infinities counted apart)
   * @return the feature's result
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the feature is unknown or categorical, the window has no
   *     finite value, or the missing policy is FAIL and a value is missing or infinite
   */
  public FeatureDrift compareNumeric(String feature, double[] current) {
    Require.nonNull(current, "current");
    FeatureReference r = reference(feature);
    if (r instanceof UntestableReference u && u.type() == ColumnType.NUMERIC) {
      return FeatureEvaluator.decide(
          FeatureEvaluator.untestable(u, current, detector), null, detector);
    }
    return FeatureEvaluator.decide(
        FeatureEvaluator.numeric(numeric(feature), current, detector, false), null, detector);
  }

  /**
   * Compares a window of current labels of one categorical feature ({@code null} = missing). A
   * feature that is not testable (no value in the reference, identifier-like) gives a result that
   * says so, with its missing rate.
   *
   * @param feature the feature's name
   * @param current the window's labels
   * @return the feature's result
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the feature is unknown or numeric, the window has no value,
   *     or the missing policy is FAIL and a value is missing
   */
  public FeatureDrift compareCategorical(String feature, @Nullable String[] current) {
    Require.nonNull(current, "current");
    FeatureReference r = reference(feature);
    if (r instanceof UntestableReference u && u.type() == ColumnType.CATEGORICAL) {
      return FeatureEvaluator.decide(
          FeatureEvaluator.untestable(u, current, detector), null, detector);
    }
    return FeatureEvaluator.decide(
        FeatureEvaluator.categorical(categorical(feature), current, detector, false),
        null,
        detector);
  }

  /**
   * Compares every feature of a current table with the reference, corrects the p-values for
   * multiple testing and gives the dataset verdict. A column that cannot be tested (no value in the
   * reference or in the current, identifier-like, too few values for its method) is reported as not
   * tested with a note, and the others are compared.
   *
   * @param current a table with the baseline's columns and types
   * @return the report
   * @throws NullPointerException if current is null
   * @throws IllegalArgumentException on a schema mismatch (missing column, extra column, other
   *     type), naming the columns; or a missing value under {@link MissingPolicy#FAIL}
   */
  public DriftReport compare(Columns current) {
    Require.nonNull(current, "current");
    List<String> problems = new ArrayList<>();
    for (FeatureReference r : features.values()) {
      String name = r.name();
      if (!current.has(name)) {
        problems.add("missing column '" + name + "'");
      } else if (current.untestedKind(name) != null || r.rows() == 0 && !r.kind().testable()) {
        continue; // left out on one side: not tested, whatever the other side gave
      } else if (current.type(name) != r.type()) {
        problems.add(otherType(name, current.type(name), r.type()));
      } else if (r.kind() == ColumnKind.TIME && !current.isTime(name)) {
        problems.add("column '" + name + "' is numeric but was time in the reference");
      } else if (r instanceof NumericReference n && !n.time() && current.isTime(name)) {
        problems.add("column '" + name + "' is time but was numeric in the reference");
      }
    }
    requireSchema(problems, current.names());
    List<FeatureEvaluation> evaluations = new ArrayList<>();
    for (FeatureReference r : features.values()) {
      ColumnKind leftOut = current.untestedKind(r.name());
      if (leftOut != null) {
        evaluations.add(
            FeatureEvaluator.leftOut(
                r, leftOut, current.untestedReason(r.name()).orElse(""), detector));
      } else if (r instanceof UntestableReference u && u.rows() == 0 && !u.kind().testable()) {
        Object values =
            current.isTime(r.name()) || current.type(r.name()) == ColumnType.NUMERIC
                ? current.numericView(r.name())
                : current.categoricalView(r.name());
        evaluations.add(FeatureEvaluator.untestable(u, values, detector));
      } else if (r instanceof NumericReference n) {
        evaluations.add(FeatureEvaluator.numeric(n, current.numericView(r.name()), detector, true));
      } else if (r instanceof CategoricalReference c) {
        evaluations.add(
            FeatureEvaluator.categorical(c, current.categoricalView(r.name()), detector, true));
      } else {
        UntestableReference u = (UntestableReference) r;
        Object values =
            u.type() == ColumnType.NUMERIC
                ? current.numericView(r.name())
                : current.categoricalView(r.name());
        evaluations.add(FeatureEvaluator.untestable(u, values, detector));
      }
    }
    return FeatureEvaluator.report(evaluations, detector);
  }

  /**
   * Compares a current table given as a distributed engine merges it ({@link ColumnSummaries}) with
   * the reference, as {@link #compare(Columns)} does: a numeric column of values and a categorical
   * column of counts give exactly the numbers of the same rows; a {@link NumericSummary} gives KS
   * from the sketches (within the bound written as the metric {@code ks_error_bound} and in the
   * note), PSI from its exact bin counts when they are over this baseline's edges ({@link
   * #histogram(String)}), else from its sketch's ranks, and Wasserstein on 1,000 quantiles.
   *
   * @param current a table with the baseline's columns and types
   * @return the report
   * @throws NullPointerException if current is null
   * @throws IllegalArgumentException on a schema mismatch (missing column, extra column, other
   *     type), naming the columns; or a missing value under {@link MissingPolicy#FAIL}
   * @since 0.1.0
   */
  public DriftReport compare(ColumnSummaries current) {
    Require.nonNull(current, "current");
    List<String> problems = new ArrayList<>();
    for (FeatureReference r : features.values()) {
      String name = r.name();
      if (!current.has(name)) {
        problems.add("missing column '" + name + "'");
      } else if (r.rows() == 0 && !r.kind().testable()) {
        continue; // left out in the reference: not tested, whatever the current gave
      } else if (current.type(name) != r.type()) {
        problems.add(otherType(name, current.type(name), r.type()));
      } else if (r.kind() == ColumnKind.TIME) {
        problems.add("column '" + name + "' is numeric but was time in the reference");
      }
    }
    requireSchema(problems, current.names());
    List<FeatureEvaluation> evaluations = new ArrayList<>();
    for (FeatureReference r : features.values()) {
      Object column = current.column(r.name());
      if (r instanceof UntestableReference u) {
        evaluations.add(untestable(u, column));
      } else if (r instanceof NumericReference n) {
        if (column instanceof double[] values) {
          evaluations.add(FeatureEvaluator.numeric(n, values, detector, true));
        } else {
          NumericSummary s = (NumericSummary) column;
          evaluations.add(
              SummaryEvaluator.numeric(
                  n,
                  s.sketch(),
                  s.missing(),
                  s.infinite(),
                  s.zeros(),
                  s.ones(),
                  s.edgesView(),
                  s.binsView(),
                  detector));
        }
      } else {
        ColumnSummaries.Labels l = (ColumnSummaries.Labels) column;
        evaluations.add(
            FeatureEvaluator.categorical(
                (CategoricalReference) r, l.counts(), l.missing(), detector, true));
      }
    }
    return FeatureEvaluator.report(evaluations, detector);
  }

  private FeatureEvaluation untestable(UntestableReference u, Object column) {
    if (column instanceof double[] values) {
      return FeatureEvaluator.untestable(u, values, detector);
    }
    if (column instanceof NumericSummary s) {
      return FeatureEvaluator.untestable(u, s.rows(), s.missing(), s.infinite(), detector);
    }
    ColumnSummaries.Labels l = (ColumnSummaries.Labels) column;
    long rows = l.missing();
    for (long c : l.counts().values()) {
      rows += c;
    }
    return FeatureEvaluator.untestable(u, rows, l.missing(), 0, detector);
  }

  /**
   * Two-sample KS test of a window of a numeric feature against the reference (sample 1 =
   * reference, sample 2 = window), method from the detector; NaN and infinite values of the window
   * are left out. Against a sketched reference, D comes from the sketch's ranks and the p-value is
   * asymptotic.
   *
   * @param feature the feature's name
   * @param current the window's values
   * @return the test's result
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the feature is unknown or categorical, or the window has no
   *     finite value
   */
  public KolmogorovSmirnovResult ks(String feature, double[] current) {
    Require.nonNull(current, "current");
    NumericReference r = numeric(feature);
    double[] f = new double[current.length];
    int m = 0;
    for (double v : current) {
      if (Double.isFinite(v)) {
        f[m++] = v;
      }
    }
    Require.argument(m > 0, "current", "a window with a finite value", "without one");
    f = Arrays.copyOf(f, m);
    Sorting.sort(f);
    return FeatureEvaluator.ks(r, f, detector.ksMethod());
  }

  /**
   * Empty mergeable counts over a numeric feature's fitted bin edges, to accumulate a window.
   *
   * @param feature the feature's name
   * @return empty counts
   * @throws IllegalArgumentException if the feature is unknown or categorical
   */
  public HistogramCounts histogram(String feature) {
    return HistogramCounts.over(numeric(feature).edges());
  }

  /**
   * PSI of accumulated counts against a numeric feature's reference bins (epsilon from the
   * detector). Missing and infinite values of the window are not part of PSI.
   *
   * @param feature the feature's name
   * @param window counts from {@link #histogram(String)}
   * @return the PSI
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the feature is unknown or categorical, the edges differ, or
   *     the window has no finite value
   */
  public double psi(String feature, HistogramCounts window) {
    Require.nonNull(window, "window");
    NumericReference r = numeric(feature);
    Require.argument(
        Arrays.equals(r.edges(), window.edges()),
        "the window's edges",
        "those of feature '" + feature + "' " + Arrays.toString(r.edges()),
        Arrays.toString(window.edges()));
    Require.argument(window.total() > 0, "window", "counts of a finite value", "empty");
    return Stats.psi(r.counts(), window.countsView(), detector.epsilon());
  }

  /**
   * PSI of a window of a numeric feature against its reference bins; NaN and infinite values are
   * left out (use {@link #compareNumeric} for the full verdict with their counts).
   *
   * @param feature the feature's name
   * @param current the window's values
   * @return the PSI
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the feature is unknown or categorical, or the window has no
   *     finite value
   */
  public double psi(String feature, double[] current) {
    Require.nonNull(current, "current");
    NumericReference r = numeric(feature);
    long[] c = Stats.binCounts(r.edges(), current, 0, current.length);
    long total = 0;
    for (long x : c) {
      total += x;
    }
    // NaN compares false with every edge and lands in bin 0; infinities land in the outer bins
    long bad = 0;
    long badLow = 0;
    for (double x : current) {
      if (!Double.isFinite(x)) {
        bad++;
        if (Double.isNaN(x) || x < 0) {
          badLow++;
        }
      }
    }
    c[0] -= badLow;
    c[c.length - 1] -= bad - badLow;
    Require.argument(total - bad > 0, "current", "a window with a finite value", "without one");
    return Stats.psi(r.counts(), c, detector.epsilon());
  }

  /**
   * PSI of accumulated category counts against a categorical feature's reference (unseen categories
   * in one bucket; for a capped reference, every category outside the kept ones in the bucket of
   * the reference's others); missing labels are not part of PSI.
   *
   * @param feature the feature's name
   * @param window the window's counts
   * @return the PSI
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the feature is unknown or numeric, or the window is empty
   */
  public double psi(String feature, CategoryCounts window) {
    Require.nonNull(window, "window");
    CategoricalReference r = categorical(feature);
    int k = r.vocabulary().size();
    long[] cc = new long[k + 1];
    long total = 0;
    for (Map.Entry<String, Long> e : window.counts().entrySet()) {
      Integer i = r.indexOf(e.getKey());
      cc[i == null ? k : i] += e.getValue();
      total += e.getValue();
    }
    Require.argument(total > 0, "window", "counts of a label", "empty");
    return Stats.psi(r.countsWithLastBucket(), cc, detector.epsilon());
  }

  /**
   * @return the baseline as JSON, in the format described above
   */
  public String toJson() {
    return BaselineJson.write(detector, features.values(), createdAt);
  }

  /**
   * Reads a baseline from JSON.
   *
   * @param json the text written by {@link #toJson()}
   * @return the baseline
   * @throws NullPointerException if json is null
   * @throws org.mlops4j.api.MlopsException if the text is not a baseline of a format version this
   *     library reads
   */
  public static DriftBaseline fromJson(String json) {
    return read(Require.nonNull(json, "json"), "JSON");
  }

  /**
   * Writes the JSON to a file atomically (temporary file in the same folder, then an atomic rename)
   * and durably (file and folder forced to the device); parent folders are created.
   *
   * @param file the target file
   * @throws NullPointerException if file is null
   * @throws org.mlops4j.api.MlopsException if the file cannot be written
   */
  public void save(Path file) {
    Require.nonNull(file, "file");
    AtomicFiles.save(file, toJson(), AtomicFiles.Durability.DURABLE);
  }

  /**
   * Loads a baseline saved by {@link #save(Path)}.
   *
   * @param file the file
   * @return the baseline
   * @throws NullPointerException if file is null
   * @throws org.mlops4j.api.MlopsException if the file cannot be read or is not a baseline of a
   *     format version this library reads
   */
  public static DriftBaseline load(Path file) {
    Require.nonNull(file, "file");
    return read(AtomicFiles.read(file), file.toString());
  }

  private static DriftBaseline read(String json, String source) {
    BaselineJson.Contents c = BaselineJson.read(json, source);
    Map<String, FeatureReference> f = new LinkedHashMap<>();
    for (FeatureReference r : c.features()) {
      f.put(r.name(), r);
    }
    return new DriftBaseline(c.detector(), f, c.createdAt());
  }

  /** The problem of a column whose type is not the reference's. */
  private static String otherType(String name, ColumnType current, ColumnType reference) {
    return "column '"
        + name
        + "' is "
        + current.name().toLowerCase(Locale.ROOT)
        + " but was "
        + reference.name().toLowerCase(Locale.ROOT)
        + " in the reference";
  }

  /**
   * Refuses a current table with schema problems (found by the caller) or columns the baseline does
   * not have, naming them all.
   */
  private void requireSchema(List<String> problems, List<String> currentNames) {
    for (String name : currentNames) {
      if (!features.containsKey(name)) {
        problems.add("unexpected column '" + name + "'");
      }
    }
    Require.argument(
        problems.isEmpty(),
        "current",
        "a table of the baseline's columns and types",
        String.join("; ", problems));
  }

  private FeatureReference reference(String feature) {
    FeatureReference r = features.get(feature);
    if (r == null) {
      throw new IllegalArgumentException(
          Require.mustBe("feature", "one of " + features.keySet(), "'" + feature + "'"));
    }
    return r;
  }

  private NumericReference numeric(String feature) {
    FeatureReference r = reference(feature);
    Require.argument(
        r.type() == ColumnType.NUMERIC, "feature '" + feature + "'", "numeric", "categorical");
    Require.argument(
        r instanceof NumericReference,
        "feature '" + feature + "'",
        "a tested numeric feature",
        r.kindReason());
    return (NumericReference) r;
  }

  private CategoricalReference categorical(String feature) {
    FeatureReference r = reference(feature);
    Require.argument(
        r.type() == ColumnType.CATEGORICAL, "feature '" + feature + "'", "categorical", "numeric");
    Require.argument(
        r instanceof CategoricalReference,
        "feature '" + feature + "'",
        "a tested categorical feature",
        r.kindReason());
    return (CategoricalReference) r;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("DriftBaseline[");
    boolean first = true;
    for (FeatureReference r : features.values()) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      sb.append(r);
    }
    return sb.append(']').toString();
  }
}
