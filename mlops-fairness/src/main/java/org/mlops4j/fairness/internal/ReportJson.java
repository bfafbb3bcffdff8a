package org.mlops4j.fairness.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.mlops4j.api.MlopsException;
import org.mlops4j.fairness.CalibrationBin;
import org.mlops4j.fairness.Disparity;
import org.mlops4j.fairness.FairnessReport;
import org.mlops4j.fairness.FourFifthsRule;
import org.mlops4j.fairness.GroupCalibration;
import org.mlops4j.fairness.GroupMetrics;
import org.mlops4j.fairness.Interval;
import org.mlops4j.fairness.Metric;
import org.mlops4j.fairness.Rate;

/**
 * JSON form of a report, field names snake_case and stable (schema {@value #SCHEMA}). Undefined
 * values are {@code null} with an {@code undefined_reason}; NaN never appears. Internal.
 */
public final class ReportJson {

  /** Schema id written into every report. */
  public static final String SCHEMA = "mlops4j.fairness.report/1";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  /** @return the report as indented JSON */
  public static String write(FairnessReport r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    ArrayNode attrs = root.putArray("attributes");
    r.attributes().forEach(attrs::add);
    root.put("reference", r.reference().orElse(null));
    root.put("min_group_size", r.minGroupSize());
    root.put("confidence_level", r.confidenceLevel());
    root.put("weighted", r.weighted());
    ObjectNode boot = root.putObject("bootstrap");
    boot.put("resamples", r.bootstrapResamples());
    boot.put("seed", r.bootstrapSeed());
    boot.put("stratified", r.bootstrapStratified());
    boot.put("method", "percentile");
    ArrayNode groups = root.putArray("groups");
    r.groups().forEach(g -> groups.add(group(g)));
    root.set("overall", group(r.overall()));
    root.set("criteria", disparities(r.criteria()));
    root.set("four_fifths_rule", fourFifths(r.fourFifthsRule()));
    root.set("disparities", disparities(r.disparities()));
    ArrayNode cal = root.putArray("calibration");
    r.calibration().forEach(c -> cal.add(calibration(c)));
    root.set("calibration_disparities", disparities(r.calibrationDisparities()));
    ArrayNode notes = root.putArray("notes");
    r.notes().forEach(notes::add);
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new MlopsException("cannot write fairness report as JSON", e);
    }
  }

  private static ObjectNode group(GroupMetrics g) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("name", g.name());
    o.put("size", g.size());
    o.put("status", g.status().name());
    ObjectNode counts = o.putObject("counts");
    counts.put("tp", g.counts().tp());
    counts.put("fp", g.counts().fp());
    counts.put("tn", g.counts().tn());
    counts.put("fn", g.counts().fn());
    ObjectNode rates = o.putObject("rates");
    for (Metric m : Metric.values()) {
      rates.set(m.name().toLowerCase(Locale.ROOT), rate(g.rate(m)));
    }
    return o;
  }

  private static ObjectNode rate(Rate rate) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("numerator", rate.numerator());
    o.put("denominator", rate.denominator());
    if (rate.defined()) {
      o.put("value", rate.value());
      o.set("interval", interval(rate.interval()));
    } else {
      o.putNull("value");
      o.put("undefined_reason", rate.reason());
    }
    return o;
  }

  private static ObjectNode interval(Interval i) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("lower", i.lower());
    o.put("upper", i.upper());
    o.put("level", i.level());
    o.put("method", i.method());
    return o;
  }

  private static ArrayNode disparities(List<Disparity> list) {
    ArrayNode a = MAPPER.createArrayNode();
    for (Disparity d : list) {
      ObjectNode o = a.addObject();
      o.put("name", d.name());
      o.put("basis", d.basis().name());
      o.put("kind", d.kind().name());
      if (d.defined()) {
        o.put("value", d.value());
        o.put("group_a", d.groupA());
        o.put("group_b", d.groupB());
        d.interval().ifPresentOrElse(i -> o.set("interval", interval(i)),
            () -> o.putNull("interval"));
      } else {
        o.putNull("value");
        o.put("undefined_reason", d.reason());
      }
    }
    return a;
  }

  private static ObjectNode fourFifths(FourFifthsRule f) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("defined", f.defined());
    o.put("passed", f.passed());
    o.put("threshold", f.threshold());
    o.put("reference", f.reference());
    ObjectNode ratios = o.putObject("ratios");
    new TreeMap<>(f.ratios()).forEach(ratios::put);
    ArrayNode failing = o.putArray("failing");
    f.failing().forEach(failing::add);
    if (!f.defined()) {
      o.put("undefined_reason", f.reason());
    }
    return o;
  }

  private static ObjectNode calibration(GroupCalibration c) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("group", c.group());
    o.put("size", c.size());
    o.put("status", c.status().name());
    o.put("binning", c.binning().name());
    o.put("ece", c.ece());
    o.put("mce", c.mce());
    o.put("calibration_in_the_large", c.calibrationInTheLarge());
    o.put("brier", c.brier());
    o.put("mean_score", c.meanScore());
    o.put("base_rate", c.baseRate());
    ArrayNode bins = o.putArray("bins");
    for (CalibrationBin b : c.bins()) {
      ObjectNode bo = bins.addObject();
      bo.put("lower", b.lower());
      bo.put("upper", b.upper());
      bo.put("count", b.count());
      bo.put("mean_score", b.meanScore());
      bo.put("fraction_positive", b.fractionPositive());
    }
    return o;
  }
}
