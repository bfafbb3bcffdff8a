package org.mlops4j.drift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.mlops4j.drift.internal.CramerVonMisesMath;
import org.mlops4j.drift.internal.KsDistribution;
import org.mlops4j.drift.internal.Sorting;
import org.mlops4j.drift.internal.Stats;

/** Computes per-feature statistics against a fitted reference and decides verdicts. */
final class Checker {

  private Checker() {}

  /** Everything computed for one feature before the multiple-testing correction. */
  static final class Raw {
    String feature;
    ColumnType type;
    DriftTest test;
    double statistic;
    double pValue = Double.NaN;
    boolean effectGate;
    double psi;
    long refCount;
    long curCount;
    long refMissing;
    long curMissing;
    long refInfinite;
    long curInfinite;
    boolean missingRateDrifted;
    Map<String, Double> metrics = new LinkedHashMap<>();
    BinShares shares;
    String note = "";

    boolean hasP() {
      return test.hasPValue();
    }
  }

  static Raw numeric(NumericRef r, double[] current, DriftConfig cfg) {
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
    if (cfg.missingPolicy() == MissingPolicy.FAIL && missing + infinite > 0) {
      throw new IllegalArgumentException("column '" + r.name + "': current has " + missing
          + " missing and " + infinite + " infinite values (missingPolicy FAIL)");
    }
    if (m == 0) {
      throw new IllegalArgumentException("column '" + r.name + "': current has no finite values ("
          + current.length + " rows, " + missing + " missing, " + infinite + " infinite)");
    }
    Sorting.sort(f, 0, m);
    if (m < f.length) {
      f = java.util.Arrays.copyOf(f, m);
    }
    Raw raw = new Raw();
    raw.feature = r.name;
    raw.type = ColumnType.NUMERIC;
    raw.test = r.test;
    raw.refCount = r.count;
    raw.curCount = m;
    raw.refMissing = r.missing;
    raw.curMissing = missing;
    raw.refInfinite = r.infinite;
    raw.curInfinite = infinite;
    List<String> notes = new ArrayList<>();

    // KS: statistic always; p-value only when KS decides (the exact path costs O(n m)).
    double ksD;
    double ksP = Double.NaN;
    if (r.sorted != null) {
      KolmogorovSmirnov.Method method =
          r.test == DriftTest.KS ? cfg.ksMethod() : KolmogorovSmirnov.Method.ASYMPTOTIC;
      KsResult k = KolmogorovSmirnov.testSorted(
          r.sorted, f, KolmogorovSmirnov.Alternative.TWO_SIDED, method, r.ties);
      ksD = k.statistic();
      ksP = k.pValue();
    } else {
      ksD = sketchKs(r.sketch, f);
      ksP = KsDistribution.asymptoticSf(r.count, m, ksD, KsDistribution.TWO_SIDED);
    }
    raw.metrics.put("ks", ksD);
    if (r.test == DriftTest.KS) {
      raw.metrics.put("ks_p", ksP);
    }

    long[] cc = Stats.binCounts(r.edges, f, 0, m);
    double psi = Stats.psi(r.counts, cc, cfg.epsilon());
    raw.psi = psi;
    raw.metrics.put("psi", psi);

    double w = r.sorted != null
        ? Stats.wassersteinSorted(r.sorted, r.count, f, m)
        : sketchWasserstein(r.sketch, f);
    raw.metrics.put("wasserstein", w);
    double wstd;
    if (r.std > 0) {
      wstd = w / r.std;
    } else {
      wstd = w;
      notes.add("reference is constant: wasserstein_std is the raw distance");
    }
    raw.metrics.put("wasserstein_std", wstd);

    double zStat = 0;
    double zP = 1;
    if (r.test == DriftTest.Z_PROPORTION) {
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
      raw.metrics.put("share_ones_ref", (double) r.ones / r.count);
      raw.metrics.put("share_ones_cur", (double) ones / m);
      raw.metrics.put("z", zStat);
      raw.metrics.put("z_p", zP);
    }
    double cvm = 0;
    double cvmP = 1;
    if (r.test == DriftTest.CRAMER_VON_MISES) {
      double[] c = CramerVonMisesMath.test(r.sorted, f);
      cvm = c[0];
      cvmP = c[1];
      raw.metrics.put("cvm", cvm);
      raw.metrics.put("cvm_p", cvmP);
    }
    double ad = 0;
    double adP = 1;
    if (r.test == DriftTest.ANDERSON_DARLING) {
      TestResult t = AndersonDarling.testSorted(r.sorted, f);
      ad = t.statistic();
      adP = t.pValue();
      raw.metrics.put("ad", ad);
      raw.metrics.put("ad_p", adP);
    }
    missingRate(raw, r.rows, r.missing + r.infinite, current.length, missing + infinite, cfg);

    boolean gate = psi >= cfg.psiGate() || wstd >= cfg.wassersteinGate();
    switch (r.test) {
      case KS:
        raw.statistic = ksD;
        raw.pValue = ksP;
        raw.effectGate = gate;
        break;
      case Z_PROPORTION:
        raw.statistic = zStat;
        raw.pValue = zP;
        raw.effectGate = gate;
        break;
      case CRAMER_VON_MISES:
        raw.statistic = cvm;
        raw.pValue = cvmP;
        raw.effectGate = gate;
        break;
      case ANDERSON_DARLING:
        raw.statistic = ad;
        raw.pValue = adP;
        raw.effectGate = gate;
        break;
      case PSI:
        raw.statistic = psi;
        raw.effectGate = psi >= cfg.psiGate();
        break;
      default: // WASSERSTEIN
        raw.statistic = wstd;
        raw.effectGate = wstd >= cfg.wassersteinGate();
    }
    List<String> labels = new ArrayList<>();
    for (int k = 0; k <= r.edges.length; k++) {
      String lo = k == 0 ? "-inf" : fmt(r.edges[k - 1]);
      String hi = k == r.edges.length ? "+inf)" : fmt(r.edges[k]) + "]";
      labels.add("(" + lo + ", " + hi);
    }
    raw.shares = new BinShares(labels, shares(r.counts), shares(cc));
    raw.note = String.join("; ", notes);
    return raw;
  }

  static Raw categorical(CategoricalRef r, String[] current, DriftConfig cfg) {
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
    if (cfg.missingPolicy() == MissingPolicy.FAIL && missing > 0) {
      throw new IllegalArgumentException("column '" + r.name + "': current has " + missing
          + " missing values (missingPolicy FAIL)");
    }
    long m = current.length - missing;
    if (m == 0) {
      throw new IllegalArgumentException("column '" + r.name + "': current has no values ("
          + current.length + " rows, " + missing + " missing)");
    }
    long[] rc = java.util.Arrays.copyOf(r.counts, k + 1);
    Raw raw = new Raw();
    raw.feature = r.name;
    raw.type = ColumnType.CATEGORICAL;
    raw.test = r.test;
    raw.refCount = r.count();
    raw.curCount = m;
    raw.refMissing = r.missing;
    raw.curMissing = missing;
    double[] chi = Stats.chiSquare(rc, cc);
    raw.metrics.put("chi2", chi[0]);
    raw.metrics.put("chi2_p", chi[1]);
    raw.metrics.put("chi2_dof", chi[2]);
    double psi = Stats.psi(rc, cc, cfg.epsilon());
    raw.psi = psi;
    raw.metrics.put("psi", psi);
    double js = Stats.jensenShannon(JensenShannon.toDouble(rc), JensenShannon.toDouble(cc));
    raw.metrics.put("js", js);
    raw.metrics.put("unseen_share", (double) cc[k] / m);
    missingRate(raw, r.rows, r.missing, current.length, missing, cfg);
    switch (r.test) {
      case CHI_SQUARE:
        raw.statistic = chi[0];
        raw.pValue = chi[1];
        raw.effectGate = js >= cfg.jsGate();
        break;
      case PSI:
        raw.statistic = psi;
        raw.effectGate = psi >= cfg.psiGate();
        break;
      default: // JENSEN_SHANNON
        raw.statistic = js;
        raw.effectGate = js >= cfg.jsGate();
    }
    List<String> labels = new ArrayList<>(r.vocabulary);
    labels.add(Psi.UNSEEN);
    raw.shares = new BinShares(labels, shares(rc), shares(cc));
    return raw;
  }

  private static void missingRate(Raw raw, long refRows, long refBad, long curRows, long curBad,
      DriftConfig cfg) {
    if (refBad + curBad == 0) {
      return;
    }
    raw.metrics.put("missing_rate_ref", (double) refBad / refRows);
    raw.metrics.put("missing_rate_cur", (double) curBad / curRows);
    double[] z = Stats.twoProportionZ(refBad, refRows, curBad, curRows);
    raw.metrics.put("missing_rate_p", z[1]);
    raw.missingRateDrifted = z[1] < cfg.alpha();
  }

  /** Decides one feature; adjusted == null means no correction (single check). */
  static FeatureDrift decide(Raw raw, Double adjusted, DriftConfig cfg) {
    OptionalDouble p = raw.hasP() ? OptionalDouble.of(raw.pValue) : OptionalDouble.empty();
    OptionalDouble adj = raw.hasP()
        ? OptionalDouble.of(adjusted == null ? raw.pValue : adjusted)
        : OptionalDouble.empty();
    boolean significant = !adj.isPresent() || adj.getAsDouble() < cfg.alpha();
    boolean drifted = significant && raw.effectGate;
    if (cfg.missingPolicy() == MissingPolicy.IGNORE_AND_REPORT && raw.missingRateDrifted) {
      drifted = true;
    }
    PsiLevel level = PsiLevel.of(raw.psi, cfg.psiModerate(), cfg.psiSignificant());
    return new FeatureDrift(raw.feature, raw.type, raw.test, raw.statistic, p, adj,
        raw.effectGate, drifted, level, raw.refCount, raw.curCount, raw.refMissing,
        raw.curMissing, raw.refInfinite, raw.curInfinite, raw.missingRateDrifted, raw.metrics,
        raw.shares, raw.note);
  }

  static DriftReport report(List<Raw> raws, DriftConfig cfg) {
    List<Integer> withP = new ArrayList<>();
    for (int i = 0; i < raws.size(); i++) {
      if (raws.get(i).hasP()) {
        withP.add(i);
      }
    }
    double[] ps = new double[withP.size()];
    for (int i = 0; i < ps.length; i++) {
      ps[i] = raws.get(withP.get(i)).pValue;
    }
    double[] adj = cfg.correction().adjust(ps);
    Double[] adjusted = new Double[raws.size()];
    for (int i = 0; i < ps.length; i++) {
      adjusted[withP.get(i)] = adj[i];
    }
    List<FeatureDrift> out = new ArrayList<>();
    for (int i = 0; i < raws.size(); i++) {
      out.add(decide(raws.get(i), adjusted[i], cfg));
    }
    return DriftReport.of(out, cfg);
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
    double[] q = java.util.Arrays.copyOf(xs, d);
    double[] incl;
    double[] excl;
    synchronized (sketch) { // the sketch builds its sorted view lazily: not safe for concurrent reads
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

  /** Wasserstein-1 between a sketch and a sorted sample on a grid of 1,000 quantile levels. */
  static double sketchWasserstein(KllDoublesSketch sketch, double[] f) {
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
      sum += Math.abs(qr[k] - qc);
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

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
