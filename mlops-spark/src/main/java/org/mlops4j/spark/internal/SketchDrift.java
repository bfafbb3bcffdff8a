package org.mlops4j.spark.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.jspecify.annotations.Nullable;
import org.mlops4j.drift.BinShares;
import org.mlops4j.drift.ColumnKind;
import org.mlops4j.drift.ColumnType;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.DriftMethod;
import org.mlops4j.drift.FeatureDrift;
import org.mlops4j.drift.PsiLevel;
import org.mlops4j.drift.internal.KolmogorovSmirnovDistribution;
import org.mlops4j.drift.internal.NumericReference;
import org.mlops4j.drift.internal.Stats;

/**
 * One numeric feature's drift from a current column too large to collect: from its KLL sketch,
 * exact counts per reference bin, exact 0/1, missing and infinite counts. The statistics follow
 * {@code FeatureEvaluator.numeric} of the JVM API:
 *
 * <ul>
 *   <li>KS D = sup |F_ref(x) - F_cur(x)| over the reference's values (or its sketch's items) and
 *       the current sketch's items, both sides of each jump; within the sum of the sketches'
 *       normalized rank errors (99% confidence; 0 for an exact side) of the exact D; asymptotic
 *       p-value (Kolmogorov's distribution with the effective size nm/(n+m));
 *   <li>PSI from exact counts over the reference's bins (the same as the JVM);
 *   <li>Wasserstein-1 on a grid of 1,000 quantile levels of both sides (as the JVM does against a
 *       sketched reference);
 *   <li>the two-proportion z-test of the share of ones, and the missing-rate z-test, from exact
 *       counts.
 * </ul>
 *
 * Cramér–von Mises and Anderson–Darling need both samples: such a column is reported not tested.
 */
final class SketchDrift {
  private static final int GRID = 1000;

  private SketchDrift() {}

  static FeatureDrift numeric(
      NumericReference r, JsonNode node, NumericState cur, DriftDetector detector) {
    String name = r.name();
    long n = node.path("count").asLong();
    long refRows = node.path("rows").asLong();
    long refMissing = node.path("missing").asLong();
    long refInfinite = node.path("infinite").asLong();
    double std = node.path("std").asDouble();
    long refOnes = node.path("ones").asLong();
    boolean refBinary = node.path("binary").asBoolean();
    double[] sorted = doubles(node.get("sorted"));
    KllDoublesSketch refSketch =
        sorted == null
            ? KllDoublesSketch.heapify(
                Memory.wrap(Base64.getDecoder().decode(node.path("kll").asText())))
            : null;
    double[] edges = r.edges();
    long[] refCounts = r.counts();
    long m = cur.count();
    KllDoublesSketch cs = cur.sketch();
    List<String> notes = new ArrayList<>();
    Map<String, Double> metrics = new LinkedHashMap<>();

    DriftMethod method = r.method();
    ColumnKind kind = r.kind();
    String kindReason = r.kindReason();
    long outside = m - cur.zeros() - cur.ones();
    if (refBinary && outside > 0) {
      boolean automatic =
          method == DriftMethod.TWO_PROPORTION_Z && detector.methodFor(name).isEmpty();
      if (automatic) {
        method = DriftMethod.KOLMOGOROV_SMIRNOV;
        kind = ColumnKind.NUMERIC;
        kindReason =
            "numeric: binary in the reference (only 0 and 1), but the current has other values";
      }
      notes.add(
          "schema change: the current has values outside the reference's {0, 1} ("
              + outside
              + " of "
              + m
              + ")"
              + (automatic
                  ? "; compared as numeric (ks) instead of the two-proportion z-test"
                  : method == DriftMethod.TWO_PROPORTION_Z
                      ? "; the z-test compares the share of ones"
                      : ""));
    }

    double refError = refSketch == null ? 0 : rankError(refSketch);
    double curError = rankError(cs);
    double d = ks(sorted, refSketch, cs);
    double ksP =
        KolmogorovSmirnovDistribution.asymptoticSf(
            Math.toIntExact(n), Math.toIntExact(m), d, KolmogorovSmirnovDistribution.TWO_SIDED);
    boolean ksDecides = method == DriftMethod.KOLMOGOROV_SMIRNOV;
    metrics.put("ks", d);
    if (ksDecides) {
      metrics.put("ks_p", ksP);
    }
    metrics.put("ks_error_bound", refError + curError);
    notes.add(
        String.format(
            Locale.ROOT,
            "current of %d values summarized by a KLL sketch (k=%d): KS D within ±%.4f of the exact"
                + " D (99%% confidence), p-value asymptotic; Wasserstein on %d quantiles",
            m,
            cs.getK(),
            refError + curError,
            GRID));

    long[] cc = Arrays.copyOf(cur.bins(), cur.bins().length);
    double psi = Stats.psi(refCounts, cc, detector.epsilon());
    metrics.put("psi", psi);
    metrics.put("psi_bins", (double) refCounts.length);

    double w = wasserstein(sorted, refSketch, cs);
    metrics.put("wasserstein", w);
    double wstd;
    if (std > 0) {
      wstd = w / std;
    } else {
      wstd = w;
      notes.add("reference is constant: wasserstein_std is the raw distance");
    }
    metrics.put("wasserstein_std", wstd);
    if (outside > 0 && refBinary) {
      metrics.put("outside_domain_share", (double) outside / m);
    }

    boolean tested = true;
    double zStat = 0;
    double zP = 1;
    if (method == DriftMethod.TWO_PROPORTION_Z) {
      if (outside > 0 && !refBinary) {
        notes.add("current has values other than 0 and 1; z-test compares the share of ones");
      }
      double[] z = Stats.twoProportionZ(refOnes, n, cur.ones(), m);
      zStat = z[0];
      zP = z[1];
      metrics.put("share_ones_ref", (double) refOnes / n);
      metrics.put("share_ones_cur", (double) cur.ones() / m);
      metrics.put("z", zStat);
      metrics.put("z_p", zP);
    }
    if (method == DriftMethod.CRAMER_VON_MISES || method == DriftMethod.ANDERSON_DARLING) {
      tested = false;
      notes.add(
          0,
          "not tested: "
              + method.key()
              + " needs both samples, and the current has "
              + m
              + " values, above the exact limit");
    }
    long refBad = refMissing + refInfinite;
    long curBad = cur.missing() + cur.infinite();
    boolean missingRateDrifted = false;
    if (refBad + curBad > 0 && refRows > 0 && cur.rows() > 0) {
      metrics.put("missing_rate_ref", (double) refBad / refRows);
      metrics.put("missing_rate_cur", (double) curBad / cur.rows());
      double[] z = Stats.twoProportionZ(refBad, refRows, curBad, cur.rows());
      metrics.put("missing_rate_p", z[1]);
      missingRateDrifted = z[1] < detector.alpha();
    }

    boolean gate = psi >= detector.psiGate() || wstd >= detector.wassersteinGate();
    double statistic;
    double p = Double.NaN;
    switch (method) {
      case KOLMOGOROV_SMIRNOV -> {
        statistic = d;
        p = ksP;
      }
      case TWO_PROPORTION_Z -> {
        statistic = zStat;
        p = zP;
      }
      case PSI -> {
        statistic = psi;
        gate = psi >= detector.psiGate();
      }
      case WASSERSTEIN -> {
        statistic = wstd;
        gate = wstd >= detector.wassersteinGate();
      }
      default -> statistic = Double.NaN;
    }
    OptionalDouble pv =
        tested && method.hasPValue() ? OptionalDouble.of(p) : OptionalDouble.empty();
    if (!tested) {
      statistic = Double.NaN;
    }
    FeatureDrift f =
        new FeatureDrift(
            name,
            ColumnType.NUMERIC,
            kind,
            kindReason,
            method,
            tested,
            statistic,
            pv,
            pv,
            gate,
            false,
            PsiLevel.of(psi, detector.psiModerate(), detector.psiSignificant()),
            n,
            m,
            refMissing,
            cur.missing(),
            refInfinite,
            cur.infinite(),
            missingRateDrifted,
            metrics,
            new BinShares(Stats.binLabels(edges), shares(refCounts), shares(cc)),
            String.join("; ", notes),
            Optional.empty());
    return DriftComputation.decided(f, pv, detector);
  }

  /** The normalized rank error of a sketch (99% confidence), 0 while it holds every value. */
  static double rankError(KllDoublesSketch s) {
    return s.isEstimationMode() ? s.getNormalizedRankError(false) : 0.0;
  }

  /** KS D between the reference (sorted sample or sketch) and the current sketch. */
  static double ks(
      double @Nullable [] sorted, @Nullable KllDoublesSketch ref, KllDoublesSketch cur) {
    double[] curItems = cur.getSortedView().getQuantiles();
    double[] refItems = sorted != null ? sorted : ref.getSortedView().getQuantiles();
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
        re[i] = (double) lowerBound(sorted, xs[i]) / n;
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
    double sum = 0;
    for (int k = 0; k < GRID; k++) {
      double qr;
      if (sorted != null) {
        int idx = (int) Math.ceil(ranks[k] * sorted.length) - 1;
        qr = sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
      } else {
        qr = ref.getQuantile(ranks[k], QuantileSearchCriteria.INCLUSIVE);
      }
      sum += Math.abs(qr - qc[k]);
    }
    return sum / GRID;
  }

  private static int lowerBound(double[] a, double x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
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

  private static double @Nullable [] doubles(@Nullable JsonNode array) {
    if (array == null || !array.isArray()) {
      return null;
    }
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
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
}
