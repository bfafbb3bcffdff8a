package org.mlops4j.drift.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.FeatureDrift;
import org.mlops4j.report.internal.Json;

/**
 * JSON of a drift report, through the one JSON convention ({@link Json}): the header ({@code
 * format} {@value #FORMAT}, {@code formatVersion} {@value #VERSION}, {@code library}, {@code
 * libraryVersion}, {@code createdAt}), then {@code datasetDrift}, {@code driftedCount}, {@code
 * driftedShare}, {@code datasetDriftShare}, {@code alpha}, {@code correction}, {@code features}:
 * [{@code feature}, {@code metricPrefix} ({@code drift.} and the feature's {@link FeatureKeys}
 * segment: the prefix of its metric keys), {@code type}, {@code kind} (the {@code ColumnKind} key:
 * {@code numeric}, {@code binary}, {@code categorical}, {@code identifier}, {@code empty}), {@code
 * kindReason}, {@code method}, {@code tested}, {@code statistic}, {@code pValue}, {@code
 * adjustedPValue} (null with a sibling {@code ...Reason} for a method without a p-value; these and
 * {@code statistic} for a feature that could not be tested), {@code effectGate}, {@code drifted},
 * {@code psiLevel}, {@code referenceCount}, {@code currentCount}, {@code referenceMissing}, {@code
 * currentMissing}, {@code referenceInfinite}, {@code currentInfinite}, {@code missingRateDrifted},
 * {@code metrics} {key: number}, {@code bins} {labels, reference, current}, {@code note}, and, only
 * for a discrete numeric column, {@code valueShares} {labels, reference, current} (the shares of
 * each value: {@code FeatureDrift#valueShares()}; an added field, so still formatVersion 1)].
 */
public final class ReportJson {
  /** The {@code format} of a report document. */
  public static final String FORMAT = "mlops4j.drift-report";

  /** The {@code formatVersion} written. */
  public static final int VERSION = 1;

  private static final String NO_P_VALUE = "the method has no p-value";
  private static final String UNDEFINED = "undefined (NaN or infinite)";
  private static final String NOT_TESTED = "not tested (see note)";

  private ReportJson() {}

  /**
   * @return the report's document
   */
  public static String write(DriftReport r) {
    return Json.write(document(r));
  }

  /**
   * @return the report's document as a map, for writers that embed it
   */
  public static Map<String, Object> document(DriftReport r) {
    Map<String, Object> root = Json.document(FORMAT, VERSION, r.createdAt());
    root.put("datasetDrift", r.datasetDrift());
    root.put("driftedCount", r.driftedCount());
    Json.putNumber(root, "driftedShare", r.driftedShare(), UNDEFINED);
    root.put("datasetDriftShare", r.datasetDriftShare());
    root.put("alpha", r.alpha());
    root.put("correction", r.correction().name().toLowerCase(Locale.ROOT));
    List<Object> fs = new ArrayList<>();
    Map<String, String> segments = segments(r);
    for (FeatureDrift f : r.features()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("feature", f.feature());
      o.put("metricPrefix", "drift." + segments.get(f.feature()));
      o.put("type", f.type().name().toLowerCase(Locale.ROOT));
      o.put("kind", f.kind().key());
      o.put("kindReason", f.kindReason());
      o.put("method", f.method().key());
      o.put("tested", f.tested());
      Json.putNumber(o, "statistic", f.statistic(), f.tested() ? UNDEFINED : NOT_TESTED);
      String noP = f.tested() ? NO_P_VALUE : NOT_TESTED;
      putOptional(o, "pValue", f.pValue(), noP);
      putOptional(o, "adjustedPValue", f.adjustedPValue(), noP);
      o.put("effectGate", f.effectGate());
      o.put("drifted", f.drifted());
      o.put("psiLevel", f.psiLevel().name().toLowerCase(Locale.ROOT));
      o.put("referenceCount", f.referenceCount());
      o.put("currentCount", f.currentCount());
      o.put("referenceMissing", f.referenceMissing());
      o.put("currentMissing", f.currentMissing());
      o.put("referenceInfinite", f.referenceInfinite());
      o.put("currentInfinite", f.currentInfinite());
      o.put("missingRateDrifted", f.missingRateDrifted());
      Map<String, Object> m = new LinkedHashMap<>();
      for (Map.Entry<String, Double> e : f.metrics().entrySet()) {
        Json.putNumber(m, e.getKey(), e.getValue(), UNDEFINED);
      }
      o.put("metrics", m);
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("labels", f.shares().labels());
      b.put("reference", f.shares().reference());
      b.put("current", f.shares().current());
      o.put("bins", b);
      o.put("note", f.note());
      f.valueShares()
          .ifPresent(
              v -> {
                Map<String, Object> vs = new LinkedHashMap<>();
                vs.put("labels", v.labels());
                vs.put("reference", v.reference());
                vs.put("current", v.current());
                o.put("valueShares", vs);
              });
      fs.add(o);
    }
    root.put("features", fs);
    return root;
  }

  /**
   * @return the metric-key segment of every feature of the report ({@link FeatureKeys})
   */
  public static Map<String, String> segments(DriftReport r) {
    List<String> names = new ArrayList<>();
    r.features().forEach(f -> names.add(f.feature()));
    return FeatureKeys.segments(names);
  }

  private static void putOptional(
      Map<String, Object> o, String name, OptionalDouble value, String reason) {
    if (value.isPresent()) {
      Json.putNumber(o, name, value.getAsDouble(), UNDEFINED);
    } else {
      o.put(name, null);
      o.put(name + "Reason", reason);
    }
  }
}
