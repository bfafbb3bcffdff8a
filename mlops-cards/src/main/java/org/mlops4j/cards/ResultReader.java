package org.mlops4j.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mlops4j.report.internal.Json;

/**
 * Reads the JSON documents of mlops4j's own results (a fairness report, a drift report) into a
 * card's builder. The same path serves a report object ({@code report.toJson()}) and a report
 * logged as a run's artifact, so the card says the same either way.
 */
final class ResultReader {

  static final String FAIRNESS_FORMAT = "mlops4j.fairness-report";
  static final String DRIFT_FORMAT = "mlops4j.drift-report";

  /** The rates a card shows per group, by their JSON key, with their labels. */
  static final String[][] RATES = {
    {"selectionRate", "selection rate"},
    {"tpr", "true positive rate"},
    {"fpr", "false positive rate"},
    {"ppv", "precision (PPV)"},
    {"accuracy", "accuracy"}
  };

  private ResultReader() {}

  /** A readable name of an interval method key: {@code wilson} is {@code Wilson score}. */
  static String methodName(String method) {
    return switch (method) {
      case "wilson" -> "Wilson score";
      case "bootstrap-percentile" -> "percentile bootstrap";
      default -> method;
    };
  }

  /** The card's sentence of a decision threshold applied to scores. */
  static String thresholdText(double threshold) {
    return String.format(
        Locale.ROOT, "score >= %s is a positive decision", Double.toString(threshold));
  }

  static void fairness(ModelCard.Builder b, String json, String source) {
    ObjectNode doc = Json.readDocument(json, FAIRNESS_FORMAT, 1, source);
    List<String> attributes = new ArrayList<>();
    doc.path("attributes").forEach(a -> attributes.add(a.asText()));
    boolean unitary = attributes.size() == 1;
    if (!attributes.isEmpty()) {
      b.factor(
          (unitary ? "Group: " : "Intersectional groups: ")
              + String.join(" × ", attributes)
              + " (audited for fairness)");
    }
    // the threshold applied to scores; absent when decisions were given, and in reports written
    // before it was recorded (then the card states none)
    JsonNode threshold = doc.path("threshold");
    if (threshold.isNumber()) {
      b.decisionThreshold(thresholdText(threshold.asDouble()));
    }
    double level = doc.path("confidenceLevel").asDouble(Double.NaN);
    long minSize = doc.path("minGroupSize").asLong(0);
    JsonNode overall = doc.path("overall");
    long rows = overall.path("size").asLong(0);
    String rateMethod = "";
    for (String[] rate : RATES) {
      addRate(b, overall.path("rates").path(rate[0]), rate[1], "", rows, "");
      JsonNode ci = overall.path("rates").path(rate[0]).path("interval");
      if (rateMethod.isEmpty() && ci.isObject()) {
        rateMethod = ci.path("method").asText("");
      }
    }
    for (JsonNode g : doc.path("groups")) {
      String name = g.path("name").asText();
      String slice = unitary ? attributes.get(0) + "=" + name : name;
      long size = g.path("size").asLong(0);
      String flag =
          "TOO_SMALL".equals(g.path("status").asText())
              ? "n=" + size + " < " + minSize + ", too small to judge"
              : "";
      for (String[] rate : RATES) {
        addRate(b, g.path("rates").path(rate[0]), rate[1], slice, size, flag);
      }
    }
    String bootMethod = "";
    for (JsonNode d : doc.path("criteria")) {
      JsonNode v = d.path("value");
      String groups =
          d.path("groupA").asText("").isEmpty()
              ? ""
              : sliceOf(d.path("groupA").asText(), attributes)
                  + " vs "
                  + sliceOf(d.path("groupB").asText(), attributes);
      JsonNode ci = d.path("interval");
      if (bootMethod.isEmpty() && ci.isObject()) {
        bootMethod = ci.path("method").asText("");
      }
      b.criterion(
          new QuantitativeResult(
              d.path("name").asText(),
              groups,
              v.isNumber() ? v.asDouble() : Double.NaN,
              ci.isObject() ? ci.path("lower").asDouble(Double.NaN) : Double.NaN,
              ci.isObject() ? ci.path("upper").asDouble(Double.NaN) : Double.NaN,
              ci.isObject() ? ci.path("level").asDouble(Double.NaN) : Double.NaN,
              ci.isObject() ? ci.path("method").asText("") : "",
              0,
              v.isNumber() ? "" : "undefined: " + d.path("valueReason").asText("")));
    }
    for (JsonNode c : doc.path("calibration")) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      List<Long> n = new ArrayList<>();
      for (JsonNode bin : c.path("bins")) {
        if (bin.path("meanScore").isNumber() && bin.path("fractionPositive").isNumber()) {
          x.add(bin.path("meanScore").asDouble());
          y.add(bin.path("fractionPositive").asDouble());
          n.add(bin.path("count").asLong());
        }
      }
      long size = c.path("size").asLong(0);
      b.calibration(
          new CardCalibration(
              sliceOf(c.path("group").asText(""), attributes),
              size,
              "TOO_SMALL".equals(c.path("status").asText()) ? "n=" + size + ", too small" : "",
              c.path("ece").asDouble(Double.NaN),
              c.path("brier").asDouble(Double.NaN),
              x,
              y,
              n));
    }
    StringBuilder u = new StringBuilder();
    if (!Double.isNaN(level)) {
      u.append(
          String.format(
              Locale.ROOT,
              "Rates per group: %.0f%% %s intervals.",
              level * 100,
              rateMethod.isEmpty() ? "confidence" : methodName(rateMethod)));
      JsonNode boot = doc.path("bootstrap");
      int resamples = boot.path("resamples").asInt(0);
      if (resamples > 0) {
        u.append(
            String.format(
                Locale.ROOT,
                " Criteria between groups: %.0f%% %s intervals, %d %sbootstrap resamples, seed"
                    + " %d.",
                level * 100,
                methodName(bootMethod.isEmpty() ? boot.path("method").asText("") : bootMethod),
                resamples,
                boot.path("stratified").asBoolean(false) ? "stratified " : "",
                boot.path("seed").asLong()));
      } else {
        u.append(" Criteria between groups: no bootstrap, no intervals.");
      }
    }
    b.uncertaintyFrom(u.toString());
    if (rows > 0) {
      b.evaluationRows(rows);
    }
  }

  private static String sliceOf(String group, List<String> attributes) {
    return attributes.size() == 1 && !group.isEmpty() && !group.contains("=")
        ? attributes.get(0) + "=" + group
        : group;
  }

  private static void addRate(
      ModelCard.Builder b, JsonNode rate, String label, String slice, long size, String flag) {
    if (!rate.isObject()) {
      return;
    }
    JsonNode v = rate.path("value");
    JsonNode ci = rate.path("interval");
    boolean defined = v.isNumber();
    b.analysis(
        new QuantitativeResult(
            label,
            slice,
            defined ? v.asDouble() : Double.NaN,
            defined && ci.isObject() ? ci.path("lower").asDouble() : Double.NaN,
            defined && ci.isObject() ? ci.path("upper").asDouble() : Double.NaN,
            defined && ci.isObject() ? ci.path("level").asDouble() : Double.NaN,
            defined && ci.isObject() ? ci.path("method").asText("") : "",
            size,
            defined ? flag : join(flag, "undefined: " + rate.path("valueReason").asText(""))));
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : a + "; " + b;
  }

  static void drift(ModelCard.Builder b, String json, String source) {
    ObjectNode doc = Json.readDocument(json, DRIFT_FORMAT, 1, source);
    List<CardDrift> features = new ArrayList<>();
    long rows = 0;
    for (JsonNode f : doc.path("features")) {
      features.add(
          new CardDrift(
              f.path("feature").asText(),
              f.path("method").asText(""),
              f.path("statistic").isNumber() ? f.path("statistic").asDouble() : Double.NaN,
              f.path("pValue").isNumber() ? f.path("pValue").asDouble() : Double.NaN,
              f.path("drifted").asBoolean(false)));
      rows = Math.max(rows, f.path("currentCount").asLong(0));
    }
    double share =
        doc.path("driftedShare").isNumber() ? doc.path("driftedShare").asDouble() : Double.NaN;
    b.driftFrom(features, share);
    if (!features.isEmpty()) {
      b.factor(
          "Environment: the evaluation data's "
              + features.size()
              + " features compared with the training data for drift");
    }
    if (rows > 0) {
      b.evaluationRows(rows);
    }
  }
}
