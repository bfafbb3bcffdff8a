package org.mlops4j.drift;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A reference dataset fitted once for drift checks: per numeric feature the PSI bin edges and
 * counts, the standard deviation, and the sorted finite sample (or, above {@link
 * DriftConfig#sketchAbove()} values, a mergeable KLL quantile sketch, Karnin, Lang &amp; Liberty
 * 2016); per categorical feature the vocabulary and counts; missing and infinite counts; the
 * chosen {@link DriftTest}. Production checks need neither the raw training data nor a re-sort of
 * it. Saved and loaded as JSON ({@link #save(Path)}, {@link #load(Path)}; format {@code
 * mlops4j-drift-baseline} version 1, written atomically).
 *
 * <pre>{@code
 * DriftBaseline baseline = DriftBaseline.fit(reference);            // Columns
 * FeatureDrift age = baseline.checkNumeric("age", window);          // one feature
 * DriftReport report = baseline.check(currentColumns);              // all features
 * baseline.save(Path.of("baseline.json"));
 * }</pre>
 *
 * <p>Automatic test per feature: numeric with only 0/1 values in the reference: {@link
 * DriftTest#Z_PROPORTION}; other numeric: {@link DriftTest#KS}; categorical: {@link
 * DriftTest#CHI_SQUARE}; override with {@link DriftConfig.Builder#test(String, DriftTest)}. By
 * size: KS p-values are exact while both samples have at most 10,000 values, else asymptotic
 * ({@link KolmogorovSmirnov.Method#AUTO}); numeric references above {@link
 * DriftConfig#sketchAbove()} values are sketched. With large samples a p-value flags even tiny
 * shifts, hence the effect-size gate of {@link FeatureDrift}.
 * KS against a sketched reference computes D from the sketch's ranks (rank error about 1.3% at
 * k = 200) and uses the asymptotic p-value; Wasserstein against a sketch is evaluated on a grid of
 * 1,000 quantiles. Instances are immutable and safe to share between threads.
 *
 * @since 0.1.0
 */
public final class DriftBaseline {

  private final DriftConfig config;
  private final Map<String, Object> features;

  DriftBaseline(DriftConfig config, Map<String, Object> features) {
    this.config = config;
    this.features = Collections.unmodifiableMap(features);
  }

  /**
   * Fits a baseline with the default configuration.
   *
   * @throws IllegalArgumentException if the table has no columns, or a column has no usable value
   */
  public static DriftBaseline fit(Columns reference) {
    return fit(reference, DriftConfig.defaults());
  }

  /**
   * Fits a baseline.
   *
   * @throws IllegalArgumentException if the table has no columns, a column has no usable value, a
   *     test override names an unknown column or does not apply to its column's type
   */
  public static DriftBaseline fit(Columns reference, DriftConfig config) {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(config, "config");
    if (reference.names().isEmpty()) {
      throw new IllegalArgumentException("reference has no columns");
    }
    for (String c : config.tests().keySet()) {
      if (!reference.has(c)) {
        throw new IllegalArgumentException(
            "unknown column '" + c + "' in test overrides; columns: " + reference.names());
      }
    }
    Map<String, Object> f = new LinkedHashMap<>();
    for (String name : reference.names()) {
      if (reference.type(name) == ColumnType.NUMERIC) {
        f.put(name, NumericRef.fit(name, reference.numericView(name), config));
      } else {
        f.put(name, CategoricalRef.fit(name, reference.categoricalView(name), config));
      }
    }
    return new DriftBaseline(config, f);
  }

  /** @return the configuration the baseline was fitted and checks with */
  public DriftConfig config() {
    return config;
  }

  /**
   * A copy that checks with other decision settings (alpha, correction, gates, dataset share,
   * missing policy, KS method); the fitted bins stay those of this baseline.
   */
  public DriftBaseline withConfig(DriftConfig newConfig) {
    return new DriftBaseline(Objects.requireNonNull(newConfig, "config"), new LinkedHashMap<>(features));
  }

  /** @return the feature names in reference order */
  public List<String> features() {
    return List.copyOf(features.keySet());
  }

  /**
   * @return a feature's type
   * @throws IllegalArgumentException if the feature is unknown
   */
  public ColumnType type(String feature) {
    return ref(feature) instanceof NumericRef ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
  }

  /**
   * @return the deciding test of a feature
   * @throws IllegalArgumentException if the feature is unknown
   */
  public DriftTest test(String feature) {
    Object r = ref(feature);
    return r instanceof NumericRef ? ((NumericRef) r).test : ((CategoricalRef) r).test;
  }

  /**
   * @return whether a numeric feature is stored as a KLL sketch rather than a sorted sample
   * @throws IllegalArgumentException if the feature is unknown or categorical
   */
  public boolean isSketched(String feature) {
    return numeric(feature).sketch != null;
  }

  /**
   * Checks a window of current values of one numeric feature against the reference. The p-value
   * is not corrected for multiple testing (adjusted = raw).
   *
   * @throws IllegalArgumentException if the feature is unknown or categorical, the window has no
   *     finite value, or the missing policy is FAIL and a value is missing or infinite
   */
  public FeatureDrift checkNumeric(String feature, double[] current) {
    Objects.requireNonNull(current, "current");
    return Checker.decide(Checker.numeric(numeric(feature), current, config), null, config);
  }

  /**
   * Checks a window of current labels of one categorical feature ({@code null} = missing).
   *
   * @throws IllegalArgumentException if the feature is unknown or numeric, the window has no
   *     value, or the missing policy is FAIL and a value is missing
   */
  public FeatureDrift checkCategorical(String feature, String[] current) {
    Objects.requireNonNull(current, "current");
    return Checker.decide(Checker.categorical(categorical(feature), current, config), null, config);
  }

  /**
   * Checks every feature of a current table, corrects the p-values for multiple testing and
   * gives the dataset verdict.
   *
   * @throws IllegalArgumentException on a schema mismatch (missing column, extra column, other
   *     type), naming the columns
   */
  public DriftReport check(Columns current) {
    Objects.requireNonNull(current, "current");
    List<String> problems = new ArrayList<>();
    for (String name : features.keySet()) {
      if (!current.has(name)) {
        problems.add("missing column '" + name + "'");
      } else if (current.type(name) != type(name)) {
        problems.add("column '" + name + "' is " + current.type(name).name().toLowerCase(java.util.Locale.ROOT)
            + " but was " + type(name).name().toLowerCase(java.util.Locale.ROOT) + " in the reference");
      }
    }
    for (String name : current.names()) {
      if (!features.containsKey(name)) {
        problems.add("unexpected column '" + name + "'");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("schema mismatch: " + String.join("; ", problems));
    }
    List<Checker.Raw> raws = new ArrayList<>();
    for (Map.Entry<String, Object> e : features.entrySet()) {
      if (e.getValue() instanceof NumericRef) {
        raws.add(Checker.numeric((NumericRef) e.getValue(), current.numericView(e.getKey()), config));
      } else {
        raws.add(Checker.categorical((CategoricalRef) e.getValue(),
            current.categoricalView(e.getKey()), config));
      }
    }
    return Checker.report(raws, config);
  }

  /**
   * Two-sample KS test of a window of a numeric feature against the reference (sample 1 =
   * reference, sample 2 = window), method from the config; NaN and infinite values of the window
   * are left out. Against a sketched reference, D comes from the sketch's ranks and the p-value is
   * asymptotic.
   *
   * @throws IllegalArgumentException if the feature is unknown or categorical, or the window has
   *     no finite value
   */
  public KsResult ks(String feature, double[] current) {
    NumericRef r = numeric(feature);
    double[] f = new double[current.length];
    int m = 0;
    for (double v : current) {
      if (Double.isFinite(v)) {
        f[m++] = v;
      }
    }
    if (m == 0) {
      throw new IllegalArgumentException("column '" + feature + "': current has no finite values");
    }
    f = java.util.Arrays.copyOf(f, m);
    org.mlops4j.drift.internal.Sorting.sort(f);
    if (r.sorted != null) {
      return KolmogorovSmirnov.testSorted(r.sorted, f, KolmogorovSmirnov.Alternative.TWO_SIDED,
          config.ksMethod(), r.ties);
    }
    double d = Checker.sketchKs(r.sketch, f);
    double p = org.mlops4j.drift.internal.KsDistribution.asymptoticSf(r.count, m, d,
        org.mlops4j.drift.internal.KsDistribution.TWO_SIDED);
    return new KsResult(d, p, KolmogorovSmirnov.Alternative.TWO_SIDED,
        KolmogorovSmirnov.Method.ASYMPTOTIC, r.count, m, false);
  }

  /**
   * Empty mergeable counts over a numeric feature's fitted bin edges, to accumulate a window.
   *
   * @throws IllegalArgumentException if the feature is unknown or categorical
   */
  public HistogramCounts histogram(String feature) {
    return HistogramCounts.over(numeric(feature).edges);
  }

  /**
   * PSI of accumulated counts against a numeric feature's reference bins (epsilon from the
   * config). Missing and infinite values of the window are not part of PSI.
   *
   * @throws IllegalArgumentException if the feature is unknown or categorical, the edges differ,
   *     or the window has no finite value
   */
  public double psi(String feature, HistogramCounts window) {
    NumericRef r = numeric(feature);
    if (!java.util.Arrays.equals(r.edges, window.edges())) {
      throw new IllegalArgumentException(
          "column '" + feature + "': histogram edges differ from the baseline's");
    }
    if (window.total() == 0) {
      throw new IllegalArgumentException("column '" + feature + "': window has no finite values");
    }
    return org.mlops4j.drift.internal.Stats.psi(r.counts, window.countsView(), config.epsilon());
  }

  /**
   * PSI of a window of a numeric feature against its reference bins; NaN and infinite values are
   * left out (use {@link #checkNumeric} for the full verdict with their counts).
   *
   * @throws IllegalArgumentException if the feature is unknown or categorical, or the window has
   *     no finite value
   */
  public double psi(String feature, double[] current) {
    NumericRef r = numeric(feature);
    long[] c = org.mlops4j.drift.internal.Stats.binCounts(r.edges, current, 0, current.length);
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
    if (total - bad == 0) {
      throw new IllegalArgumentException("column '" + feature + "': current has no finite values");
    }
    return org.mlops4j.drift.internal.Stats.psi(r.counts, c, config.epsilon());
  }

  /**
   * PSI of accumulated category counts against a categorical feature's reference (unseen
   * categories in one bucket); missing labels are not part of PSI.
   *
   * @throws IllegalArgumentException if the feature is unknown or numeric, or the window is empty
   */
  public double psi(String feature, CategoryCounts window) {
    CategoricalRef r = categorical(feature);
    int k = r.vocabulary.size();
    long[] cc = new long[k + 1];
    long total = 0;
    for (Map.Entry<String, Long> e : window.counts().entrySet()) {
      Integer i = r.index.get(e.getKey());
      cc[i == null ? k : i] += e.getValue();
      total += e.getValue();
    }
    if (total == 0) {
      throw new IllegalArgumentException("column '" + feature + "': window has no values");
    }
    return org.mlops4j.drift.internal.Stats.psi(java.util.Arrays.copyOf(r.counts, k + 1), cc,
        config.epsilon());
  }

  /** @return the baseline as JSON (format {@code mlops4j-drift-baseline}, version 1) */
  public String toJson() {
    return BaselineJson.write(this);
  }

  /**
   * Reads a baseline from JSON.
   *
   * @throws org.mlops4j.api.MlopsException if the text is not a version-1 baseline
   */
  public static DriftBaseline fromJson(String json) {
    return BaselineJson.read(json);
  }

  /**
   * Writes the JSON to a file atomically (temp file in the same directory, then ATOMIC_MOVE).
   *
   * @throws org.mlops4j.api.MlopsException if the file cannot be written
   */
  public void save(Path file) {
    BaselineJson.writeAtomically(file, toJson());
  }

  /**
   * Loads a baseline saved by {@link #save(Path)}.
   *
   * @throws org.mlops4j.api.MlopsException if the file cannot be read or is not a baseline
   */
  public static DriftBaseline load(Path file) {
    return fromJson(BaselineJson.readFile(file));
  }

  Map<String, Object> refs() {
    return features;
  }

  private Object ref(String feature) {
    Object r = features.get(feature);
    if (r == null) {
      throw new IllegalArgumentException(
          "unknown column '" + feature + "'; baseline columns: " + features.keySet());
    }
    return r;
  }

  private NumericRef numeric(String feature) {
    Object r = ref(feature);
    if (!(r instanceof NumericRef)) {
      throw new IllegalArgumentException("column '" + feature + "' is categorical, not numeric");
    }
    return (NumericRef) r;
  }

  private CategoricalRef categorical(String feature) {
    Object r = ref(feature);
    if (!(r instanceof CategoricalRef)) {
      throw new IllegalArgumentException("column '" + feature + "' is numeric, not categorical");
    }
    return (CategoricalRef) r;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("DriftBaseline[");
    boolean first = true;
    for (Map.Entry<String, Object> e : features.entrySet()) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      if (e.getValue() instanceof NumericRef) {
        NumericRef n = (NumericRef) e.getValue();
        sb.append(e.getKey()).append(":numeric/").append(n.test.key()).append(" n=").append(n.count)
            .append(n.sketch != null ? " (kll)" : "");
      } else {
        CategoricalRef c = (CategoricalRef) e.getValue();
        sb.append(e.getKey()).append(":categorical/").append(c.test.key()).append(" k=")
            .append(c.vocabulary.size());
      }
    }
    return sb.append(']').toString();
  }
}
