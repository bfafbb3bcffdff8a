package org.mlops4j.registry.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.fairness.Disparity;
import org.mlops4j.fairness.FairnessReport;
import org.mlops4j.fairness.FourFifthsRule;
import org.mlops4j.registry.BootstrapDifference;
import org.mlops4j.registry.EvaluationMetric;
import org.mlops4j.registry.Gate;
import org.mlops4j.registry.GateResult;
import org.mlops4j.registry.McNemar;
import org.mlops4j.registry.ModelVersion;
import org.mlops4j.registry.PromotionEvidence;
import org.mlops4j.report.internal.Numbers;

/** Evaluates declared gates on a candidate version and its evidence. Missing evidence fails. */
public final class GateEvaluator {
  private GateEvaluator() {}

  /**
   * @param gates the gates
   * @param candidate the version to promote
   * @param current the version at the target now, or null
   * @param evidence the evidence
   * @return one result per gate, in order
   */
  public static List<GateResult> evaluate(
      List<Gate> gates,
      ModelVersion candidate,
      @Nullable ModelVersion current,
      PromotionEvidence evidence) {
    List<GateResult> out = new ArrayList<>();
    for (Gate g : gates) {
      GateResult r;
      try {
        r = evaluate(g, candidate, current, evidence);
      } catch (RuntimeException e) {
        r = new GateResult(g, false, Double.NaN, "failed to evaluate: " + e);
      }
      out.add(r);
    }
    return out;
  }

  private static GateResult evaluate(
      Gate g, ModelVersion candidate, @Nullable ModelVersion current, PromotionEvidence ev) {
    return switch (g.kind()) {
      case METRIC_MIN, METRIC_MAX -> {
        Double v = candidate.metrics().get(g.subject());
        if (v == null) {
          yield fail(g, "version has no metric '" + g.subject() + "'");
        }
        boolean ok =
            g.kind() == org.mlops4j.registry.GateKind.METRIC_MIN
                ? v >= g.threshold()
                : v <= g.threshold();
        yield new GateResult(
            g,
            ok,
            v,
            "logged with v"
                + candidate.version()
                + (ok
                    ? ""
                    : ", "
                        + (g.kind() == org.mlops4j.registry.GateKind.METRIC_MIN
                            ? "below the minimum"
                            : "above the maximum")));
      }
      case MCNEMAR -> {
        if (current == null) {
          yield new GateResult(g, true, Double.NaN, "nothing at the target: not compared");
        }
        Optional<double[]> y = ev.labels();
        Optional<double[]> a = ev.candidatePredictions();
        Optional<double[]> o = ev.currentPredictions();
        if (y.isEmpty() || a.isEmpty() || o.isEmpty()) {
          yield fail(g, "no evaluation data with the current version's predictions given");
        }
        double[] yy = y.get();
        boolean[] ca = new boolean[yy.length];
        boolean[] co = new boolean[yy.length];
        for (int i = 0; i < yy.length; i++) {
          ca[i] = a.get()[i] == yy[i];
          co[i] = o.get()[i] == yy[i];
        }
        McNemar m = McNemar.test(ca, co);
        boolean worse = m.pValue() < g.threshold() && m.c() > m.b();
        yield new GateResult(
            g,
            !worse,
            m.pValue(),
            String.format(
                Locale.ROOT,
                "v%d vs v%d: b=%d c=%d, %s",
                candidate.version(),
                current.version(),
                m.b(),
                m.c(),
                m.exact() ? "exact binomial" : "chi-square, corrected"));
      }
      case BOOTSTRAP -> {
        if (current == null) {
          yield new GateResult(g, true, Double.NaN, "nothing at the target: not compared");
        }
        Optional<EvaluationMetric> metric = ev.metric(g.subject());
        if (metric.isEmpty()) {
          yield fail(g, "no metric '" + g.subject() + "' (built in: accuracy, neg_mae, neg_mse)");
        }
        Optional<double[]> y = ev.labels();
        Optional<double[]> a = ev.candidatePredictions();
        Optional<double[]> o = ev.currentPredictions();
        if (y.isEmpty() || a.isEmpty() || o.isEmpty()) {
          yield fail(g, "no evaluation data with the current version's predictions given");
        }
        BootstrapDifference d =
            BootstrapDifference.compute(
                g.subject(),
                metric.get(),
                y.get(),
                a.get(),
                o.get(),
                g.setting("level", Gate.DEFAULT_LEVEL),
                (int) g.setting("resamples", Gate.DEFAULT_RESAMPLES),
                (long) g.setting("seed", Gate.DEFAULT_SEED));
        yield new GateResult(
            g,
            d.lower() >= g.threshold(),
            d.lower(),
            "difference "
                + Numbers.format(d.estimate())
                + ", "
                + Numbers.format(100 * g.setting("level", Gate.DEFAULT_LEVEL))
                + "% CI ["
                + Numbers.format(d.lower())
                + ", "
                + Numbers.format(d.upper())
                + "]");
      }
      case FAIRNESS_MAX, FAIRNESS_MIN -> {
        Optional<FairnessReport> f = ev.fairness();
        if (f.isEmpty()) {
          yield fail(g, "no fairness report given");
        }
        Disparity d = f.get().disparity(g.subject());
        if (!d.defined()) {
          yield fail(g, "undefined: " + d.reason());
        }
        boolean ok =
            g.kind() == org.mlops4j.registry.GateKind.FAIRNESS_MAX
                ? d.value() <= g.threshold()
                : d.value() >= g.threshold();
        String groups = d.groupA().isEmpty() ? "" : d.groupA() + " vs " + d.groupB();
        String side =
            g.kind() == org.mlops4j.registry.GateKind.FAIRNESS_MAX
                ? "above the maximum"
                : "below the minimum";
        yield new GateResult(
            g, ok, d.value(), ok ? groups : groups.isEmpty() ? side : groups + ", " + side);
      }
      case FOUR_FIFTHS -> {
        Optional<FairnessReport> f = ev.fairness();
        if (f.isEmpty()) {
          yield fail(g, "no fairness report given");
        }
        FourFifthsRule rule = f.get().fourFifthsRule();
        double min =
            rule.ratios().values().stream()
                .mapToDouble(Double::doubleValue)
                .min()
                .orElse(Double.NaN);
        yield new GateResult(g, rule.passed(), min, rule.toString());
      }
      case DRIFT_SHARE_MAX -> {
        Optional<DriftReport> d = ev.drift();
        if (d.isEmpty()) {
          yield fail(g, "no drift report given");
        }
        DriftReport r = d.get();
        yield new GateResult(
            g,
            r.driftedShare() <= g.threshold(),
            r.driftedShare(),
            r.driftedCount()
                + " of "
                + r.comparedCount()
                + " compared features drifted"
                + (r.driftedCount() == 0 ? "" : ": " + String.join(", ", drifted(r))));
      }
      case LATENCY -> {
        Optional<List<Runnable>> calls = ev.predictCalls();
        if (calls.isEmpty()) {
          yield fail(g, "no predict function with sample inputs given");
        }
        double[] ms =
            measure(
                calls.get(),
                (int) g.setting("warmup", Gate.DEFAULT_WARMUP),
                (int) g.setting("calls", Gate.DEFAULT_CALLS));
        double p50 = nearestRank(ms, 0.50);
        double p99 = nearestRank(ms, 0.99);
        double p99Budget = g.setting("p99Millis", g.threshold());
        yield new GateResult(
            g,
            p50 <= g.threshold() && p99 <= p99Budget,
            p50,
            "p50 "
                + Numbers.format(p50)
                + " ms, p99 "
                + Numbers.format(p99)
                + " ms over "
                + ms.length
                + " calls");
      }
      case SIZE_MAX -> {
        long bytes = candidate.totalBytes();
        yield new GateResult(
            g,
            bytes <= g.threshold(),
            bytes,
            candidate.artifacts().size()
                + (candidate.artifacts().size() == 1 ? " file" : " files"));
      }
    };
  }

  private static List<String> drifted(DriftReport r) {
    List<String> out = new ArrayList<>();
    r.features()
        .forEach(
            f -> {
              if (f.drifted()) {
                out.add(f.feature());
              }
            });
    return out;
  }

  private static GateResult fail(Gate g, String why) {
    return new GateResult(g, false, Double.NaN, why);
  }

  /**
   * Calls the predict calls in turn: {@code warmup} untimed, then {@code n} timed with {@link
   * System#nanoTime()}.
   *
   * @return the {@code n} durations in milliseconds
   */
  static double[] measure(List<Runnable> calls, int warmup, int n) {
    int k = calls.size();
    for (int i = 0; i < warmup; i++) {
      calls.get(i % k).run();
    }
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      Runnable r = calls.get(i % k);
      long t0 = System.nanoTime();
      r.run();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    return ms;
  }

  /** The nearest-rank percentile: the ceil(q n)-th smallest value. */
  static double nearestRank(double[] values, double q) {
    double[] s = values.clone();
    Arrays.sort(s);
    int rank = (int) Math.ceil(q * s.length);
    return s[Math.max(0, rank - 1)];
  }
}
