package org.mlops4j.fairness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.Binning;
import org.mlops4j.api.internal.Require;
import org.mlops4j.fairness.Disparity.Basis;
import org.mlops4j.fairness.Disparity.Scale;
import org.mlops4j.fairness.DisparityEngine.Aggregation;
import org.mlops4j.fairness.DisparityEngine.Spec;
import org.mlops4j.fairness.internal.Bootstrap;
import org.mlops4j.fairness.internal.Calibrations;
import org.mlops4j.fairness.internal.Percentiles;

/**
 * The computation behind {@link FairnessAuditor#audit}: a {@link FairnessReport} from counts (and
 * scores). Package-private; the auditor checks the arguments first.
 */
final class ReportComputation {

  static final double FOUR_FIFTHS = 0.8;

  private ReportComputation() {}

  static String key(RateMetric m) {
    return m.name().toLowerCase(Locale.ROOT);
  }

  static List<Spec> criteriaSpecs() {
    RateMetric[] eo = {RateMetric.TPR, RateMetric.FPR};
    Basis bg = Basis.BETWEEN_GROUPS;
    return List.of(
        single("demographic_parity_difference", RateMetric.SELECTION_RATE, bg, Scale.DIFFERENCE),
        single("demographic_parity_ratio", RateMetric.SELECTION_RATE, bg, Scale.RATIO),
        new Spec("equalized_odds_difference", eo, Aggregation.WORST, bg, Scale.DIFFERENCE),
        new Spec("equalized_odds_difference_mean", eo, Aggregation.MEAN, bg, Scale.DIFFERENCE),
        new Spec("equalized_odds_ratio", eo, Aggregation.WORST, bg, Scale.RATIO),
        single("equal_opportunity_difference", RateMetric.TPR, bg, Scale.DIFFERENCE),
        single("equal_opportunity_ratio", RateMetric.TPR, bg, Scale.RATIO),
        single("predictive_parity_difference", RateMetric.PPV, bg, Scale.DIFFERENCE),
        single("predictive_parity_ratio", RateMetric.PPV, bg, Scale.RATIO),
        single("false_positive_rate_parity_difference", RateMetric.FPR, bg, Scale.DIFFERENCE),
        single("false_positive_rate_parity_ratio", RateMetric.FPR, bg, Scale.RATIO),
        new Spec(
            "disparate_impact",
            new RateMetric[] {RateMetric.SELECTION_RATE},
            Aggregation.DISPARATE_IMPACT,
            Basis.TO_REFERENCE,
            Scale.RATIO));
  }

  static List<Spec> genericSpecs(boolean withReference) {
    List<Spec> out = new ArrayList<>();
    for (RateMetric m : RateMetric.values()) {
      for (Basis b : Basis.values()) {
        if (b == Basis.TO_REFERENCE && !withReference) {
          continue;
        }
        if (m == RateMetric.SELECTION_RATE && b == Basis.BETWEEN_GROUPS) {
          // one name per number: these are demographic_parity_difference and _ratio
          continue;
        }
        for (Scale k : Scale.values()) {
          String name =
              key(m)
                  + "_"
                  + k.name().toLowerCase(Locale.ROOT)
                  + "_"
                  + b.name().toLowerCase(Locale.ROOT);
          out.add(single(name, m, b, k));
        }
      }
    }
    RateMetric[] eo = {RateMetric.TPR, RateMetric.FPR};
    for (Basis b : new Basis[] {Basis.TO_OVERALL, Basis.TO_REFERENCE}) {
      if (b == Basis.TO_REFERENCE && !withReference) {
        continue;
      }
      String basis = b.name().toLowerCase(Locale.ROOT);
      out.add(
          new Spec(
              "equalized_odds_difference_" + basis, eo, Aggregation.WORST, b, Scale.DIFFERENCE));
      out.add(new Spec("equalized_odds_ratio_" + basis, eo, Aggregation.WORST, b, Scale.RATIO));
    }
    return out;
  }

  private static Spec single(String name, RateMetric m, Basis b, Scale k) {
    return new Spec(name, new RateMetric[] {m}, Aggregation.SINGLE, b, k);
  }

  static FairnessReport fromCounts(GroupCounts counts, AuditSettings s) {
    List<String> names = counts.groups();
    int groups = names.size();
    String[] nameArray = names.toArray(new String[0]);
    List<GroupMetrics> metrics = new ArrayList<>();
    long[][] rows = new long[groups][];
    double[][] w = new double[groups][];
    boolean[] eligible = new boolean[groups];
    long[] allRows = new long[4];
    double[] allW = new double[4];
    double[] allSq = new double[4];
    for (int g = 0; g < groups; g++) {
      String name = nameArray[g];
      rows[g] = counts.rowsOf(name);
      w[g] = counts.weightsOf(name);
      double[] sq = counts.squaresOf(name);
      GroupMetrics gm = GroupMetrics.of(name, rows[g], w[g], sq, s.minGroupSize(), s.level());
      metrics.add(gm);
      eligible[g] = gm.status() == GroupStatus.OK;
      for (int c = 0; c < 4; c++) {
        allRows[c] += rows[g][c];
        allW[c] += w[g][c];
        allSq[c] += sq[c];
      }
    }
    GroupMetrics overall = GroupMetrics.of("overall", allRows, allW, allSq, 0, s.level());
    int ref = s.reference() == null ? -1 : names.indexOf(s.reference());
    if (s.reference() != null && ref < 0) {
      throw new IllegalArgumentException(
          Require.mustBe("reference", "one of the groups " + names, "'" + s.reference() + "'"));
    }
    List<Spec> criteria = criteriaSpecs();
    List<Spec> generic = genericSpecs(ref >= 0);
    List<Spec> all = new ArrayList<>(criteria);
    all.addAll(generic);

    DisparityEngine engine = new DisparityEngine(nameArray, w, eligible, ref, s.minGroupSize());
    List<Disparity> values = new ArrayList<>();
    for (Spec spec : all) {
      values.add(toDisparity(spec, engine.evaluate(spec), nameArray));
    }
    if (s.resamples() > 0) {
      double[][] reps =
          Bootstrap.run(
              rows,
              w,
              s.stratified(),
              s.resamples(),
              s.seed(),
              bw -> {
                DisparityEngine e =
                    new DisparityEngine(nameArray, bw, eligible, ref, s.minGroupSize());
                double[] out = new double[all.size()];
                for (int k = 0; k < out.length; k++) {
                  DisparityEngine.Result r = e.evaluate(all.get(k));
                  out[k] = r.defined() ? r.value() : Double.NaN;
                }
                return out;
              });
      for (int k = 0; k < all.size(); k++) {
        Disparity d = values.get(k);
        Interval ci = percentileInterval(reps, k, s.level());
        if (d.defined() && ci != null) {
          values.set(k, d.withInterval(ci));
        }
      }
    }
    List<Disparity> crit = List.copyOf(values.subList(0, criteria.size()));
    List<Disparity> gen = List.copyOf(values.subList(criteria.size(), values.size()));
    FourFifthsRule ff = fourFifths(metrics, s);
    List<String> notes = new ArrayList<>();
    for (GroupMetrics gm : metrics) {
      if (gm.status() == GroupStatus.TOO_SMALL) {
        notes.add(
            "group '"
                + gm.name()
                + "' has "
                + gm.size()
                + " rows, fewer than the minimum "
                + s.minGroupSize()
                + ": TOO_SMALL, not judged");
      }
      for (RateMetric m : RateMetric.values()) {
        if (!gm.rate(m).defined()) {
          notes.add(gm.rate(m).reason());
        }
      }
    }
    return new FairnessReport(s, metrics, overall, crit, gen, ff, List.of(), List.of(), notes);
  }

  private static Disparity toDisparity(Spec spec, DisparityEngine.Result r, String[] names) {
    if (!r.defined()) {
      return Disparity.undefined(spec.name(), spec.basis(), spec.scale(), r.reason());
    }
    String a = names[r.a()];
    String b = r.b() == DisparityEngine.OVERALL ? "overall" : names[r.b()];
    return Disparity.of(spec.name(), spec.basis(), spec.scale(), r.value(), a, b, null);
  }

  static FourFifthsRule fourFifths(List<GroupMetrics> metrics, AuditSettings s) {
    List<GroupMetrics> judged = new ArrayList<>();
    for (GroupMetrics gm : metrics) {
      if (gm.status() == GroupStatus.OK && gm.selectionRate().defined()) {
        judged.add(gm);
      }
    }
    GroupMetrics ref = null;
    if (s.reference() != null) {
      for (GroupMetrics gm : metrics) {
        if (gm.name().equals(s.reference())) {
          ref = gm;
        }
      }
      if (ref.status() == GroupStatus.TOO_SMALL) {
        return undefinedRule(
            "reference group '" + ref.name() + "' has fewer than " + s.minGroupSize() + " rows");
      }
    } else {
      for (GroupMetrics gm : judged) {
        if (ref == null || gm.selectionRate().value() > ref.selectionRate().value()) {
          ref = gm;
        }
      }
    }
    if (judged.size() < 2 || ref == null) {
      return undefinedRule("fewer than two groups with at least " + s.minGroupSize() + " rows");
    }
    if (!ref.selectionRate().defined()) {
      return undefinedRule(ref.selectionRate().reason());
    }
    double refRate = ref.selectionRate().value();
    if (refRate == 0) {
      return undefinedRule("selection rate of reference group '" + ref.name() + "' is 0");
    }
    Map<String, Double> ratios = new LinkedHashMap<>();
    List<String> failing = new ArrayList<>();
    for (GroupMetrics gm : judged) {
      if (gm == ref) {
        continue;
      }
      double ratio = gm.selectionRate().value() / refRate;
      ratios.put(gm.name(), ratio);
      if (ratio < FOUR_FIFTHS - 1e-12) {
        failing.add(gm.name());
      }
    }
    return new FourFifthsRule(ref.name(), FOUR_FIFTHS, ratios, failing, true, "");
  }

  private static FourFifthsRule undefinedRule(String reason) {
    return new FourFifthsRule("", FOUR_FIFTHS, Map.of(), List.of(), false, reason);
  }

  static FairnessReport withCalibration(
      FairnessReport report,
      int[] y,
      double[] scores,
      int[] codes,
      List<String> codeNames,
      AuditSettings s) {
    int k = codeNames.size();
    int[] sizes = new int[k];
    for (int c : codes) {
      sizes[c]++;
    }
    int[][] gy = new int[k][];
    double[][] gs = new double[k][];
    for (int g = 0; g < k; g++) {
      gy[g] = new int[sizes[g]];
      gs[g] = new double[sizes[g]];
    }
    int[] fill = new int[k];
    for (int i = 0; i < codes.length; i++) {
      int g = codes[i];
      gy[g][fill[g]] = y[i];
      gs[g][fill[g]++] = scores[i];
    }
    List<GroupCalibration> out = new ArrayList<>();
    for (GroupMetrics gm : report.groups()) {
      int g = codeNames.indexOf(gm.name());
      out.add(calibrate(gm.name(), gy[g], gs[g], gm.status(), s));
    }
    GroupCalibration overall = calibrate("overall", y, scores, GroupStatus.OK, s);
    List<GroupCalibration> judged = out.stream().filter(c -> c.status() == GroupStatus.OK).toList();
    List<String> notes = new ArrayList<>(report.notes());
    double[][] reps = null;
    if (s.resamples() > 0 && judged.size() >= 2) {
      if ((double) y.length * s.resamples() > CALIBRATION_BOOTSTRAP_LIMIT) {
        notes.add(
            String.format(
                Locale.ROOT,
                "calibration disparities have no bootstrap interval: rows x resamples = %.3g"
                    + " exceeds %.0e (the calibration bootstrap resamples rows)",
                (double) y.length * s.resamples(),
                CALIBRATION_BOOTSTRAP_LIMIT));
      } else {
        reps = calibrationBootstrap(judged, codeNames, gy, gs, codes, y, scores, s);
      }
    }
    return withCalibration(report, out, overall, reps, notes, s);
  }

  /**
   * The report with calibration from accumulated counts ({@link CalibrationCounts}, equal-width
   * bins): the same curves and errors as from the rows, the disparities without a bootstrap
   * interval (the calibration bootstrap resamples rows).
   */
  static FairnessReport withCalibration(
      FairnessReport report, CalibrationCounts counts, AuditSettings s) {
    List<GroupCalibration> out = new ArrayList<>();
    for (GroupMetrics gm : report.groups()) {
      out.add(calibration(gm.name(), counts.curve(gm.name()), gm.status(), s));
    }
    GroupCalibration overall = calibration("overall", counts.curve(null), GroupStatus.OK, s);
    List<String> notes = new ArrayList<>(report.notes());
    long judged = out.stream().filter(c -> c.status() == GroupStatus.OK).count();
    if (s.resamples() > 0 && judged >= 2) {
      notes.add(
          "calibration disparities have no bootstrap interval: calibration was computed from"
              + " counts per bin (the calibration bootstrap resamples rows)");
    }
    return withCalibration(report, out, overall, null, notes, s);
  }

  private static FairnessReport withCalibration(
      FairnessReport report,
      List<GroupCalibration> out,
      GroupCalibration overall,
      double @Nullable [][] reps,
      List<String> notes,
      AuditSettings s) {
    List<GroupCalibration> judged = out.stream().filter(c -> c.status() == GroupStatus.OK).toList();
    List<Disparity> disparities = new ArrayList<>();
    for (int m = 0; m < CALIBRATION_NAMES.length; m++) {
      String name = CALIBRATION_NAMES[m];
      String full = name + "_difference_between_groups";
      if (judged.size() < 2) {
        disparities.add(
            Disparity.undefined(
                full,
                Basis.BETWEEN_GROUPS,
                Scale.DIFFERENCE,
                "fewer than two groups with at least " + s.minGroupSize() + " rows"));
        continue;
      }
      GroupCalibration hi = judged.get(0);
      GroupCalibration lo = judged.get(0);
      for (GroupCalibration c : judged) {
        if (value(c, name) > value(hi, name)) {
          hi = c;
        }
        if (value(c, name) < value(lo, name)) {
          lo = c;
        }
      }
      Interval ci = reps == null ? null : percentileInterval(reps, m, s.level());
      disparities.add(
          Disparity.of(
              full,
              Basis.BETWEEN_GROUPS,
              Scale.DIFFERENCE,
              value(hi, name) - value(lo, name),
              hi.group(),
              lo.group(),
              ci));
    }
    if (judged.size() >= 2) {
      GroupCalibration hi = judged.get(0);
      GroupCalibration lo = judged.get(0);
      double maxEce = 0;
      for (GroupCalibration c : judged) {
        hi = c.baseRate() > hi.baseRate() ? c : hi;
        lo = c.baseRate() < lo.baseRate() ? c : lo;
        maxEce = Math.max(maxEce, c.ece());
      }
      if (hi.baseRate() - lo.baseRate() > 1e-12) {
        Disparity fpr = report.disparity("fpr_difference_between_groups");
        Disparity fnr = report.disparity("fnr_difference_between_groups");
        notes.add(
            String.format(
                Locale.ROOT,
                "Base rates differ between groups (%.3f in \"%s\" to %.3f in \"%s\"): unless the"
                    + " predictor is perfect, calibration within groups and equal false-positive"
                    + " and false-negative rates across groups cannot all hold at once (Kleinberg,"
                    + " Mullainathan and Raghavan, 2016, \"Inherent Trade-Offs in the Fair"
                    + " Determination of Risk Scores\"). Both are shown: largest group ECE %.3f;"
                    + " FPR difference %s; FNR difference %s.",
                lo.baseRate(),
                lo.group(),
                hi.baseRate(),
                hi.group(),
                maxEce,
                fmt(fpr),
                fmt(fnr)));
      }
    }
    return report.withCalibration(out, overall, disparities, notes);
  }

  /** Above rows x resamples the O(B n) calibration bootstrap is skipped. */
  static final double CALIBRATION_BOOTSTRAP_LIMIT = 2e8;

  private static final String[] CALIBRATION_NAMES = {
    "ece", "mce", "calibration_in_the_large", "brier"
  };

  /**
   * Row bootstrap of the calibration differences between the judged groups: stratified, each
   * group's rows are resampled with replacement keeping its size; otherwise all rows are resampled
   * together. Quantile edges are recomputed per replicate.
   *
   * @return [replicate][ece, mce, citl, brier differences], NaN when fewer than two groups
   */
  private static double[][] calibrationBootstrap(
      List<GroupCalibration> judged,
      List<String> codeNames,
      int[][] gy,
      double[][] gs,
      int[] codes,
      int[] y,
      double[] scores,
      AuditSettings s) {
    SplittableRandom random = new SplittableRandom(s.seed() ^ 0x5DEECE66DL);
    int[] judgedCodes = judged.stream().mapToInt(c -> codeNames.indexOf(c.group())).toArray();
    boolean[] isJudged = new boolean[codeNames.size()];
    for (int c : judgedCodes) {
      isJudged[c] = true;
    }
    double[][] reps = new double[s.resamples()][];
    for (int b = 0; b < reps.length; b++) {
      int[][] ry = new int[judgedCodes.length][];
      double[][] rs = new double[judgedCodes.length][];
      if (s.stratified()) {
        for (int j = 0; j < judgedCodes.length; j++) {
          int[] yy = gy[judgedCodes[j]];
          double[] ss = gs[judgedCodes[j]];
          ry[j] = new int[yy.length];
          rs[j] = new double[yy.length];
          for (int i = 0; i < yy.length; i++) {
            int k = random.nextInt(yy.length);
            ry[j][i] = yy[k];
            rs[j][i] = ss[k];
          }
        }
      } else {
        int[] sizes = new int[codeNames.size()];
        int[] draws = new int[y.length];
        for (int i = 0; i < y.length; i++) {
          draws[i] = random.nextInt(y.length);
          sizes[codes[draws[i]]]++;
        }
        int[] fill = new int[codeNames.size()];
        int[][] byCodeY = new int[codeNames.size()][];
        double[][] byCodeS = new double[codeNames.size()][];
        for (int c = 0; c < sizes.length; c++) {
          byCodeY[c] = new int[sizes[c]];
          byCodeS[c] = new double[sizes[c]];
        }
        for (int k : draws) {
          int c = codes[k];
          byCodeY[c][fill[c]] = y[k];
          byCodeS[c][fill[c]++] = scores[k];
        }
        for (int j = 0; j < judgedCodes.length; j++) {
          ry[j] = byCodeY[judgedCodes[j]];
          rs[j] = byCodeS[judgedCodes[j]];
        }
      }
      double[][] values = new double[4][];
      for (int k = 0; k < 4; k++) {
        values[k] = new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
      }
      int present = 0;
      for (int j = 0; j < judgedCodes.length; j++) {
        if (ry[j].length == 0) {
          continue;
        }
        present++;
        GroupCalibration c = calibrate("", ry[j], rs[j], GroupStatus.OK, s);
        double[] v = {c.ece(), c.mce(), c.calibrationInTheLarge(), c.brier()};
        for (int k = 0; k < 4; k++) {
          values[k][0] = Math.min(values[k][0], v[k]);
          values[k][1] = Math.max(values[k][1], v[k]);
        }
      }
      double[] rep = new double[4];
      for (int k = 0; k < 4; k++) {
        rep[k] = present >= 2 ? values[k][1] - values[k][0] : Double.NaN;
      }
      reps[b] = rep;
    }
    return reps;
  }

  /** Percentile interval of column k over defined replicates; null if fewer than half are. */
  static Interval percentileInterval(double[][] reps, int k, double level) {
    double[] col = new double[reps.length];
    int m = 0;
    for (double[] rep : reps) {
      if (!Double.isNaN(rep[k])) {
        col[m++] = rep[k];
      }
    }
    if (m == 0 || m * 2 < reps.length) {
      return null;
    }
    double[] sorted = Arrays.copyOf(col, m);
    Arrays.sort(sorted);
    double alpha = 1 - level;
    return new Interval(
        Percentiles.ofSorted(sorted, alpha / 2),
        Percentiles.ofSorted(sorted, 1 - alpha / 2),
        level,
        "bootstrap-percentile");
  }

  private static String fmt(Disparity d) {
    return d.defined() ? String.format(Locale.ROOT, "%.3f", d.value()) : "undefined";
  }

  private static double value(GroupCalibration c, String name) {
    return switch (name) {
      case "ece" -> c.ece();
      case "mce" -> c.mce();
      case "calibration_in_the_large" -> c.calibrationInTheLarge();
      default -> c.brier();
    };
  }

  static GroupCalibration calibrate(
      String name, int[] y, double[] s, GroupStatus status, AuditSettings settings) {
    double[] edges =
        settings.binning() == Binning.EQUAL_WIDTH
            ? Calibrations.equalWidthEdges(settings.bins())
            : Calibrations.quantileEdges(s, settings.bins());
    return calibration(name, Calibrations.curve(y, s, edges), status, settings);
  }

  private static GroupCalibration calibration(
      String name, Calibrations.Curve c, GroupStatus status, AuditSettings settings) {
    List<CalibrationBin> bins =
        c.bins().stream()
            .map(
                b ->
                    new CalibrationBin(
                        b.lower(), b.upper(), b.count(), b.meanScore(), b.positive()))
            .toList();
    return new GroupCalibration(
        name,
        c.bins().stream().mapToLong(Calibrations.Bin::count).sum(),
        status,
        settings.binning(),
        bins,
        c.ece(),
        c.mce(),
        c.inTheLarge(),
        c.brier(),
        c.meanScore(),
        c.baseRate());
  }
}
