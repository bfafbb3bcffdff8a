package org.mlops4j.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.Require;
import org.mlops4j.report.internal.Json;
import org.mlops4j.report.internal.TextTable;

/**
 * The declared gates of a promotion, as data: built in code or loaded from JSON, so that a CI job
 * runs the same gates as a developer.
 *
 * <pre>{@code
 * PromotionGates gates = PromotionGates.builder()
 *     .metricAtLeast("accuracy", 0.80)
 *     .mcnemar(0.05)
 *     .bootstrap("accuracy", -0.01)
 *     .sizeAtMost(50_000_000)
 *     .build();
 * gates.save(Path.of("gates.json"));
 * }</pre>
 *
 * <p>JSON: the header of {@code mlops4j.promotion-gates} version 1, then {@code gates}: a list of
 * {@code {"kind": "<GateKind key>", "subject": "...", "threshold": x, "settings": {...}}} ({@code
 * subject} and {@code settings} may be left out). Unknown fields are refused, naming them.
 *
 * @since 0.1.0
 */
public final class PromotionGates {

  /** The {@code format} of the JSON. */
  public static final String FORMAT = "mlops4j.promotion-gates";

  private final List<Gate> gates;

  private PromotionGates(List<Gate> gates) {
    this.gates = List.copyOf(gates);
  }

  /**
   * @return no gates: every promotion passes (and is still audited)
   */
  public static PromotionGates none() {
    return new PromotionGates(List.of());
  }

  /**
   * @param gates the gates, in order
   * @return the gates
   */
  public static PromotionGates of(Gate... gates) {
    return new PromotionGates(List.of(Require.noNulls(gates, "gates")));
  }

  /**
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return a builder that starts from these gates
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.gates.addAll(gates);
    return b;
  }

  /**
   * @return the gates, in declaration order
   */
  public List<Gate> gates() {
    return gates;
  }

  /**
   * @return the gates as JSON (format above)
   */
  public String toJson() {
    Map<String, Object> doc = Json.document(FORMAT, 1);
    List<Map<String, Object>> list = new ArrayList<>();
    for (Gate g : gates) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", g.kind().key());
      m.put("subject", g.subject());
      m.put("threshold", g.threshold());
      m.put("settings", g.settings());
      list.add(m);
    }
    doc.put("gates", list);
    return Json.write(doc);
  }

  /**
   * Reads gates from JSON.
   *
   * @param json the text
   * @return the gates
   * @throws MlopsException if the text is not such a document (naming what is wrong)
   */
  public static PromotionGates fromJson(String json) {
    return parse(json, "JSON");
  }

  /**
   * Reads gates from a JSON file.
   *
   * @param file the file
   * @return the gates
   * @throws MlopsException if it cannot be read or is not such a document
   */
  public static PromotionGates load(Path file) {
    Require.nonNull(file, "file");
    return parse(AtomicFiles.read(file), file.toAbsolutePath().toString());
  }

  /**
   * Writes {@link #toJson()} atomically.
   *
   * @param file where to write
   * @throws MlopsException if it cannot be written
   */
  public void save(Path file) {
    Require.nonNull(file, "file");
    AtomicFiles.save(file, toJson(), AtomicFiles.Durability.ATOMIC);
  }

  private static PromotionGates parse(String json, String source) {
    ObjectNode doc = Json.readDocument(json, FORMAT, 1, source);
    JsonNode list = doc.get("gates");
    if (list == null || !list.isArray()) {
      throw new MlopsException(source + ": 'gates' must be a list");
    }
    List<Gate> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode g = list.get(i);
      String where = source + ": gates[" + i + "]";
      if (!g.isObject()) {
        throw new MlopsException(where + " must be an object");
      }
      for (Iterator<String> it = g.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!List.of("kind", "subject", "threshold", "settings").contains(f)) {
          throw new MlopsException(where + ": unknown field '" + f + "'");
        }
      }
      try {
        JsonNode kind = g.get("kind");
        JsonNode threshold = g.get("threshold");
        if (kind == null || !kind.isTextual()) {
          throw new MlopsException(where + ": 'kind' must be a string");
        }
        if (threshold == null || !threshold.isNumber()) {
          throw new MlopsException(where + ": 'threshold' must be a number");
        }
        JsonNode subject = g.get("subject");
        Map<String, Double> settings = new LinkedHashMap<>();
        JsonNode s = g.get("settings");
        if (s != null && !s.isNull()) {
          for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNumber()) {
              throw new MlopsException(where + ": settings." + e.getKey() + " must be a number");
            }
            settings.put(e.getKey(), e.getValue().doubleValue());
          }
        }
        out.add(
            new Gate(
                GateKind.fromKey(kind.asText()),
                subject == null || subject.isNull() ? "" : subject.asText(),
                threshold.doubleValue(),
                settings));
      } catch (IllegalArgumentException e) {
        throw new MlopsException(where + ": " + e.getMessage(), e);
      }
    }
    return new PromotionGates(out);
  }

  @Override
  public boolean equals(@org.jspecify.annotations.Nullable Object o) {
    return o instanceof PromotionGates other && other.gates.equals(gates);
  }

  @Override
  public int hashCode() {
    return gates.hashCode();
  }

  /** One row per gate. */
  @Override
  public String toString() {
    TextTable t = new TextTable("#", "gate", "rule");
    int i = 1;
    for (Gate g : gates) {
      t.row(i++, g.kind().key(), g.describe());
    }
    return "PromotionGates (" + gates.size() + ")\n" + t;
  }

  /** Builds {@link PromotionGates}; each method adds one gate (see {@link Gate}'s factories). */
  public static final class Builder {
    private final List<Gate> gates = new ArrayList<>();

    private Builder() {}

    /**
     * @param gate a gate
     * @return this
     */
    public Builder gate(Gate gate) {
      gates.add(Require.nonNull(gate, "gate"));
      return this;
    }

    /**
     * @param metric the metric's key
     * @param min the smallest value that passes
     * @return this
     * @see Gate#metricAtLeast(String, double)
     */
    public Builder metricAtLeast(String metric, double min) {
      return gate(Gate.metricAtLeast(metric, min));
    }

    /**
     * @param metric the metric's key
     * @param max the largest value that passes
     * @return this
     * @see Gate#metricAtMost(String, double)
     */
    public Builder metricAtMost(String metric, double max) {
      return gate(Gate.metricAtMost(metric, max));
    }

    /**
     * @param alpha the significance level
     * @return this
     * @see Gate#mcnemar(double)
     */
    public Builder mcnemar(double alpha) {
      return gate(Gate.mcnemar(alpha));
    }

    /**
     * @param metric the metric's name
     * @param minEffect the smallest lower end that passes
     * @return this
     * @see Gate#bootstrap(String, double)
     */
    public Builder bootstrap(String metric, double minEffect) {
      return gate(Gate.bootstrap(metric, minEffect));
    }

    /**
     * @param criterion a fairness criterion
     * @param max the largest value that passes
     * @return this
     * @see Gate#fairnessAtMost(String, double)
     */
    public Builder fairnessAtMost(String criterion, double max) {
      return gate(Gate.fairnessAtMost(criterion, max));
    }

    /**
     * @param criterion a fairness criterion
     * @param min the smallest value that passes
     * @return this
     * @see Gate#fairnessAtLeast(String, double)
     */
    public Builder fairnessAtLeast(String criterion, double min) {
      return gate(Gate.fairnessAtLeast(criterion, min));
    }

    /**
     * @return this
     * @see Gate#fourFifths()
     */
    public Builder fourFifths() {
      return gate(Gate.fourFifths());
    }

    /**
     * @param max the largest drifted share that passes
     * @return this
     * @see Gate#driftShareAtMost(double)
     */
    public Builder driftShareAtMost(double max) {
      return gate(Gate.driftShareAtMost(max));
    }

    /**
     * @param p50Millis the p50 budget
     * @param p99Millis the p99 budget
     * @return this
     * @see Gate#latency(double, double)
     */
    public Builder latency(double p50Millis, double p99Millis) {
      return gate(Gate.latency(p50Millis, p99Millis));
    }

    /**
     * @param maxBytes the size budget
     * @return this
     * @see Gate#sizeAtMost(long)
     */
    public Builder sizeAtMost(long maxBytes) {
      return gate(Gate.sizeAtMost(maxBytes));
    }

    /**
     * @return the gates
     */
    public PromotionGates build() {
      return new PromotionGates(gates);
    }
  }
}
