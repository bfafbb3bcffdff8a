package org.mlops4j.drift.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.BinShares;
import org.mlops4j.drift.ColumnType;
import org.mlops4j.drift.Correction;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.DriftMethod;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.FeatureDrift;
import org.mlops4j.drift.KolmogorovSmirnov;
import org.mlops4j.drift.KolmogorovSmirnovResult;
import org.mlops4j.drift.MissingPolicy;
import org.mlops4j.drift.Psi;
import org.mlops4j.drift.PsiLevel;

/**
 * Evaluates a current column against a fitted {@link FeatureReference}: every statistic of the
 * feature, the deciding method's statistic and p-value, the effect gate; then the verdicts of a
 * whole report after the multiple-testing correction. The rules are those documented on {@code
 * FeatureDrift} and {@code DriftBaseline}.
 */
public final class FeatureEvaluator {

  private FeatureEvaluator() {}

  /**
   * Evaluates a window of a numeric feature (NaN missing, infinities counted apart).
   *
   * @throws IllegalArgumentException if the window has no finite value, or has missing or infinite
   *     values under {@link MissingPolicy#FAIL}
   */
  public static FeatureEvaluation numeric(
      NumericReference r, double[] current, DriftDetector detector) {
    long missing = 0;
    long infinite = 0;
    double[] f = new double[current.length];
    int m = 0;
    for (double v : current) {
      if (Double.isNaN(v)) {
        missing++;
      } else if (Double.isInfinite(v)) {
        infinite++;
      } else {
        f[m++] = v;
      }
    }
    String column = "current column '" + r.name + "'";
    Require.argument(
        detector.missingPolicy() != MissingPolicy.FAIL || missing + infinite == 0,
        column,
        "free of missing and infinite values (missingPolicy FAIL)",
        missing + " missing and " + infinite + " infinite of " + current.length + " rows");
    Require.argument(
        m > 0,
        column,
        "non-empty after leaving out missing and infinite values",
        current.length + " rows: " + missing + " missing, " + infinite + " infinite");
    Sorting.sort(f, 0, m);
    if (m < f.length) {
      f = Arrays.copyOf(f, m);
    }
    FeatureEvaluation e = new FeatureEvaluation();
    e.feature = r.name;
    e.type = ColumnType.NUMERIC;
    e.method = r.method;
    e.refCount = r.count;
    e.curCount = m;
    e.refMissing = r.missing;
    e.curMissing = missing;
    e.refInfinite = r.infinite;
    e.curInfinite = infinite;
    List<String> notes = new ArrayList<>();

    // KS: statistic always; p-value only when KS decides (the exact path costs O(n m)).
    boolean ksDecides = r.method == DriftMethod.KOLMOGOROV_SMIRNOV;
    KolmogorovSmirnovResult ks =
        ks(r, f, ksDecides ? detector.ksMethod() : KolmogorovSmirnov.Method.ASYMPTOTIC);
    double ksD = ks.statistic();
    double ksP = ks.pValue();
    e.metrics.put("ks", ksD);
    if (ksDecides) {
      e.metrics.put("ks_p", ksP);
    }

    long[] cc = Stats.binCounts(r.edges, f, 0, m);
    double psi = Stats.psi(r.counts, cc, detector.epsilon());
    e.psi = psi;
    e.metrics.put("psi", psi);

    double w = wasserstein(r, f, 1.0);
    if (Double.isInfinite(w)) {
      // values near ±Double.MAX_VALUE: the halved distance does not overflow
      w = 2 * wasserstein(r, f, 0.5);
    }
    e.metrics.put("wasserstein", w);
    double wstd;
    if (r.std > 0) {
      // a distance above Double.MAX_VALUE still has a finite ratio to the standard deviation
      wstd = Double.isInfinite(w) ? wasserstein(r, f, 0.5) / (r.std / 2) : w / r.std;
    } else {
      wstd = w;
      notes.add("reference is constant: wasserstein_std is the raw distance");
    }
    e.metrics.put("wasserstein_std", wstd);

    double zStat = 0;
    double zP = 1;
    if (r.method == DriftMethod.TWO_PROPORTION_Z) {
      long ones = 0;
      boolean binary = true;
      for (int i = 0; i < m; i++) {
        if (f[i] == 1.0) {
          ones++;
        } else if (f[i] != 0.0) {
          binary = false;
        }
      }
      if (!binary) {
        notes.add("current has values other than 0 and 1; z-test compares the share of ones");
      }
      double[] z = Stats.twoProportionZ(r.ones, r.count, ones, m);
      zStat = z[0];
      zP = z[1];
      e.metrics.put("share_ones_ref", (double) r.ones / r.count);
      e.metrics.put("share_ones_cur", (double) ones / m);
      e.metrics.put("z", zStat);
      e.metrics.put("z_p", zP);
    }
    double cvm = 0;
    double cvmP = 1;
    if (r.method == DriftMethod.CRAMER_VON_MISES) {
      String why = SampleSizes.cramerVonMisesNote(r.count, m);
      if (why == null) {
        double[] c = CramerVonMisesMath.test(Require.nonNull(r.sorted, "sorted"), f);
        cvm = c[0];
        cvmP = c[1];
        e.metrics.put("cvm", cvm);
        e.metrics.put("cvm_p", cvmP);
      } else {
        e.tested = false;
        notes.add(0, why); // the first thing to read about the feature
      }
    }
    double ad = 0;
    double adP = 1;
    if (r.method == DriftMethod.ANDERSON_DARLING) {
      double[] sorted = Require.nonNull(r.sorted, "sorted");
      String why = SampleSizes.andersonDarlingNote(sorted, f);
      if (why == null) {
        double[] t = AndersonDarlingMath.testSorted(sorted, f);
        ad = t[0];
        adP = t[1];
        e.metrics.put("ad", ad);
        e.metrics.put("ad_p", adP);
      } else {
        e.tested = false;
        notes.add(0, why); // the first thing to read about the feature
      }
    }
    missingRate(e, r.rows, r.missing + r.infinite, current.length, missing + infinite, detector);

    boolean gate = psi >= detector.psiGate() || wstd >= detector.wassersteinGate();
    switch (r.method) {
      case KOLMOGOROV_SMIRNOV -> {
        e.statistic = ksD;
        e.pValue = ksP;
        e.effectGate = gate;
      }
      case TWO_PROPORTION_Z -> {
        e.statistic = zStat;
        e.pValue = zP;
        e.effectGate = gate;
      }
      case CRAMER_VON_MISES -> {
        e.statistic = cvm;
        e.pValue = cvmP;
        e.effectGate = gate;
      }
      case ANDERSON_DARLING -> {
        e.statistic = ad;
        e.pValue = adP;
        e.effectGate = gate;
      }
      case PSI -> {
        e.statistic = psi;
        e.effectGate = psi >= detector.psiGate();
      }
      default -> { // WASSERSTEIN
        e.statistic = wstd;
        e.effectGate = wstd >= detector.wassersteinGate();
      }
    }
    if (!e.tested) {
      e.statistic = Double.NaN;
      e.pValue = Double.NaN;
    }
    List<String> labels = new ArrayList<>();
    for (int k = 0; k <= r.edges.length; k++) {
      String lo = k == 0 ? "-inf" : fmt(r.edges[k - 1]);
      String hi = k == r.edges.length ? "+inf)" : fmt(r.edges[k]) + "]";
      labels.add("(" + lo + ", " + hi);
    }
    e.shares = new BinShares(labels, shares(r.counts), shares(cc));
    e.note = String.join("; ", notes);
    return e;
  }

  /**
   * Evaluates a window of a categorical feature ({@code null} = missing).
   *
   * @throws IllegalArgumentException if the window has no label, or has missing labels under {@link
   *     MissingPolicy#FAIL}
   */
  public static FeatureEvaluation categorical(
      CategoricalReference r, @Nullable String[] current, DriftDetector detector) {
    int k = r.vocabulary.size();
    long[] cc = new long[k + 1];
    long missing = 0;
    for (String s : current) {
      if (s == null) {
        missing++;
        continue;
      }
      Integer i = r.index.get(s);
      cc[i == null ? k : i]++;
    }
    String column = "current column '" + r.name + "'";
    Require.argument(
        detector.missingPolicy() != MissingPolicy.FAIL || missing == 0,
        column,
        "free of missing values (missingPolicy FAIL)",
        missing + " missing of " + current.length + " rows");
    long m = current.length - missing;
    Require.argument(
        m > 0,
        column,
        "non-empty after leaving out missing values",
        current.length + " rows: " + missing + " missing");
    long[] rc = Arrays.copyOf(r.counts, k + 1);
    FeatureEvaluation e = new FeatureEvaluation();
    e.feature = r.name;
    e.type = ColumnType.CATEGORICAL;
    e.method = r.method;
    e.refCount = r.count();
    e.curCount = m;
    e.refMissing = r.missing;
    e.curMissing = missing;
    double[] chi = Stats.chiSquare(rc, cc);
    e.metrics.put("chi2", chi[0]);
    e.metrics.put("chi2_p", chi[1]);
    e.metrics.put("chi2_dof", chi[2]);
    double psi = Stats.psi(rc, cc, detector.epsilon());
    e.psi = psi;
    e.metrics.put("psi", psi);
    double js = Stats.jensenShannon(Stats.toDouble(rc), Stats.toDouble(cc));
    e.metrics.put("js", js);
    e.metrics.put("unseen_share", (double) cc[k] / m);
    missingRate(e, r.rows, r.missing, current.length, missing, detector);
    switch (r.method) {
      case CHI_SQUARE -> {
        e.statistic = chi[0];
        e.pValue = chi[1];
        e.effectGate = js >= detector.jsGate();
      }
      case PSI -> {
        e.statistic = psi;
        e.effectGate = psi >= detector.psiGate();
      }
      default -> { // JENSEN_SHANNON
        e.statistic = js;
        e.effectGate = js >= detector.jsGate();
      }
    }
    List<String> labels = new ArrayList<>(r.vocabulary);
    labels.add(Psi.UNSEEN);
    e.shares = new BinShares(labels, shares(rc), shares(cc));
    return e;
  }

  private static void missingRate(
      FeatureEvaluation e,
      long refRows,
      long refBad,
      long curRows,
      long curBad,
      DriftDetector detector) {
    if (refBad + curBad == 0) {
      return;
    }
    e.metrics.put("missing_rate_ref", (double) refBad / refRows);
    e.metrics.put("missing_rate_cur", (double) curBad / curRows);
    double[] z = Stats.twoProportionZ(refBad, refRows, curBad, curRows);
    e.metrics.put("missing_rate_p", z[1]);
    e.missingRateDrifted = z[1] < detector.alpha();
  }

  /**
   * Decides one feature.
   *
   * @param adjusted the corrected p-value, or null for no correction (a single feature)
   */
  public static FeatureDrift decide(
      FeatureEvaluation e, @Nullable Double adjusted, DriftDetector detector) {
    OptionalDouble p = e.hasPValue() ? OptionalDouble.of(e.pValue) : OptionalDouble.empty();
    OptionalDouble adj =
        e.hasPValue()
            ? OptionalDouble.of(adjusted == null ? e.pValue : adjusted)
            : OptionalDouble.empty();
    boolean significant = e.tested && (!adj.isPresent() || adj.getAsDouble() < detector.alpha());
    boolean drifted = significant && e.effectGate;
    if (detector.missingPolicy() == MissingPolicy.IGNORE_AND_REPORT && e.missingRateDrifted) {
      drifted = true;
    }
    PsiLevel level = PsiLevel.of(e.psi, detector.psiModerate(), detector.psiSignificant());
    return new FeatureDrift(
        e.feature,
        e.type,
        e.method,
        e.statistic,
        p,
        adj,
        e.effectGate,
        drifted,
        level,
        e.refCount,
        e.curCount,
        e.refMissing,
        e.curMissing,
        e.refInfinite,
        e.curInfinite,
        e.missingRateDrifted,
        e.metrics,
        Require.nonNull(e.shares, "shares"),
        e.note);
  }

  /**
   * The report of the evaluated features: p-values corrected with the detector's correction over
   * the features that have one, verdicts, the share of drifted features and the dataset verdict.
   */
  public static DriftReport report(List<FeatureEvaluation> evaluations, DriftDetector detector) {
    List<Integer> withP = new ArrayList<>();
    for (int i = 0; i < evaluations.size(); i++) {
      if (evaluations.get(i).hasPValue()) {
        withP.add(i);
      }
    }
    double[] ps = new double[withP.size()];
    for (int i = 0; i < ps.length; i++) {
      ps[i] = evaluations.get(withP.get(i)).pValue;
    }
    double[] adj = detector.correction().adjust(ps);
    @Nullable Double[] adjusted = new Double[evaluations.size()];
    for (int i = 0; i < ps.length; i++) {
      adjusted[withP.get(i)] = adj[i];
    }
    List<FeatureDrift> out = new ArrayList<>();
    for (int i = 0; i < evaluations.size(); i++) {
      out.add(decide(evaluations.get(i), adjusted[i], detector));
    }
    return report(out, detector.correction(), detector.alpha(), detector.datasetDriftShare());
  }

  /** A report of decided features: counts the drifted ones and gives the dataset verdict. */
  public static DriftReport report(
      List<FeatureDrift> features, Correction correction, double alpha, double datasetDriftShare) {
    int drifted = 0;
    for (FeatureDrift f : features) {
      if (f.drifted()) {
        drifted++;
      }
    }
    double share = features.isEmpty() ? 0.0 : (double) drifted / features.size();
    return new DriftReport(
        features,
        correction,
        alpha,
        drifted,
        share,
        datasetDriftShare,
        share >= datasetDriftShare,
        java.time.Instant.now());
  }

  /**
   * Two-sided Kolmogorov–Smirnov test of a sorted, finite window against a numeric reference
   * (sample 1 = reference). Against a sketched reference, D comes from the sketch's ranks and the
   * p-value is asymptotic.
   */
  public static KolmogorovSmirnovResult ks(
      NumericReference r, double[] sortedWindow, KolmogorovSmirnov.Method method) {
    if (r.sorted != null) {
      return KolmogorovSmirnovMath.testSorted(
          r.sorted, sortedWindow, KolmogorovSmirnov.Alternative.TWO_SIDED, method, r.ties);
    }
    int m = sortedWindow.length;
    double d = sketchKs(Require.nonNull(r.sketch, "sketch"), sortedWindow);
    double p =
        KolmogorovSmirnovDistribution.asymptoticSf(
            r.count, m, d, KolmogorovSmirnovDistribution.TWO_SIDED);
    return new KolmogorovSmirnovResult(
        d,
        p,
        KolmogorovSmirnov.Alternative.TWO_SIDED,
        KolmogorovSmirnov.Method.ASYMPTOTIC,
        r.count,
        m,
        false);
  }

  /** KS D between a KLL-sketched reference (sample 1) and a sorted sample, via sketch ranks. */
  static double sketchKs(KllDoublesSketch sketch, double[] f) {
    int m = f.length;
    // distinct values of f
    double[] xs = new double[m];
    int[] upTo = new int[m];
    int[] below = new int[m];
    int d = 0;
    int i = 0;
    while (i < m) {
      double v = f[i];
      int start = i;
      while (i < m && f[i] == v) {
        i++;
      }
      xs[d] = v;
      below[d] = start;
      upTo[d] = i;
      d++;
    }
    double[] q = Arrays.copyOf(xs, d);
    double[] incl;
    double[] excl;
    synchronized (
        sketch) { // the sketch builds its sorted view lazily: not safe for concurrent reads
      incl = sketch.getRanks(q, QuantileSearchCriteria.INCLUSIVE);
      excl = sketch.getRanks(q, QuantileSearchCriteria.EXCLUSIVE);
    }
    double best = 0;
    for (int k = 0; k < d; k++) {
      best = Math.max(best, Math.abs(incl[k] - (double) upTo[k] / m));
      best = Math.max(best, Math.abs(excl[k] - (double) below[k] / m));
    }
    return Math.min(1.0, best);
  }

  /**
   * Wasserstein-1 distance of a sorted window to the reference, times {@code scale} (1, or 0.5 to
   * keep values near ±Double.MAX_VALUE from overflowing).
   */
  private static double wasserstein(NumericReference r, double[] f, double scale) {
    return r.sorted != null
        ? Stats.wassersteinSorted(r.sorted, r.count, f, f.length, scale)
        : sketchWasserstein(Require.nonNull(r.sketch, "sketch"), f, scale);
  }

  /**
   * Wasserstein-1 between a sketch and a sorted sample on a grid of 1,000 quantile levels, times
   * {@code scale}.
   */
  static double sketchWasserstein(KllDoublesSketch sketch, double[] f, double scale) {
    int g = 1000;
    double[] ranks = new double[g];
    for (int k = 0; k < g; k++) {
      ranks[k] = (k + 0.5) / g;
    }
    double[] qr;
    synchronized (sketch) {
      qr = sketch.getQuantiles(ranks, QuantileSearchCriteria.INCLUSIVE);
    }
    int m = f.length;
    double sum = 0;
    for (int k = 0; k < g; k++) {
      int idx = (int) Math.ceil(ranks[k] * m) - 1;
      double qc = f[Math.max(0, Math.min(m - 1, idx))];
      sum += Math.abs(qr[k] * scale - qc * scale);
    }
    return sum / g;
  }

  private static List<Double> shares(long[] counts) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    List<Double> out = new ArrayList<>(counts.length);
    for (long c : counts) {
      out.add(total == 0 ? 0.0 : (double) c / total);
    }
    return out;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
