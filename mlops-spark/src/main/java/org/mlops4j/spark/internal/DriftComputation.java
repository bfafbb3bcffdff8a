package org.mlops4j.spark.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mlops4j.api.Binning;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.ColumnKind;
import org.mlops4j.drift.DriftBaseline;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.DriftMethod;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.FeatureDrift;
import org.mlops4j.drift.MissingPolicy;
import org.mlops4j.drift.internal.BaselineJson;
import org.mlops4j.drift.internal.CategoricalReference;
import org.mlops4j.drift.internal.FeatureEvaluator;
import org.mlops4j.drift.internal.FeatureReference;
import org.mlops4j.drift.internal.NumericReference;
import org.mlops4j.drift.internal.Stats;
import org.mlops4j.drift.internal.UntestableReference;
import org.mlops4j.report.internal.Json;

/**
 * Fits a {@link DriftBaseline} from one aggregation over a reference DataFrame and compares a
 * current DataFrame with a baseline from one aggregation over it. A column whose finite values
 * number at most the exact limit is handed to the JVM API as it is (the same fit and evaluation, so
 * the same numbers); above it, from the column's mergeable state: KLL sketches, exact counts.
 */
public final class DriftComputation {
  private DriftComputation() {}

  /** Fits a baseline. */
  public static DriftBaseline fit(
      Dataset<Row> reference, DriftDetector detector, int limit, boolean exactKs) {
    LinkedHashMap<String, Boolean> cols = Frames.columns(reference, "reference");
    List<String> names = new ArrayList<>(cols.keySet());
    boolean[] numeric = numericFlags(cols);
    TableState state =
        TableAggregator.run(
            reference, names, new TableAggregator(numeric, detector.sketchK(), limit, null, false));
    requireRows(state, "reference");
    List<FeatureReference> exact = new ArrayList<>();
    Map<String, ObjectNode> sketched = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (numeric[i]) {
        NumericState s = (NumericState) state.column(i);
        double[] values = s.rowValues();
        if (values != null) {
          exact.add(NumericReference.fit(name, values, detector));
        } else {
          requireExact(exactKs, name, s.count(), limit, "reference");
          sketched.put(name, sketchedReference(name, s, detector));
        }
      } else {
        CategoricalState s = (CategoricalState) state.column(i);
        exact.add(CategoricalReference.fit(name, s.rowValues(), detector));
      }
    }
    String json = BaselineJson.write(detector, exact, Instant.now());
    if (!sketched.isEmpty()) {
      ObjectNode root = (ObjectNode) readTree(json);
      Map<String, JsonNode> byName = new LinkedHashMap<>();
      for (JsonNode f : root.path("features")) {
        byName.put(f.path("name").asText(), f);
      }
      byName.putAll(sketched);
      ArrayNode features = root.putArray("features");
      for (String name : names) {
        features.add(byName.get(name));
      }
      json = root.toString();
    }
    return DriftBaseline.fromJson(json);
  }

  /** Compares a current DataFrame with a baseline. */
  public static DriftReport compare(
      DriftBaseline baseline, Dataset<Row> current, int limit, boolean exactKs) {
    DriftDetector detector = baseline.detector();
    String json = baseline.toJson();
    List<FeatureReference> refs = BaselineJson.read(json, "baseline").features();
    JsonNode nodes = readTree(json).path("features");
    LinkedHashMap<String, Boolean> expected = new LinkedHashMap<>();
    for (FeatureReference r : refs) {
      expected.put(r.name(), r.type() == org.mlops4j.drift.ColumnType.NUMERIC);
    }
    LinkedHashMap<String, Boolean> cols = Frames.columns(current, "current");
    Frames.requireSameColumns(expected, cols);
    List<String> names = new ArrayList<>(expected.keySet());
    boolean[] numeric = numericFlags(expected);
    double[][] edges = new double[names.size()][];
    for (int i = 0; i < refs.size(); i++) {
      if (refs.get(i) instanceof NumericReference n) {
        edges[i] = n.edges().clone();
      }
    }
    TableState state =
        TableAggregator.run(
            current, names, new TableAggregator(numeric, detector.sketchK(), limit, edges, false));
    requireRows(state, "current");
    List<FeatureDrift> raw = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      FeatureReference r = refs.get(i);
      if (numeric[i]) {
        NumericState s = (NumericState) state.column(i);
        double[] values = s.rowValues();
        if (r instanceof UntestableReference u) {
          raw.add(
              FeatureEvaluator.decide(
                  FeatureEvaluator.untestable(
                      u, values != null ? values : placeholder(s), detector),
                  null,
                  detector));
        } else if (values != null) {
          raw.add(
              FeatureEvaluator.decide(
                  FeatureEvaluator.numeric((NumericReference) r, values, detector, true),
                  null,
                  detector));
        } else {
          requireExact(exactKs, r.name(), s.count(), limit, "current");
          raw.add(SketchDrift.numeric((NumericReference) r, nodes.get(i), s, detector));
        }
      } else {
        String[] labels = ((CategoricalState) state.column(i)).rowValues();
        raw.add(
            FeatureEvaluator.decide(
                r instanceof UntestableReference u
                    ? FeatureEvaluator.untestable(u, labels, detector)
                    : FeatureEvaluator.categorical(
                        (CategoricalReference) r, labels, detector, true),
                null,
                detector));
      }
    }
    return report(raw, detector);
  }

  /**
   * The report of features decided without correction: the p-values corrected together with the
   * detector's correction, each feature decided again as {@code FeatureEvaluator.decide} does.
   */
  static DriftReport report(List<FeatureDrift> raw, DriftDetector detector) {
    List<Integer> withP = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      if (raw.get(i).pValue().isPresent()) {
        withP.add(i);
      }
    }
    double[] ps = new double[withP.size()];
    for (int i = 0; i < ps.length; i++) {
      ps[i] = raw.get(withP.get(i)).pValue().getAsDouble();
    }
    double[] adj = detector.correction().adjust(ps);
    List<FeatureDrift> out = new ArrayList<>(raw);
    for (int j = 0; j < ps.length; j++) {
      int i = withP.get(j);
      out.set(i, decided(raw.get(i), OptionalDouble.of(adj[j]), detector));
    }
    return FeatureEvaluator.report(
        out, detector.correction(), detector.alpha(), detector.datasetDriftShare());
  }

  /** A feature with its adjusted p-value and the verdict of {@code FeatureEvaluator.decide}. */
  static FeatureDrift decided(FeatureDrift f, OptionalDouble adjusted, DriftDetector detector) {
    boolean significant =
        f.tested() && (adjusted.isEmpty() || adjusted.getAsDouble() < detector.alpha());
    boolean drifted = significant && f.effectGate();
    if (detector.missingPolicy() == MissingPolicy.IGNORE_AND_REPORT
        && f.missingRateDrifted()
        && f.kind() != ColumnKind.IDENTIFIER) {
      drifted = true;
    }
    return new FeatureDrift(
        f.feature(),
        f.type(),
        f.kind(),
        f.kindReason(),
        f.method(),
        f.tested(),
        f.statistic(),
        f.pValue(),
        adjusted,
        f.effectGate(),
        drifted,
        f.psiLevel(),
        f.referenceCount(),
        f.currentCount(),
        f.referenceMissing(),
        f.currentMissing(),
        f.referenceInfinite(),
        f.currentInfinite(),
        f.missingRateDrifted(),
        f.metrics(),
        f.shares(),
        f.note(),
        f.valueShares());
  }

  /**
   * The baseline JSON of a numeric reference kept as a KLL sketch: mean, standard deviation,
   * minimum, maximum and the 0/1 counts are exact; the PSI edges are the sketch's quantiles (the
   * JVM interpolates between order statistics) kept strictly inside the exact range; the bin counts
   * come from the sketch's ranks (exact while it holds every value, else within its rank error).
   */
  static ObjectNode sketchedReference(String name, NumericState s, DriftDetector detector) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("name", name);
    o.put("type", "numeric");
    DriftMethod override = detector.methodFor(name).orElse(null);
    boolean binary = s.zeros() + s.ones() == s.count();
    DriftMethod method =
        override != null
            ? override
            : binary ? DriftMethod.TWO_PROPORTION_Z : DriftMethod.KOLMOGOROV_SMIRNOV;
    Require.argument(
        method.appliesTo(org.mlops4j.drift.ColumnType.NUMERIC),
        "the method of column '" + name + "'",
        "one for numeric columns",
        method.key());
    Require.argument(
        method != DriftMethod.CRAMER_VON_MISES && method != DriftMethod.ANDERSON_DARLING,
        "the method of column '" + name + "'",
        "one that works on a sketch (the reference has "
            + s.count()
            + " values, above the exact limit)",
        method.key());
    o.put("kind", binary ? ColumnKind.BINARY.key() : ColumnKind.NUMERIC.key());
    o.put(
        "kindReason",
        (binary
                ? "binary: only 0 and 1 in the reference ("
                    + s.ones()
                    + " ones in "
                    + s.count()
                    + ")"
                : "numeric: values other than 0 and 1 in the reference")
            + (override != null ? "; method " + method.key() + " set for the column" : ""));
    o.put("method", method.key());
    o.put("rows", s.rows());
    o.put("count", s.count());
    o.put("missing", s.missing());
    o.put("infinite", s.infinite());
    o.put("mean", s.mean());
    o.put("std", s.std());
    o.put("binary", binary);
    o.put("ones", s.ones());
    KllDoublesSketch sketch = s.sketch();
    int bins = detector.bins();
    double[] raw;
    if (detector.binning() == Binning.QUANTILE) {
      double[] ranks = new double[bins - 1];
      for (int k = 1; k < bins; k++) {
        ranks[k - 1] = (double) k / bins;
      }
      raw = sketch.getQuantiles(ranks, QuantileSearchCriteria.INCLUSIVE);
    } else {
      raw = Stats.equalWidthEdges(s.min(), s.max(), bins);
    }
    double[] edges = Stats.interiorEdges(raw, s.min(), s.max());
    long[] counts = countsFromSketch(sketch, edges, s.count());
    ArrayNode e = o.putArray("edges");
    for (double x : edges) {
      e.add(x);
    }
    ArrayNode c = o.putArray("counts");
    for (long x : counts) {
      c.add(x);
    }
    o.put("kll", Base64.getEncoder().encodeToString(sketch.toByteArray()));
    return o;
  }

  /** Counts per bin [e[k-1], e[k]) from the sketch's exclusive ranks, summing to n. */
  static long[] countsFromSketch(KllDoublesSketch sketch, double[] edges, long n) {
    long[] counts = new long[edges.length + 1];
    long below = 0;
    for (int k = 0; k < edges.length; k++) {
      long upTo = Math.round(sketch.getRank(edges[k], QuantileSearchCriteria.EXCLUSIVE) * n);
      upTo = Math.max(below, Math.min(n, upTo));
      counts[k] = upTo - below;
      below = upTo;
    }
    counts[edges.length] = n - below;
    return counts;
  }

  private static double[] placeholder(NumericState s) {
    double[] v = new double[Math.toIntExact(s.rows())];
    java.util.Arrays.fill(v, (int) s.count(), (int) (s.count() + s.missing()), Double.NaN);
    java.util.Arrays.fill(v, (int) (s.count() + s.missing()), v.length, Double.POSITIVE_INFINITY);
    return v;
  }

  private static void requireExact(
      boolean exactKs, String name, long count, int limit, String side) {
    Require.state(
        !exactKs,
        "exact KS was asked for, but the "
            + side
            + " column '"
            + name
            + "' has "
            + count
            + " values, more than the exact limit "
            + limit
            + ": raise exactLimit (the values are collected on the driver) or turn exactKs off");
  }

  private static void requireRows(TableState state, String what) {
    long rows =
        state.column(0) instanceof NumericState n
            ? n.rows()
            : ((CategoricalState) state.column(0)).rows();
    Require.argument(rows > 0, what, "a DataFrame with at least one row", "empty");
  }

  static boolean[] numericFlags(Map<String, Boolean> cols) {
    boolean[] b = new boolean[cols.size()];
    int i = 0;
    for (boolean x : cols.values()) {
      b[i++] = x;
    }
    return b;
  }

  static JsonNode readTree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new MlopsException("baseline: " + e.getOriginalMessage(), e);
    }
  }
}
