package org.mlops4j.drift.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.BinShares;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.DriftMethod;
import org.mlops4j.drift.MissingPolicy;

/**
 * Evaluates a numeric feature's current window given as a summary (a KLL sketch of its finite
 * values, exact missing, infinite, 0 and 1 counts, optionally exact counts per reference bin)
 * against a fitted {@link NumericReference}, following {@link FeatureEvaluator#numeric}:
 *
 * <ul>
 *   <li>KS D = sup |F_ref(x) - F_cur(x)| over the reference's values (or its sketch's items) and
 *       the current sketch's items, both sides of each jump; within the sum of the sketches'
 *       normalized rank errors (99% confidence; 0 for an exact side) of the exact D, written as the
 *       metric {@code ks_error_bound}; asymptotic p-value (Kolmogorov's distribution with the
 *       effective size nm/(n+m));
 *   <li>PSI from the exact counts over the reference's bins when given, else from the sketch's
 *       ranks;
 *   <li>Wasserstein-1 on a grid of 1,000 quantile levels {@code (k + 0.5) / 1000} of both sides (as
 *       against a sketched reference);
 *   <li>the two-proportion z-test of the share of ones and the missing-rate z-test from exact
 *       counts.
 * </ul>
 *
 * Cramér–von Mises and Anderson–Darling need both samples: such a feature is reported not tested.
 */
public final class SummaryEvaluator {
  private static final int GRID = 1000;

  private SummaryEvaluator() {}

  /**
   * Evaluates a summarized window.
   *
   * @param binEdges the edges of the exact bin counts, or null (then PSI from the sketch's ranks)
   * @throws IllegalArgumentException if the window has missing or infinite values under {@link
   *     MissingPolicy#FAIL}
   */
  public static FeatureEvaluation numeric(
      NumericReference r,
      KllDoublesSketch cur,
      long missing,
      long infinite,
      long zeros,
      long ones,
      double @Nullable [] binEdges,
      long @Nullable [] bins,
      DriftDetector detector) {
    long m = cur.getN();
    long rows = m + missing + infinite;
    FeatureEvaluator.requireMissingPolicy(r, rows, missing, infinite, detector);
    FeatureEvaluation e = FeatureEvaluator.numericEvaluation(r, m, missing, infinite);
    if (m == 0) {
      return FeatureEvaluator.withoutNumericValues(e, r, rows, missing, infinite, detector);
    }
    List<String> notes = new ArrayList<>();
    DriftMethod method = r.method;
    long outside = m - zeros - ones;
    if (r.binary && outside > 0) {
      // the sketch keeps no example of a value outside {0, 1}
      method = FeatureEvaluator.schemaChange(e, r, outside, m, "", detector, notes);
    }

    double refError;
    double d;
    double w;
    if (r.sketch != null) {
      synchronized (r.sketch) { // the sketch builds its sorted view lazily
        refError = rankError(r.sketch);
        d = ks(null, r.sketch, cur);
        w = wasserstein(null, r.sketch, cur);
      }
    } else {
      refError = 0;
      double[] sorted = Require.nonNull(r.sorted, "sorted");
      d = ks(sorted, null, cur);
      w = wasserstein(sorted, null, cur);
    }
    double curError = rankError(cur);
    double ksP =
        KolmogorovSmirnovDistribution.asymptoticSf(
            r.count, Math.toIntExact(m), d, KolmogorovSmirnovDistribution.TWO_SIDED);
    // the deciding test's statistic and p-value (KS, z), NaN for the others
    double statistic = Double.NaN;
    double pValue = Double.NaN;
    e.metrics.put("ks", d);
    if (method == DriftMethod.KOLMOGOROV_SMIRNOV) {
      statistic = d;
      pValue = ksP;
      e.metrics.put("ks_p", ksP);
    }
    e.metrics.put("ks_error_bound", refError + curError);
    boolean exactBins = binEdges != null && bins != null && Arrays.equals(binEdges, r.edges);
    notes.add(
        String.format(
            Locale.ROOT,
            "current of %d values summarized by a KLL sketch (k=%d): KS D within ±%.4f of the exact"
                + " D (99%% confidence), p-value asymptotic; Wasserstein on %d quantiles%s",
            m,
            cur.getK(),
            refError + curError,
            GRID,
            exactBins ? "" : "; PSI bin counts from the sketch's ranks"));

    long[] cc = exactBins ? bins.clone() : BaselineJson.sketchCounts(cur, r.edges, m);
    double psi = FeatureEvaluator.psi(e, r, cc, detector);
    double wstd = FeatureEvaluator.wasserstein(e, r, w, () -> w / 2, notes);
    if (outside > 0 && r.binary) {
      e.metrics.put("outside_domain_share", (double) outside / m);
    }

    if (method == DriftMethod.TWO_PROPORTION_Z) {
      double[] z = FeatureEvaluator.twoProportionZ(e, r, ones, m, outside > 0, notes);
      statistic = z[0];
      pValue = z[1];
    }
    if (method == DriftMethod.CRAMER_VON_MISES || method == DriftMethod.ANDERSON_DARLING) {
      e.tested = false;
      notes.add(
          0,
          "not tested: "
              + method.key()
              + " needs both samples, and the current is summarized ("
              + m
              + " values)");
    }
    FeatureEvaluator.missingRate(
        e, r.rows, r.missing + r.infinite, rows, missing + infinite, detector);
    FeatureEvaluator.decidingStatistic(e, method, statistic, pValue, psi, wstd, detector);
    e.shares =
        new BinShares(FeatureEvaluator.labels(r), FeatureEvaluator.shares(r.counts), shares(cc));
    e.valueShares = null;
    e.note = String.join("; ", notes);
    return e;
  }

  /** The normalized rank error of a sketch (99% confidence), 0 while it holds every value. */
  static double rankError(KllDoublesSketch s) {
    return s.isEstimationMode() ? s.getNormalizedRankError(false) : 0.0;
  }

  /** KS D between the reference (sorted sample or sketch) and the current sketch. */
  static double ks(
      double @Nullable [] sorted, @Nullable KllDoublesSketch ref, KllDoublesSketch cur) {
    double[] curItems = cur.getSortedView().getQuantiles();
    double[] refItems =
        sorted != null ? sorted : Require.nonNull(ref, "ref").getSortedView().getQuantiles();
    double[] xs = new double[curItems.length + refItems.length];
    System.arraycopy(curItems, 0, xs, 0, curItems.length);
    System.arraycopy(refItems, 0, xs, curItems.length, refItems.length);
    Arrays.sort(xs);
    int u = 0;
    for (int i = 0; i < xs.length; i++) {
      if (i == 0 || xs[i] != xs[u - 1]) {
        xs[u++] = xs[i];
      }
    }
    xs = Arrays.copyOf(xs, u);
    double[] ci = cur.getRanks(xs, QuantileSearchCriteria.INCLUSIVE);
    double[] ce = cur.getRanks(xs, QuantileSearchCriteria.EXCLUSIVE);
    double[] ri;
    double[] re;
    if (sorted != null) {
      int n = sorted.length;
      ri = new double[u];
      re = new double[u];
      for (int i = 0; i < u; i++) {
        ri[i] = (double) upperBound(sorted, xs[i]) / n;
        re[i] = (double) Stats.lowerBound(sorted, n, xs[i]) / n;
      }
    } else {
      ri = ref.getRanks(xs, QuantileSearchCriteria.INCLUSIVE);
      re = ref.getRanks(xs, QuantileSearchCriteria.EXCLUSIVE);
    }
    double best = 0;
    for (int i = 0; i < u; i++) {
      best = Math.max(best, Math.abs(ri[i] - ci[i]));
      best = Math.max(best, Math.abs(re[i] - ce[i]));
    }
    return Math.min(1.0, best);
  }

  /** Wasserstein-1 on a grid of quantile levels (k + 0.5) / 1000. */
  static double wasserstein(
      double @Nullable [] sorted, @Nullable KllDoublesSketch ref, KllDoublesSketch cur) {
    double[] ranks = new double[GRID];
    for (int k = 0; k < GRID; k++) {
      ranks[k] = (k + 0.5) / GRID;
    }
    double[] qc = cur.getQuantiles(ranks, QuantileSearchCriteria.INCLUSIVE);
    double[] qr;
    if (sorted != null) {
      qr = new double[GRID];
      for (int k = 0; k < GRID; k++) {
        int idx = (int) Math.ceil(ranks[k] * sorted.length) - 1;
        qr[k] = sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
      }
    } else {
      qr = Require.nonNull(ref, "ref").getQuantiles(ranks, QuantileSearchCriteria.INCLUSIVE);
    }
    double sum = 0;
    for (int k = 0; k < GRID; k++) {
      sum += Math.abs(qr[k] - qc[k]);
    }
    return sum / GRID;
  }

  private static int upperBound(double[] a, double x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static List<Double> shares(long[] counts) {
    return FeatureEvaluator.shares(counts);
  }
}
