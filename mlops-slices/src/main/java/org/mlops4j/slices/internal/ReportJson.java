package org.mlops4j.slices.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlops4j.fairness.Interval;
import org.mlops4j.report.internal.Json;
import org.mlops4j.slices.Slice;
import org.mlops4j.slices.SliceMeasure;
import org.mlops4j.slices.SliceReport;

/** The JSON document of a {@link SliceReport}, through mlops4j's one JSON convention. Internal. */
public final class ReportJson {

  private static final int WORST = 20;

  private ReportJson() {}

  /**
   * @param r the report
   * @return its JSON document
   */
  public static String write(SliceReport r) {
    Map<String, Object> m =
        Json.document(SliceReport.FORMAT, SliceReport.FORMAT_VERSION, r.createdAt());
    m.put("measure", r.measure().key());
    m.put("test", r.measure() == SliceMeasure.ERROR_RATE ? "two_proportion_z" : "welch_t");
    m.put("alternative", "greater");
    m.put("correction", "benjamini-hochberg");
    m.put("rows", r.rows());
    m.put("overall", r.overall());
    m.put("overallInterval", interval(r.overallInterval()));
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("alpha", r.alpha());
    s.put("minSupport", r.minSupport());
    s.put("minEffectSize", r.minEffectSize());
    s.put("maxDepth", r.maxDepth());
    s.put("budget", r.budget());
    s.put("bins", r.bins());
    s.put("binning", r.binning().name().toLowerCase(Locale.ROOT));
    s.put("confidenceLevel", r.confidenceLevel());
    s.put("maxValues", r.maxValues());
    m.put("settings", s);
    m.put("features", r.features());
    m.put("examined", r.examined().size());
    m.put("examinedByDepth", r.examinedByDepth());
    m.put("significantCount", r.significant().size());
    List<Object> slices = new ArrayList<>();
    r.significant().forEach(x -> slices.add(slice(x)));
    m.put("slices", slices);
    List<Object> worst = new ArrayList<>();
    r.examined().stream()
        .sorted(Comparator.comparingDouble((Slice x) -> -x.value()).thenComparing(Slice::name))
        .limit(WORST)
        .forEach(x -> worst.add(slice(x)));
    m.put("worstExamined", worst);
    m.put("notes", r.notes());
    return Json.write(m);
  }

  static Map<String, Object> slice(Slice x) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", x.name());
    m.put("conditions", x.conditions());
    m.put("rows", x.rows());
    m.put("value", x.value());
    m.put("interval", interval(x.interval()));
    m.put("restRows", x.restRows());
    m.put("restValue", x.restValue());
    m.put("difference", x.difference());
    Json.putNumber(
        m, "effectSize", x.effectSize(), "both the slice and the rest are constant (variance 0)");
    Json.putNumber(
        m, "statistic", x.statistic(), "both the slice and the rest are constant (variance 0)");
    Json.putNumber(
        m,
        "degreesOfFreedom",
        x.degreesOfFreedom(),
        "the z-test has none, or both groups are constant");
    m.put("pValue", x.pValue());
    m.put("pAdjusted", x.pAdjusted());
    m.put("significant", x.significant());
    return m;
  }

  private static Map<String, Object> interval(Interval i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lower", i.lower());
    m.put("upper", i.upper());
    m.put("level", i.level());
    m.put("method", i.method());
    return m;
  }
}
