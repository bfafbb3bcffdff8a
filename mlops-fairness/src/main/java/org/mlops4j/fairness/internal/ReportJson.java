package org.mlops4j.fairness.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mlops4j.fairness.CalibrationBin;
import org.mlops4j.fairness.Disparity;
import org.mlops4j.fairness.FairnessReport;
import org.mlops4j.fairness.FourFifthsRule;
import org.mlops4j.fairness.GroupCalibration;
import org.mlops4j.fairness.GroupMetrics;
import org.mlops4j.fairness.Interval;
import org.mlops4j.fairness.Rate;
import org.mlops4j.fairness.RateMetric;
import org.mlops4j.report.internal.Json;

/**
 * JSON form of a {@link FairnessReport} in the one convention of {@link Json}: the header (format
 * {@value FairnessReport#FORMAT}), camelCase field names, an undefined value {@code null} with a
 * sibling {@code valueReason}; NaN never appears. {@code threshold} (after {@code weighted}) is the
 * decision threshold applied to scores, written only when the decisions came from scores ({@code
 * Decisions.ofScores}); absent when the decisions were given, and in documents written before it
 * was added (read it as unknown). Internal.
 */
public final class ReportJson {

  private ReportJson() {}

  /**
   * @param r the report
   * @return the report as indented JSON
   */
  public static String write(FairnessReport r) {
    Map<String, Object> root =
        Json.document(FairnessReport.FORMAT, FairnessReport.FORMAT_VERSION, r.createdAt());
    root.put("attributes", r.attributes());
    root.put("reference", r.reference().orElse(null));
    root.put("minGroupSize", r.minGroupSize());
    root.put("confidenceLevel", r.confidenceLevel());
    root.put("weighted", r.weighted());
    // only when the decisions came from scores: absent means decisions were given (or an older
    // document, which did not record it); an addition to format version 1, older readers ignore it
    r.threshold().ifPresent(t -> number(root, "threshold", t));
    Map<String, Object> boot = new LinkedHashMap<>();
    boot.put("resamples", r.bootstrapResamples());
    boot.put("seed", r.bootstrapSeed());
    boot.put("stratified", r.bootstrapStratified());
    boot.put("method", "percentile");
    root.put("bootstrap", boot);
    List<Object> groups = new ArrayList<>();
    r.groups().forEach(g -> groups.add(group(g)));
    root.put("groups", groups);
    root.put("overall", group(r.overall()));
    root.put("criteria", disparities(r.criteria()));
    root.put("fourFifthsRule", fourFifths(r.fourFifthsRule()));
    root.put("disparities", disparities(r.disparities()));
    List<Object> cal = new ArrayList<>();
    r.calibration().forEach(c -> cal.add(calibration(c)));
    root.put("calibration", cal);
    root.put("calibrationDisparities", disparities(r.calibrationDisparities()));
    root.put("notes", r.notes());
    return Json.write(root);
  }

  private static void number(Map<String, Object> into, String name, double value) {
    Json.putNumber(into, name, value, "not a finite number");
  }

  private static Map<String, Object> group(GroupMetrics g) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("name", g.name());
    o.put("size", g.size());
    o.put("status", g.status().name());
    Map<String, Object> counts = new LinkedHashMap<>();
    number(counts, "tp", g.counts().tp());
    number(counts, "fp", g.counts().fp());
    number(counts, "tn", g.counts().tn());
    number(counts, "fn", g.counts().fn());
    o.put("counts", counts);
    Map<String, Object> rates = new LinkedHashMap<>();
    for (RateMetric m : RateMetric.values()) {
      rates.put(m.key(), rate(g.rate(m)));
    }
    o.put("rates", rates);
    return o;
  }

  private static Map<String, Object> rate(Rate rate) {
    Map<String, Object> o = new LinkedHashMap<>();
    number(o, "numerator", rate.numerator());
    number(o, "denominator", rate.denominator());
    if (rate.defined()) {
      number(o, "value", rate.value());
      o.put("interval", interval(rate.interval()));
    } else {
      Json.putNumber(o, "value", Double.NaN, rate.reason());
    }
    return o;
  }

  private static Map<String, Object> interval(Interval i) {
    Map<String, Object> o = new LinkedHashMap<>();
    number(o, "lower", i.lower());
    number(o, "upper", i.upper());
    number(o, "level", i.level());
    o.put("method", i.method());
    return o;
  }

  private static List<Object> disparities(List<Disparity> list) {
    List<Object> a = new ArrayList<>();
    for (Disparity d : list) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", d.name());
      o.put("basis", d.basis().name());
      o.put("scale", d.scale().name());
      if (d.defined()) {
        number(o, "value", d.value());
        o.put("groupA", d.groupA());
        o.put("groupB", d.groupB());
        o.put("interval", d.interval().map(ReportJson::interval).orElse(null));
      } else {
        Json.putNumber(o, "value", Double.NaN, d.reason());
      }
      a.add(o);
    }
    return a;
  }

  private static Map<String, Object> fourFifths(FourFifthsRule f) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("defined", f.defined());
    o.put("passed", f.passed());
    number(o, "threshold", f.threshold());
    o.put("reference", f.reference());
    o.put("ratios", new TreeMap<>(f.ratios()));
    o.put("failing", f.failing());
    if (!f.defined()) {
      o.put("reason", f.reason());
    }
    return o;
  }

  private static Map<String, Object> calibration(GroupCalibration c) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("group", c.group());
    o.put("size", c.size());
    o.put("status", c.status().name());
    o.put("binning", c.binning().name());
    number(o, "ece", c.ece());
    number(o, "mce", c.mce());
    number(o, "calibrationInTheLarge", c.calibrationInTheLarge());
    number(o, "brier", c.brier());
    number(o, "meanScore", c.meanScore());
    number(o, "baseRate", c.baseRate());
    List<Object> bins = new ArrayList<>();
    for (CalibrationBin b : c.bins()) {
      Map<String, Object> bo = new LinkedHashMap<>();
      number(bo, "lower", b.lower());
      number(bo, "upper", b.upper());
      bo.put("count", b.count());
      number(bo, "meanScore", b.meanScore());
      number(bo, "fractionPositive", b.fractionPositive());
      bins.add(bo);
    }
    o.put("bins", bins);
    return o;
  }
}
