package org.mlops4j.drift;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.Binning;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.internal.CategoricalReference;
import org.mlops4j.drift.internal.FeatureReference;
import org.mlops4j.drift.internal.NumericReference;
import org.mlops4j.drift.internal.UntestableReference;

/**
 * The drift engine: its settings, immutable, and its verb {@link #compare(Columns, Columns)}, which
 * compares a current table with a reference table feature by feature and returns a {@link
 * DriftReport}. {@link #fit(Columns)} fits the reference once into a {@link DriftBaseline} that
 * compares later tables (and can be saved) without the raw reference data.
 *
 * <pre>{@code
 * DriftDetector detector = DriftDetector.defaults();     // or DriftDetector.builder()...build()
 * DriftReport report = detector.compare(reference, current);
 * DriftBaseline baseline = detector.fit(reference);
 * DriftReport same = baseline.compare(current);
 * }</pre>
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><td>alpha</td><td>0.05</td><td>significance level of the p-value tests</td></tr>
 *   <tr><td>correction</td><td>{@link Correction#BENJAMINI_HOCHBERG}</td><td>over the features of a report</td></tr>
 *   <tr><td>bins, binning</td><td>10, {@link Binning#QUANTILE}</td><td>numeric PSI bins fitted on the reference (see {@link Psi}); a discrete column (at most {@link FeatureDrift#MAX_DISCRETE_VALUES} whole-number values, at most half as many as its values) has one bin per value instead, whatever the binning</td></tr>
 *   <tr><td>epsilon</td><td>1e-4</td><td>a bin share of exactly 0 is replaced by epsilon in PSI (no renormalisation)</td></tr>
 *   <tr><td>psiModerate, psiSignificant</td><td>0.1, 0.25</td><td>{@link PsiLevel} cut-offs</td></tr>
 *   <tr><td>psiGate, wassersteinGate</td><td>0.1, 0.1</td><td>numeric effect gate: PSI &ge; psiGate or Wasserstein/std &ge; wassersteinGate</td></tr>
 *   <tr><td>jsGate</td><td>0.1</td><td>categorical effect gate: Jensen–Shannon distance (base 2) &ge; jsGate</td></tr>
 *   <tr><td>datasetDriftShare</td><td>0.5</td><td>dataset drift when the share of drifted features &ge; this</td></tr>
 *   <tr><td>missingPolicy</td><td>{@link MissingPolicy#IGNORE_AND_REPORT}</td><td></td></tr>
 *   <tr><td>ksMethod</td><td>{@link KolmogorovSmirnov.Method#AUTO}</td><td></td></tr>
 *   <tr><td>sketchAbove, sketchK</td><td>2,000,000, 200</td><td>numeric references with more finite values are kept as a KLL sketch of parameter k instead of the sorted sample</td></tr>
 *   <tr><td>maxCategories</td><td>200</td><td>categories kept per categorical column: with more distinct labels in the reference, the most frequent 200 and one bucket {@value Psi#OTHER} for the rest (and for the current's labels outside them), with a note; bounds the memory of a baseline and the size of the chi-square</td></tr>
 *   <tr><td>identifierShare, identifierMinDistinct</td><td>0.95, 50</td><td>a categorical column with more than identifierMinDistinct distinct labels, whose distinct labels are more than identifierShare of its non-missing values, is identifier-like (an id, a case number); so is a numeric column whose finite values are all integers, with more than identifierMinDistinct distinct ones, more than identifierShare of its finite values distinct, over a range at most {@value #IDENTIFIER_RANGE} times their number (max - min + 1 &le; {@value #IDENTIFIER_RANGE} &times; distinct: a row number, or the rows of a year of one; not an integer measurement with repeats such as an age, nor distinct integers spread over a sparse range such as amounts in cents or epoch seconds); the current is checked too, and a note says when it is not identifier-like: reported as not tested with a note, unless the column has a method override; a change of its missing rate is shown but does not make it drifted; identifierShare 1 turns the check off</td></tr>
 *   <tr><td>methods</td><td>automatic</td><td>per-column override of the {@link DriftMethod}</td></tr>
 * </table>
 *
 * <p>Automatic method per feature, by its {@link ColumnKind} (each report says which kind and why:
 * {@link FeatureDrift#kindReason()}): numeric with only 0/1 values in the reference ({@link
 * ColumnKind#BINARY}): {@link DriftMethod#TWO_PROPORTION_Z}, unless the current has another value
 * (a schema change, said in the note), then {@link DriftMethod#KOLMOGOROV_SMIRNOV}; other numeric:
 * {@link DriftMethod#KOLMOGOROV_SMIRNOV}; categorical: {@link DriftMethod#CHI_SQUARE};
 * identifier-like categorical or integer columns ({@link ColumnKind#IDENTIFIER}) and columns
 * without a value ({@link ColumnKind#EMPTY}): not tested, with a note; override with {@link
 * Builder#method(String, DriftMethod)}. Instances are immutable and safe to share between threads.
 *
 * @since 0.1.0
 */
public final class DriftDetector {

  /**
   * How much wider than their number the range of a numeric column's distinct integers may be for
   * the column to be identifier-like: 10 ({@code max - min + 1 <= 10 * distinct}). A row number
   * (range = count), the rows of one year of a file numbered over two or three (range about 2 to 5
   * times the count: COMPAS's {@code id} split by screening year) or a 10% sample of one are
   * identifiers; amounts in cents or epoch seconds (ranges hundreds of times their count) and
   * measurements with repeats are not.
   */
  public static final int IDENTIFIER_RANGE = 10;

  private static final DriftDetector DEFAULTS = new Builder().build();

  private final double alpha;
  private final Correction correction;
  private final int bins;
  private final Binning binning;
  private final double epsilon;
  private final double psiModerate;
  private final double psiSignificant;
  private final double psiGate;
  private final double wassersteinGate;
  private final double jsGate;
  private final double datasetDriftShare;
  private final MissingPolicy missingPolicy;
  private final KolmogorovSmirnov.Method ksMethod;
  private final int sketchAbove;
  private final int sketchK;
  private final int maxCategories;
  private final double identifierShare;
  private final int identifierMinDistinct;
  private final Map<String, DriftMethod> methods;

  private DriftDetector(Builder b) {
    alpha = b.alpha;
    correction = b.correction;
    bins = b.bins;
    binning = b.binning;
    epsilon = b.epsilon;
    psiModerate = b.psiModerate;
    psiSignificant = b.psiSignificant;
    psiGate = b.psiGate;
    wassersteinGate = b.wassersteinGate;
    jsGate = b.jsGate;
    datasetDriftShare = b.datasetDriftShare;
    missingPolicy = b.missingPolicy;
    ksMethod = b.ksMethod;
    sketchAbove = b.sketchAbove;
    sketchK = b.sketchK;
    maxCategories = b.maxCategories;
    identifierShare = b.identifierShare;
    identifierMinDistinct = b.identifierMinDistinct;
    methods = Collections.unmodifiableMap(new LinkedHashMap<>(b.methods));
  }

  /**
   * @return the detector with the default settings
   */
  public static DriftDetector defaults() {
    return DEFAULTS;
  }

  /**
   * @return a builder starting from the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return a builder starting from this detector's settings
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.alpha = alpha;
    b.correction = correction;
    b.bins = bins;
    b.binning = binning;
    b.epsilon = epsilon;
    b.psiModerate = psiModerate;
    b.psiSignificant = psiSignificant;
    b.psiGate = psiGate;
    b.wassersteinGate = wassersteinGate;
    b.jsGate = jsGate;
    b.datasetDriftShare = datasetDriftShare;
    b.missingPolicy = missingPolicy;
    b.ksMethod = ksMethod;
    b.sketchAbove = sketchAbove;
    b.sketchK = sketchK;
    b.maxCategories = maxCategories;
    b.identifierShare = identifierShare;
    b.identifierMinDistinct = identifierMinDistinct;
    b.methods.putAll(methods);
    return b;
  }

  /**
   * Compares a current table with a reference table: fits the reference ({@link #fit(Columns)}) and
   * compares the current table with it ({@link DriftBaseline#compare(Columns)}).
   *
   * @param reference the reference table (e.g. training data)
   * @param current the current table, with the reference's columns and types
   * @return the report: one {@link FeatureDrift} per column, corrected p-values, the dataset
   *     verdict
   * @throws NullPointerException if a table is null
   * @throws IllegalArgumentException on a schema mismatch or when no column of the reference has a
   *     value (see {@link #fit(Columns)} and {@link DriftBaseline#compare(Columns)})
   */
  public DriftReport compare(Columns reference, Columns current) {
    Require.nonNull(current, "current");
    return fit(reference).compare(current);
  }

  /**
   * Fits a reference table once: per numeric column the PSI bin edges and counts, the standard
   * deviation and the sorted sample (or a KLL sketch above {@link #sketchAbove()} values); per
   * categorical column the categories kept (at most {@link #maxCategories()}) and counts; the
   * missing and infinite counts; the kind ({@link ColumnKind}) and the method. A column without a
   * value, or an identifier-like one, is kept as not testable (its reports say why) rather than
   * refused, so that it does not stop the comparison of the others.
   *
   * @param reference the reference table
   * @return the baseline, which compares later tables with this detector's settings
   * @throws NullPointerException if the table is null
   * @throws IllegalArgumentException if the table has no columns, no column has a value (the
   *     message of the first column, {@code "reference column '<name>' must be non-empty after
   *     leaving out missing ..."}), a column has missing values under {@link MissingPolicy#FAIL}, a
   *     method override names an unknown column or does not apply to its column's type
   */
  public DriftBaseline fit(Columns reference) {
    Require.nonNull(reference, "reference");
    Require.argument(
        !reference.names().isEmpty(), "reference", "a table with a column", "a table without one");
    for (String c : methods.keySet()) {
      Require.argument(
          reference.has(c),
          "the column of a method override",
          "one of " + reference.names(),
          "'" + c + "'");
    }
    Map<String, FeatureReference> f = new LinkedHashMap<>();
    @Nullable UntestableReference firstEmpty = null;
    boolean anyValue = false;
    for (String name : reference.names()) {
      ColumnKind untested = reference.untestedKind(name);
      if (untested != null) {
        f.put(
            name,
            UntestableReference.leftOut(
                name,
                reference.type(name),
                untested,
                reference.untestedReason(name).orElse(""),
                methodFor(name)
                    .orElse(
                        reference.type(name) == ColumnType.NUMERIC
                            ? DriftMethod.KOLMOGOROV_SMIRNOV
                            : DriftMethod.CHI_SQUARE)));
        continue;
      }
      FeatureReference r =
          reference.type(name) == ColumnType.NUMERIC
              ? NumericReference.fit(
                  name, reference.numericView(name), this, reference.isTime(name))
              : CategoricalReference.fit(name, reference.categoricalView(name), this);
      if (r.kind() == ColumnKind.EMPTY) {
        if (firstEmpty == null) {
          firstEmpty = (UntestableReference) r;
        }
      } else {
        anyValue = true;
      }
      f.put(name, r);
    }
    if (!anyValue && firstEmpty != null) {
      throw new IllegalArgumentException(firstEmpty.emptyMessage());
    }
    Require.argument(
        anyValue || firstEmpty != null,
        "reference",
        "a table with a column of values",
        "only columns left out: " + reference.names());
    return new DriftBaseline(this, f);
  }

  /**
   * Compares a current table of summaries with a reference table of summaries: fits the reference
   * ({@link #fit(ColumnSummaries)}) and compares the current with it ({@link
   * DriftBaseline#compare(ColumnSummaries)}).
   *
   * @param reference the reference's columns, as values, counts or summaries
   * @param current the current's columns, with the reference's names and types
   * @return the report
   * @throws NullPointerException if a table is null
   * @throws IllegalArgumentException as {@link #fit(ColumnSummaries)} and {@link
   *     DriftBaseline#compare(ColumnSummaries)}
   * @since 0.1.0
   */
  public DriftReport compare(ColumnSummaries reference, ColumnSummaries current) {
    Require.nonNull(current, "current");
    return fit(reference).compare(current);
  }

  /**
   * Fits a baseline from columns given as a distributed engine merges them ({@link
   * ColumnSummaries}): a numeric column of values and a categorical column of counts are fitted
   * exactly as {@link #fit(Columns)} fits the same rows (so the baseline is the same, a categorical
   * vocabulary in the order of the counts); a {@link NumericSummary} becomes a sketched feature
   * (PSI edges from the sketch's quantiles, or equal-width between the exact minimum and maximum;
   * bin counts from the sketch's ranks; mean, standard deviation, 0/1 counts exact; no discrete or
   * identifier detection, as the distinct values are unknown).
   *
   * @param reference the reference's columns
   * @return the baseline: {@code save}, {@code load} and {@code compare} as any other
   * @throws NullPointerException if reference is null
   * @throws IllegalArgumentException as {@link #fit(Columns)}, and if a summarized column's method
   *     override needs both samples (Cramér–von Mises, Anderson–Darling)
   * @since 0.1.0
   */
  public DriftBaseline fit(ColumnSummaries reference) {
    Require.nonNull(reference, "reference");
    for (String c : methods.keySet()) {
      Require.argument(
          reference.has(c),
          "the column of a method override",
          "one of " + reference.names(),
          "'" + c + "'");
    }
    Map<String, FeatureReference> f = new LinkedHashMap<>();
    @Nullable UntestableReference firstEmpty = null;
    for (String name : reference.names()) {
      Object column = reference.column(name);
      FeatureReference r;
      if (column instanceof double[] values) {
        r = NumericReference.fit(name, values, this);
      } else if (column instanceof NumericSummary s) {
        r =
            NumericReference.fitSketch(
                name,
                s.sketch(),
                s.missing(),
                s.infinite(),
                s.zeros(),
                s.ones(),
                s.mean(),
                s.std(),
                this);
      } else {
        ColumnSummaries.Labels l = (ColumnSummaries.Labels) column;
        r = CategoricalReference.fit(name, l.counts(), l.missing(), this);
      }
      if (r.kind() == ColumnKind.EMPTY && firstEmpty == null) {
        firstEmpty = (UntestableReference) r;
      }
      f.put(name, r);
    }
    if (firstEmpty != null && f.values().stream().allMatch(r -> r.kind() == ColumnKind.EMPTY)) {
      throw new IllegalArgumentException(firstEmpty.emptyMessage());
    }
    return new DriftBaseline(this, f);
  }

  /**
   * @return the significance level of the p-value tests, in (0, 1); default 0.05
   */
  public double alpha() {
    return alpha;
  }

  /**
   * @return the multiple-testing correction over a report's features; default BH
   */
  public Correction correction() {
    return correction;
  }

  /**
   * @return the number of numeric PSI bins; default 10
   */
  public int bins() {
    return bins;
  }

  /**
   * @return how numeric PSI bins are fitted; default {@link Binning#QUANTILE}
   */
  public Binning binning() {
    return binning;
  }

  /**
   * @return the replacement of an empty bin's share in PSI; default 1e-4
   */
  public double epsilon() {
    return epsilon;
  }

  /**
   * @return the PSI at and above which the level is moderate; default 0.1
   */
  public double psiModerate() {
    return psiModerate;
  }

  /**
   * @return the PSI above which the level is significant; default 0.25
   */
  public double psiSignificant() {
    return psiSignificant;
  }

  /**
   * @return the PSI at and above which a numeric feature passes the effect gate; default 0.1
   */
  public double psiGate() {
    return psiGate;
  }

  /**
   * @return the Wasserstein/std at and above which the effect gate passes; default 0.1
   */
  public double wassersteinGate() {
    return wassersteinGate;
  }

  /**
   * @return the Jensen–Shannon distance at and above which the gate passes; default 0.1
   */
  public double jsGate() {
    return jsGate;
  }

  /**
   * @return the share of drifted features at and above which the dataset drifted; 0.5
   */
  public double datasetDriftShare() {
    return datasetDriftShare;
  }

  /**
   * @return what to do with missing and infinite values; default IGNORE_AND_REPORT
   */
  public MissingPolicy missingPolicy() {
    return missingPolicy;
  }

  /**
   * @return the p-value method of the Kolmogorov–Smirnov test; default AUTO
   */
  public KolmogorovSmirnov.Method ksMethod() {
    return ksMethod;
  }

  /**
   * @return the number of finite values above which a numeric reference is sketched
   */
  public int sketchAbove() {
    return sketchAbove;
  }

  /**
   * @return the parameter k of the KLL sketch; default 200
   */
  public int sketchK() {
    return sketchK;
  }

  /**
   * @return the categories kept per categorical column (the most frequent, the rest in one bucket);
   *     default 200
   */
  public int maxCategories() {
    return maxCategories;
  }

  /**
   * @return the share of distinct labels among a categorical column's non-missing values (or of
   *     distinct integers among a numeric column's finite values, over a range at most {@value
   *     #IDENTIFIER_RANGE} times their number) above which the column is identifier-like (with more
   *     than {@link #identifierMinDistinct()} distinct values); default 0.95, 1 turns the check off
   */
  public double identifierShare() {
    return identifierShare;
  }

  /**
   * @return the number of distinct labels (or integers, for a numeric column) a column must exceed
   *     to be identifier-like; default 50
   */
  public int identifierMinDistinct() {
    return identifierMinDistinct;
  }

  /**
   * @return the per-column method overrides (unmodifiable, in the order they were set)
   */
  public Map<String, DriftMethod> methods() {
    return methods;
  }

  /**
   * @param column a column name
   * @return the method override of the column, if any
   */
  public Optional<DriftMethod> methodFor(String column) {
    return Optional.ofNullable(methods.get(column));
  }

  @Override
  public String toString() {
    return "DriftDetector[alpha="
        + alpha
        + ", correction="
        + correction
        + ", bins="
        + bins
        + ", binning="
        + binning
        + ", epsilon="
        + epsilon
        + ", psi cut-offs="
        + psiModerate
        + "/"
        + psiSignificant
        + ", gates psi="
        + psiGate
        + " wasserstein/std="
        + wassersteinGate
        + " js="
        + jsGate
        + ", datasetDriftShare="
        + datasetDriftShare
        + ", missing="
        + missingPolicy
        + ", ks="
        + ksMethod
        + ", sketchAbove="
        + sketchAbove
        + ", sketchK="
        + sketchK
        + ", maxCategories="
        + maxCategories
        + ", identifierShare="
        + identifierShare
        + ", identifierMinDistinct="
        + identifierMinDistinct
        + ", methods="
        + methods
        + "]";
  }

  /**
   * Builder of {@link DriftDetector}, starting from the defaults; every setter validates its
   * argument.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private double alpha = 0.05;
    private Correction correction = Correction.BENJAMINI_HOCHBERG;
    private int bins = 10;
    private Binning binning = Binning.QUANTILE;
    private double epsilon = 1e-4;
    private double psiModerate = 0.1;
    private double psiSignificant = 0.25;
    private double psiGate = 0.1;
    private double wassersteinGate = 0.1;
    private double jsGate = 0.1;
    private double datasetDriftShare = 0.5;
    private MissingPolicy missingPolicy = MissingPolicy.IGNORE_AND_REPORT;
    private KolmogorovSmirnov.Method ksMethod = KolmogorovSmirnov.Method.AUTO;
    private int sketchAbove = 2_000_000;
    private int sketchK = 200;
    private int maxCategories = 200;
    private double identifierShare = 0.95;
    private int identifierMinDistinct = 50;
    private final Map<String, DriftMethod> methods = new LinkedHashMap<>();

    private Builder() {}

    /**
     * @param alpha significance level, default 0.05
     * @return this builder
     * @throws IllegalArgumentException unless 0 &lt; alpha &lt; 1
     */
    public Builder alpha(double alpha) {
      this.alpha = Require.openUnit(alpha, "alpha");
      return this;
    }

    /**
     * @param correction multiple-testing correction, default {@link Correction#BENJAMINI_HOCHBERG}
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder correction(Correction correction) {
      this.correction = Require.nonNull(correction, "correction");
      return this;
    }

    /**
     * @param bins number of numeric PSI bins, default 10
     * @return this builder
     * @throws IllegalArgumentException if bins &lt; 2
     */
    public Builder bins(int bins) {
      Require.argument(bins >= 2, "bins", "at least 2", bins);
      this.bins = bins;
      return this;
    }

    /**
     * @param binning how numeric PSI bins are fitted, default {@link Binning#QUANTILE}
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder binning(Binning binning) {
      this.binning = Require.nonNull(binning, "binning");
      return this;
    }

    /**
     * @param epsilon replacement of an empty bin's share in PSI, default 1e-4
     * @return this builder
     * @throws IllegalArgumentException unless 0 &lt; epsilon &lt; 1
     */
    public Builder epsilon(double epsilon) {
      this.epsilon = Require.openUnit(epsilon, "epsilon");
      return this;
    }

    /**
     * @param moderate PSI at and above which the level is moderate, default 0.1
     * @param significant PSI above which the level is significant, default 0.25
     * @return this builder
     * @throws IllegalArgumentException unless 0 &lt; moderate &le; significant &lt; infinity
     */
    public Builder psiLevels(double moderate, double significant) {
      PsiLevel.checkCutOffs(moderate, significant);
      this.psiModerate = moderate;
      this.psiSignificant = significant;
      return this;
    }

    /**
     * @param gate PSI at and above which a numeric feature passes the effect gate, default 0.1
     * @return this builder
     * @throws IllegalArgumentException if negative, infinite or NaN
     */
    public Builder psiGate(double gate) {
      this.psiGate = Require.nonNegative(gate, "psiGate");
      return this;
    }

    /**
     * @param gate Wasserstein/std at and above which a numeric feature passes the effect gate,
     *     default 0.1
     * @return this builder
     * @throws IllegalArgumentException if negative, infinite or NaN
     */
    public Builder wassersteinGate(double gate) {
      this.wassersteinGate = Require.nonNegative(gate, "wassersteinGate");
      return this;
    }

    /**
     * @param gate Jensen–Shannon distance at and above which a categorical feature passes the
     *     effect gate, default 0.1
     * @return this builder
     * @throws IllegalArgumentException unless in [0, 1]
     */
    public Builder jsGate(double gate) {
      this.jsGate = Require.closedUnit(gate, "jsGate");
      return this;
    }

    /**
     * @param share share of drifted features at and above which the dataset drifted, default 0.5
     * @return this builder
     * @throws IllegalArgumentException unless in (0, 1]
     */
    public Builder datasetDriftShare(double share) {
      Require.argument(share > 0 && share <= 1, "datasetDriftShare", "in (0, 1]", share);
      this.datasetDriftShare = share;
      return this;
    }

    /**
     * @param policy what to do with missing and infinite values, default {@link
     *     MissingPolicy#IGNORE_AND_REPORT}
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder missingPolicy(MissingPolicy policy) {
      this.missingPolicy = Require.nonNull(policy, "missingPolicy");
      return this;
    }

    /**
     * @param method p-value method of the Kolmogorov–Smirnov test, default {@link
     *     KolmogorovSmirnov.Method#AUTO}
     * @return this builder
     * @throws NullPointerException if null
     */
    public Builder ksMethod(KolmogorovSmirnov.Method method) {
      this.ksMethod = Require.nonNull(method, "ksMethod");
      return this;
    }

    /**
     * Numeric references with more finite values than this are stored as a KLL sketch.
     *
     * @param values the threshold, default 2,000,000
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder sketchAbove(int values) {
      this.sketchAbove = Require.positive(values, "sketchAbove");
      return this;
    }

    /**
     * @param k parameter of the KLL sketch, default 200 (rank error about 1.3%)
     * @return this builder
     * @throws IllegalArgumentException unless 8 &le; k &le; 65535
     */
    public Builder sketchK(int k) {
      Require.argument(k >= 8 && k <= 65535, "sketchK", "in [8, 65535]", k);
      this.sketchK = k;
      return this;
    }

    /**
     * @param categories the categories kept per categorical column, default 200: a column with more
     *     distinct labels in the reference keeps the most frequent ones and counts the rest in one
     *     bucket {@value Psi#OTHER}
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxCategories(int categories) {
      this.maxCategories = Require.positive(categories, "maxCategories");
      return this;
    }

    /**
     * @param share the share of distinct labels among a categorical column's non-missing values (or
     *     of distinct integers among a numeric column's finite values, over a range at most {@value
     *     #IDENTIFIER_RANGE} times their number) above which the column is identifier-like (not
     *     tested, with a note), default 0.95; 1 turns the check off
     * @return this builder
     * @throws IllegalArgumentException unless 0 &lt; share &le; 1
     */
    public Builder identifierShare(double share) {
      Require.argument(share > 0 && share <= 1, "identifierShare", "in (0, 1]", share);
      this.identifierShare = share;
      return this;
    }

    /**
     * @param distinct the number of distinct labels (or integers, for a numeric column) a column
     *     must exceed to be identifier-like, default 50
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder identifierMinDistinct(int distinct) {
      this.identifierMinDistinct = Require.nonNegative(distinct, "identifierMinDistinct");
      return this;
    }

    /**
     * Overrides the method of one column (an identifier-like column with an override is tested).
     *
     * @param column the column
     * @param method its method
     * @return this builder
     * @throws NullPointerException if an argument is null
     */
    public Builder method(String column, DriftMethod method) {
      Require.nonNull(column, "column");
      methods.put(column, Require.nonNull(method, "method"));
      return this;
    }

    /**
     * Overrides the method of one column by its key ({@link DriftMethod#fromKey(String)}).
     *
     * @param column the column
     * @param key the method's key, such as {@code "ks"} or {@code "psi"}
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the key is unknown
     */
    public Builder method(String column, String key) {
      return method(column, DriftMethod.fromKey(key));
    }

    /**
     * @return the detector
     */
    public DriftDetector build() {
      return new DriftDetector(this);
    }
  }
}
