package org.mlops4j.drift;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import org.mlops4j.api.MlopsException;

/**
 * JSON of a {@link DriftReport}. Stable field names: {@code format} ("mlops4j-drift-report"),
 * {@code version} (1), {@code createdBy}, {@code datasetDrift}, {@code driftedCount}, {@code driftedShare}, {@code
 * datasetDriftShare}, {@code alpha}, {@code correction}, {@code features}: [{@code feature},
 * {@code type}, {@code test}, {@code statistic}, {@code pValue}, {@code adjustedPValue} (null
 * without a p-value), {@code effectGate}, {@code drifted}, {@code psiLevel}, {@code
 * referenceCount}, {@code currentCount}, {@code referenceMissing}, {@code currentMissing}, {@code
 * referenceInfinite}, {@code currentInfinite}, {@code missingRateDrifted}, {@code metrics}
 * {key: number}, {@code bins} {labels, reference, current}, {@code note}].
 */
final class ReportJson {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  static String write(DriftReport r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", "mlops4j-drift-report");
    root.put("version", 1);
    root.put("createdBy", "mlops4j-drift 0.1.0");
    root.put("datasetDrift", r.datasetDrift());
    root.put("driftedCount", r.driftedCount());
    root.put("driftedShare", r.driftedShare());
    root.put("datasetDriftShare", r.datasetDriftShare());
    root.put("alpha", r.alpha());
    root.put("correction", r.correction().name().toLowerCase(Locale.ROOT));
    ArrayNode fs = root.putArray("features");
    for (FeatureDrift f : r.features()) {
      ObjectNode o = fs.addObject();
      o.put("feature", f.feature());
      o.put("type", f.type().name().toLowerCase(Locale.ROOT));
      o.put("test", f.test().key());
      o.put("statistic", f.statistic());
      if (f.pValue().isPresent()) {
        o.put("pValue", f.pValue().getAsDouble());
        o.put("adjustedPValue", f.adjustedPValue().getAsDouble());
      } else {
        o.putNull("pValue");
        o.putNull("adjustedPValue");
      }
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
      ObjectNode m = o.putObject("metrics");
      for (Map.Entry<String, Double> e : f.metrics().entrySet()) {
        m.put(e.getKey(), e.getValue());
      }
      ObjectNode b = o.putObject("bins");
      ArrayNode labels = b.putArray("labels");
      f.shares().labels().forEach(labels::add);
      ArrayNode ref = b.putArray("reference");
      f.shares().reference().forEach(ref::add);
      ArrayNode cur = b.putArray("current");
      f.shares().current().forEach(cur::add);
      o.put("note", f.note());
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new MlopsException("cannot write drift report JSON", e);
    }
  }
}
