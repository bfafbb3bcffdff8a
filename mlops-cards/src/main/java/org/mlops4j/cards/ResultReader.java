package org.mlops4j.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mlops4j.api.MlopsException;
import org.mlops4j.report.internal.Json;
import org.mlops4j.slices.SliceMeasure;
import org.mlops4j.slices.SliceReport;

/**
 * Reads the JSON documents of mlops4j's own results (a fairness, drift or slice report) into a
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
      case "t" -> "Student's t";
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
      String flag = "TOO_SMALL".equals(g.path("status").asText()) ? tooSmall(size, minSize) : "";
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
              "TOO_SMALL".equals(c.path("status").asText()) ? tooSmall(size, minSize) : "",
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

  /**
   * The flag of a group below the report's minimum size: {@code n=32 < 100, too small to judge} (it
   * contains {@link QuantitativeResult#TOO_SMALL}).
   */
  static String tooSmall(long size, long minSize) {
    return "n=" + size + (minSize > 0 ? " < " + minSize : "") + ", " + QuantitativeResult.TOO_SMALL;
  }

  static void slices(ModelCard.Builder b, String json, String source) {
    ObjectNode doc =
        Json.readDocument(json, SliceReport.FORMAT, SliceReport.FORMAT_VERSION, source);
    String key = doc.path("measure").asText("");
    SliceMeasure measure;
    try {
      measure = SliceMeasure.fromKey(key);
    } catch (IllegalArgumentException e) {
      throw new MlopsException(
          source + ": measure must be error_rate or mean_loss, but was '" + key + "'", e);
    }
    List<CardSlice> found = new ArrayList<>();
    String method = "";
    double level = Double.NaN;
    for (JsonNode s : doc.path("slices")) {
      JsonNode ci = s.path("interval");
      if (method.isEmpty()) {
        method = ci.path("method").asText("");
        level = ci.path("level").asDouble(Double.NaN);
      }
      found.add(
          new CardSlice(
              s.path("name").asText(),
              measure.label(),
              s.path("rows").asLong(),
              number(s.path("value")),
              number(ci.path("lower")),
              number(ci.path("upper")),
              number(ci.path("level")),
              ci.path("method").asText(""),
              s.path("restRows").asLong(),
              number(s.path("restValue")),
              number(s.path("difference")),
              number(s.path("effectSize")),
              number(s.path("pAdjusted"))));
    }
    JsonNode settings = doc.path("settings");
    List<String> features = new ArrayList<>();
    for (JsonNode f : doc.path("features")) {
      String line = f.asText("");
      int colon = line.indexOf(": ");
      if (colon > 0 && !line.endsWith(": skipped")) {
        features.add(line.substring(0, colon));
      }
    }
    String search =
        String.format(
            Locale.ROOT,
            "%d slices of up to %d conditions examined%s, each of at least %d rows; its %s"
                + " compared with the rest's by a %s; Benjamini-Hochberg at %s, effect size at"
                + " least %s: %d significant",
            doc.path("examined").asInt(0),
            settings.path("maxDepth").asInt(0),
            features.isEmpty() ? "" : " over " + String.join(", ", features),
            settings.path("minSupport").asInt(0),
            measure.label(),
            measure.test(),
            plain(settings.path("alpha").asDouble(Double.NaN)),
            plain(settings.path("minEffectSize").asDouble(Double.NaN)),
            found.size());
    b.slicesFrom(found, search, number(doc.path("overall")));
    if (!features.isEmpty()) {
      b.factor(
          "Slices over "
              + String.join(", ", features)
              + " and their combinations (searched for where the model errs most)");
    }
    if (!Double.isNaN(level)) {
      b.uncertaintyFrom(
          String.format(
              Locale.ROOT,
              "Slices: %.0f%% %s intervals of the %s; one-sided %s against the rest,"
                  + " Benjamini-Hochberg adjusted p-values.",
              level * 100,
              method.isEmpty() ? "confidence" : methodName(method),
              measure.label(),
              measure.test().replace(", one-sided", "")));
    }
    long rows = doc.path("rows").asLong(0);
    if (rows > 0) {
      b.evaluationRows(rows);
    }
  }

  /** A JSON number, NaN when it is {@code null} (an undefined number with its reason) or absent. */
  private static double number(JsonNode n) {
    return n.isNumber() ? n.asDouble() : Double.NaN;
  }

  /** {@code 0.05}, {@code 0.2}, {@code 1}: the shortest decimal of a setting. */
  private static String plain(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
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
