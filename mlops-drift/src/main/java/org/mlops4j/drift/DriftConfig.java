package org.mlops4j.drift;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of drift checks, immutable; {@link #defaults()} or {@link #builder()}.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><td>alpha</td><td>0.05</td><td>significance level of the p-value tests</td></tr>
 *   <tr><td>correction</td><td>{@link Correction#BENJAMINI_HOCHBERG}</td><td>over the features of a report</td></tr>
 *   <tr><td>bins, binning</td><td>10, {@link Binning#QUANTILE}</td><td>numeric PSI bins fitted on the reference</td></tr>
 *   <tr><td>epsilon</td><td>1e-4</td><td>a bin share of exactly 0 is replaced by epsilon in PSI (no renormalisation)</td></tr>
 *   <tr><td>psiModerate, psiSignificant</td><td>0.1, 0.25</td><td>{@link PsiLevel} cut-offs</td></tr>
 *   <tr><td>psiGate, wassersteinGate</td><td>0.1, 0.1</td><td>numeric effect gate: PSI &ge; psiGate or Wasserstein/std &ge; wassersteinGate</td></tr>
 *   <tr><td>jsGate</td><td>0.1</td><td>categorical effect gate: Jensen–Shannon distance (base 2) &ge; jsGate</td></tr>
 *   <tr><td>datasetDriftShare</td><td>0.5</td><td>dataset drift when the share of drifted features &ge; this</td></tr>
 *   <tr><td>missingPolicy</td><td>{@link MissingPolicy#IGNORE_AND_REPORT}</td><td></td></tr>
 *   <tr><td>ksMethod</td><td>{@link KolmogorovSmirnov.Method#AUTO}</td><td></td></tr>
 *   <tr><td>sketchAbove, sketchK</td><td>2,000,000, 200</td><td>numeric references with more finite values are kept as a KLL sketch of parameter k instead of the sorted sample</td></tr>
 *   <tr><td>tests</td><td>automatic</td><td>per-column override of the {@link DriftTest}</td></tr>
 * </table>
 *
 * @since 0.1.0
 */
public final class DriftConfig {

  private static final DriftConfig DEFAULTS = new Builder().build();

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
  private final Map<String, DriftTest> tests;

  private DriftConfig(Builder b) {
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
    tests = Collections.unmodifiableMap(new LinkedHashMap<>(b.tests));
  }

  /** @return the default settings */
  public static DriftConfig defaults() {
    return DEFAULTS;
  }

  /** @return a builder starting from the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder starting from this configuration */
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
    b.tests.putAll(tests);
    return b;
  }

  public double alpha() { return alpha; }

  public Correction correction() { return correction; }

  public int bins() { return bins; }

  public Binning binning() { return binning; }

  public double epsilon() { return epsilon; }

  public double psiModerate() { return psiModerate; }

  public double psiSignificant() { return psiSignificant; }

  public double psiGate() { return psiGate; }

  public double wassersteinGate() { return wassersteinGate; }

  public double jsGate() { return jsGate; }

  public double datasetDriftShare() { return datasetDriftShare; }

  public MissingPolicy missingPolicy() { return missingPolicy; }

  public KolmogorovSmirnov.Method ksMethod() { return ksMethod; }

  public int sketchAbove() { return sketchAbove; }

  public int sketchK() { return sketchK; }

  /** @return the per-column test overrides */
  public Map<String, DriftTest> tests() { return tests; }

  /** @return the override for a column, if any */
  public Optional<DriftTest> testFor(String column) {
    return Optional.ofNullable(tests.get(column));
  }

  @Override
  public String toString() {
    return "DriftConfig[alpha=" + alpha + ", correction=" + correction + ", bins=" + bins
        + ", binning=" + binning + ", epsilon=" + epsilon + ", psi cut-offs=" + psiModerate + "/"
        + psiSignificant + ", gates psi=" + psiGate + " wasserstein/std=" + wassersteinGate
        + " js=" + jsGate + ", datasetDriftShare=" + datasetDriftShare + ", missing="
        + missingPolicy + ", ks=" + ksMethod + ", sketchAbove=" + sketchAbove + ", tests="
        + tests + "]";
  }

  /**
   * Builder of {@link DriftConfig}; every setter validates its argument.
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
    private final Map<String, DriftTest> tests = new LinkedHashMap<>();

    private Builder() {}

    /** @throws IllegalArgumentException unless 0 &lt; alpha &lt; 1 */
    public Builder alpha(double alpha) {
      if (!(alpha > 0 && alpha < 1)) {
        throw new IllegalArgumentException("alpha must be in (0, 1) but was " + alpha);
      }
      this.alpha = alpha;
      return this;
    }

    public Builder correction(Correction correction) {
      this.correction = java.util.Objects.requireNonNull(correction, "correction");
      return this;
    }

    /** @throws IllegalArgumentException if bins &lt; 2 */
    public Builder bins(int bins) {
      if (bins < 2) {
        throw new IllegalArgumentException("bins must be at least 2 but was " + bins);
      }
      this.bins = bins;
      return this;
    }

    public Builder binning(Binning binning) {
      this.binning = java.util.Objects.requireNonNull(binning, "binning");
      return this;
    }

    /** @throws IllegalArgumentException unless 0 &lt; epsilon &lt; 1 */
    public Builder epsilon(double epsilon) {
      if (!(epsilon > 0 && epsilon < 1)) {
        throw new IllegalArgumentException("epsilon must be in (0, 1) but was " + epsilon);
      }
      this.epsilon = epsilon;
      return this;
    }

    /** @throws IllegalArgumentException unless 0 &lt; moderate &le; significant */
    public Builder psiLevels(double moderate, double significant) {
      if (!(moderate > 0 && significant >= moderate && Double.isFinite(significant))) {
        throw new IllegalArgumentException(
            "PSI cut-offs must satisfy 0 < moderate <= significant but were " + moderate + ", "
                + significant);
      }
      this.psiModerate = moderate;
      this.psiSignificant = significant;
      return this;
    }

    /** @throws IllegalArgumentException if negative or NaN */
    public Builder psiGate(double gate) {
      this.psiGate = nonNegative("psiGate", gate);
      return this;
    }

    /** @throws IllegalArgumentException if negative or NaN */
    public Builder wassersteinGate(double gate) {
      this.wassersteinGate = nonNegative("wassersteinGate", gate);
      return this;
    }

    /** @throws IllegalArgumentException unless in [0, 1] */
    public Builder jsGate(double gate) {
      if (!(gate >= 0 && gate <= 1)) {
        throw new IllegalArgumentException("jsGate must be in [0, 1] but was " + gate);
      }
      this.jsGate = gate;
      return this;
    }

    /** @throws IllegalArgumentException unless in (0, 1] */
    public Builder datasetDriftShare(double share) {
      if (!(share > 0 && share <= 1)) {
        throw new IllegalArgumentException("datasetDriftShare must be in (0, 1] but was " + share);
      }
      this.datasetDriftShare = share;
      return this;
    }

    public Builder missingPolicy(MissingPolicy policy) {
      this.missingPolicy = java.util.Objects.requireNonNull(policy, "missingPolicy");
      return this;
    }

    public Builder ksMethod(KolmogorovSmirnov.Method method) {
      this.ksMethod = java.util.Objects.requireNonNull(method, "ksMethod");
      return this;
    }

    /**
     * Numeric references with more finite values than this are stored as a KLL sketch.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder sketchAbove(int values) {
      if (values < 1) {
        throw new IllegalArgumentException("sketchAbove must be at least 1 but was " + values);
      }
      this.sketchAbove = values;
      return this;
    }

    /** @throws IllegalArgumentException unless 8 &le; k &le; 65535 */
    public Builder sketchK(int k) {
      if (k < 8 || k > 65535) {
        throw new IllegalArgumentException("sketchK must be in [8, 65535] but was " + k);
      }
      this.sketchK = k;
      return this;
    }

    /** Overrides the test of one column. */
    public Builder test(String column, DriftTest test) {
      java.util.Objects.requireNonNull(column, "column");
      tests.put(column, java.util.Objects.requireNonNull(test, "test"));
      return this;
    }

    /**
     * Overrides the test of one column by name ({@link DriftTest#of(String)}).
     *
     * @throws IllegalArgumentException if the test name is unknown
     */
    public Builder test(String column, String testName) {
      return test(column, DriftTest.of(testName));
    }

    private static double nonNegative(String name, double v) {
      if (!(v >= 0)) {
        throw new IllegalArgumentException(name + " must be >= 0 but was " + v);
      }
      return v;
    }

    public DriftConfig build() {
      return new DriftConfig(this);
    }
  }
}
