package org.mlops4j.drift.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.Binning;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.ColumnKind;
import org.mlops4j.drift.ColumnType;
import org.mlops4j.drift.Correction;
import org.mlops4j.drift.DriftDetector;
import org.mlops4j.drift.DriftMethod;
import org.mlops4j.drift.KolmogorovSmirnov;
import org.mlops4j.drift.MissingPolicy;
import org.mlops4j.report.internal.Json;

/**
 * JSON of a drift baseline, through the one JSON convention ({@link Json}): the header ({@code
 * format} {@value #FORMAT}, {@code formatVersion} {@value #VERSION}, {@code library}, {@code
 * libraryVersion}, {@code createdAt}), {@code java}, {@code detector} (the settings), {@code
 * features}. The field list is documented on {@code DriftBaseline}.
 *
 * <p>Version 2 (issues 10 and 12): PSI edges distinct and strictly inside the reference's range,
 * counts per bin {@code [e[k-1], e[k])} as {@code numpy.histogram}; every feature has {@code kind}
 * and {@code kindReason}; a categorical feature {@code other} and {@code distinct}; features of
 * kind {@code empty} or {@code identifier} hold counts and a {@code note} only; the detector {@code
 * maxCategories}, {@code identifierShare}, {@code identifierMinDistinct}. Version 1 is read by
 * fitting the numeric bins again ({@link #read}).
 */
public final class BaselineJson {
  /** The {@code format} of a baseline document. */
  public static final String FORMAT = "mlops4j.drift-baseline";

  /** The newest {@code formatVersion} written and read. */
  public static final int VERSION = 2;

  private BaselineJson() {}

  /** What a baseline document holds. */
  public record Contents(
      DriftDetector detector, List<FeatureReference> features, Instant createdAt) {}

  /**
   * @return the document of a baseline fitted at createdAt
   */
  public static String write(
      DriftDetector detector, Collection<FeatureReference> features, Instant createdAt) {
    Map<String, Object> root = Json.document(FORMAT, VERSION, createdAt);
    root.put("java", System.getProperty("java.version"));
    root.put("detector", detector(detector));
    List<Object> fs = new ArrayList<>();
    for (FeatureReference r : features) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", r.name());
      o.put("type", r.type() == ColumnType.NUMERIC ? "numeric" : "categorical");
      o.put("kind", r.kind().key());
      o.put("kindReason", r.kindReason());
      o.put("method", r.method().key());
      o.put("rows", r.rows());
      if (r instanceof NumericReference n) {
        o.put("count", n.count);
        o.put("missing", n.missing);
        o.put("infinite", n.infinite);
        o.put("mean", n.mean);
        o.put("std", n.std);
        o.put("binary", n.binary);
        o.put("ones", n.ones);
        o.put("edges", n.edges);
        o.put("counts", n.counts);
        if (n.sorted != null) {
          o.put("sorted", n.sorted);
        } else {
          KllDoublesSketch sketch = Require.nonNull(n.sketch, "sketch");
          byte[] bytes;
          synchronized (sketch) {
            bytes = sketch.toByteArray();
          }
          o.put("kll", Base64.getEncoder().encodeToString(bytes));
        }
      } else if (r instanceof CategoricalReference c) {
        o.put("missing", c.missing);
        o.put("categories", c.vocabulary);
        o.put("counts", c.counts);
        o.put("other", c.other);
        o.put("distinct", c.distinct);
      } else {
        UntestableReference u = (UntestableReference) r;
        o.put("missing", u.missing);
        if (u.type == ColumnType.NUMERIC) {
          o.put("infinite", u.infinite);
        }
        o.put("note", u.note);
      }
      fs.add(o);
    }
    root.put("features", fs);
    return Json.write(root);
  }

  private static Map<String, Object> detector(DriftDetector d) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("alpha", d.alpha());
    o.put("correction", d.correction().name());
    o.put("bins", d.bins());
    o.put("binning", d.binning().name());
    o.put("epsilon", d.epsilon());
    o.put("psiModerate", d.psiModerate());
    o.put("psiSignificant", d.psiSignificant());
    o.put("psiGate", d.psiGate());
    o.put("wassersteinGate", d.wassersteinGate());
    o.put("jsGate", d.jsGate());
    o.put("datasetDriftShare", d.datasetDriftShare());
    o.put("missingPolicy", d.missingPolicy().name());
    o.put("ksMethod", d.ksMethod().name());
    o.put("sketchAbove", d.sketchAbove());
    o.put("sketchK", d.sketchK());
    o.put("maxCategories", d.maxCategories());
    o.put("identifierShare", d.identifierShare());
    o.put("identifierMinDistinct", d.identifierMinDistinct());
    Map<String, String> methods = new LinkedHashMap<>();
    d.methods().forEach((k, v) -> methods.put(k, v.key()));
    o.put("methods", methods);
    return o;
  }

  /**
   * Reads a baseline document. A version 1 document (before issues 10 and 12) is read as the
   * baseline a fit gives today: a numeric feature's edges and counts are fitted again from its
   * sorted sample; a sketched one keeps the distinct edges strictly inside the sketch's range and
   * takes its counts from the sketch's ranks (exact while the sketch holds every value); kinds and
   * their reasons come from the stored fields; the new detector settings take their defaults.
   *
   * @param source where the text came from (a path, or {@code "JSON"}), for messages
   * @throws MlopsException {@code "<source>: <what is wrong>"} if the text is not a baseline of
   *     format version 1 to {@value #VERSION}, or a field is missing or invalid
   */
  public static Contents read(String json, String source) {
    ObjectNode root = Json.readDocument(json, FORMAT, VERSION, source);
    int version = root.path("formatVersion").asInt();
    try {
      Instant createdAt = Instant.parse(need(root, "createdAt", source).asText());
      JsonNode c = need(root, "detector", source);
      DriftDetector.Builder b =
          DriftDetector.builder()
              .alpha(need(c, "alpha", source).asDouble())
              .correction(Correction.valueOf(need(c, "correction", source).asText()))
              .bins(need(c, "bins", source).asInt())
              .binning(Binning.valueOf(need(c, "binning", source).asText()))
              .epsilon(need(c, "epsilon", source).asDouble())
              .psiLevels(
                  need(c, "psiModerate", source).asDouble(),
                  need(c, "psiSignificant", source).asDouble())
              .psiGate(need(c, "psiGate", source).asDouble())
              .wassersteinGate(need(c, "wassersteinGate", source).asDouble())
              .jsGate(need(c, "jsGate", source).asDouble())
              .datasetDriftShare(need(c, "datasetDriftShare", source).asDouble())
              .missingPolicy(MissingPolicy.valueOf(need(c, "missingPolicy", source).asText()))
              .ksMethod(KolmogorovSmirnov.Method.valueOf(need(c, "ksMethod", source).asText()))
              .sketchAbove(need(c, "sketchAbove", source).asInt())
              .sketchK(need(c, "sketchK", source).asInt());
      if (version >= 2) {
        b.maxCategories(need(c, "maxCategories", source).asInt())
            .identifierShare(need(c, "identifierShare", source).asDouble())
            .identifierMinDistinct(need(c, "identifierMinDistinct", source).asInt());
      }
      JsonNode methods = c.path("methods");
      for (Iterator<String> it = methods.fieldNames(); it.hasNext(); ) {
        String col = it.next();
        b.method(col, methods.get(col).asText());
      }
      DriftDetector detector = b.build();
      List<FeatureReference> features = new ArrayList<>();
      for (JsonNode f : need(root, "features", source)) {
        features.add(version >= 2 ? feature(f, source) : featureV1(f, detector, source));
      }
      return new Contents(detector, features, createdAt);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new MlopsException(source + ": not a valid drift baseline: " + e.getMessage(), e);
    }
  }

  /** A feature of a version 2 document. */
  private static FeatureReference feature(JsonNode f, String source) {
    String name = need(f, "name", source).asText();
    DriftMethod method = DriftMethod.fromKey(need(f, "method", source).asText());
    ColumnType type = type(f, name, source);
    String kindKey = need(f, "kind", source).asText();
    ColumnKind kind = kind(kindKey, name, source);
    String reason = need(f, "kindReason", source).asText();
    long rows = need(f, "rows", source).asLong();
    long missing = need(f, "missing", source).asLong();
    if (!kind.testable()) {
      return new UntestableReference(
          name,
          type,
          kind,
          reason,
          need(f, "note", source).asText(),
          method,
          rows,
          missing,
          type == ColumnType.NUMERIC ? need(f, "infinite", source).asLong() : 0);
    }
    if (type == ColumnType.NUMERIC) {
      double @Nullable [] sorted = f.has("sorted") ? doubles(f.get("sorted")) : null;
      KllDoublesSketch sketch = sketch(f);
      requireSample(sorted, sketch, name, source);
      return new NumericReference(
          name,
          method,
          rows,
          missing,
          need(f, "infinite", source).asLong(),
          need(f, "count", source).asInt(),
          need(f, "mean", source).asDouble(),
          need(f, "std", source).asDouble(),
          need(f, "binary", source).asBoolean(),
          need(f, "ones", source).asLong(),
          doubles(need(f, "edges", source)),
          longs(need(f, "counts", source)),
          reason,
          sorted,
          sketch,
          kind == ColumnKind.TIME);
    }
    List<String> cats = new ArrayList<>();
    need(f, "categories", source).forEach(n -> cats.add(n.asText()));
    return new CategoricalReference(
        name,
        method,
        rows,
        missing,
        cats,
        longs(need(f, "counts", source)),
        need(f, "other", source).asLong(),
        need(f, "distinct", source).asLong(),
        reason);
  }

  /**
   * A feature of a version 1 document, as a fit gives it today: numeric bins fitted again, kinds
   * derived.
   */
  private static FeatureReference featureV1(JsonNode f, DriftDetector detector, String source) {
    String name = need(f, "name", source).asText();
    DriftMethod method = DriftMethod.fromKey(need(f, "method", source).asText());
    ColumnType type = type(f, name, source);
    boolean overridden = detector.methodFor(name).isPresent();
    long rows = need(f, "rows", source).asLong();
    long missing = need(f, "missing", source).asLong();
    if (type == ColumnType.CATEGORICAL) {
      List<String> cats = new ArrayList<>();
      need(f, "categories", source).forEach(n -> cats.add(n.asText()));
      return new CategoricalReference(
          name,
          method,
          rows,
          missing,
          cats,
          longs(need(f, "counts", source)),
          0,
          cats.size(),
          "categorical: "
              + cats.size()
              + " categories in the reference"
              + FeatureReference.overrideSuffix(overridden, method));
    }
    double @Nullable [] sorted = f.has("sorted") ? doubles(f.get("sorted")) : null;
    KllDoublesSketch sketch = sketch(f);
    requireSample(sorted, sketch, name, source);
    int count = need(f, "count", source).asInt();
    boolean binary = need(f, "binary", source).asBoolean();
    long ones = need(f, "ones", source).asLong();
    double[] edges;
    long[] counts;
    if (sorted != null) {
      edges = NumericReference.edges(sorted, sorted.length, detector, false);
      counts = Stats.binCountsSorted(edges, sorted, sorted.length);
    } else {
      KllDoublesSketch k = Require.nonNull(sketch, "sketch");
      edges =
          Stats.interiorEdges(doubles(need(f, "edges", source)), k.getMinItem(), k.getMaxItem());
      counts = sketchCounts(k, edges, count);
    }
    String reason =
        NumericReference.kindReason(
                binary,
                ones,
                count,
                sorted != null ? NumericReference.distinct(sorted, sorted.length) : -1,
                sorted != null && NumericReference.isDiscrete(sorted, sorted.length))
            + FeatureReference.overrideSuffix(overridden, method);
    return new NumericReference(
        name,
        method,
        rows,
        missing,
        need(f, "infinite", source).asLong(),
        count,
        need(f, "mean", source).asDouble(),
        need(f, "std", source).asDouble(),
        binary,
        ones,
        edges,
        counts,
        reason,
        sorted,
        sketch);
  }

  /** Counts per bin [e[k-1], e[k]) of n values from a sketch's exclusive ranks (values below). */
  static long[] sketchCounts(KllDoublesSketch sketch, double[] edges, long n) {
    long[] counts = new long[edges.length + 1];
    if (edges.length == 0) {
      counts[0] = n;
      return counts;
    }
    double[] ranks = sketch.getRanks(edges, QuantileSearchCriteria.EXCLUSIVE);
    long prev = 0;
    for (int k = 0; k < edges.length; k++) {
      long below = Math.max(prev, Math.min(n, Math.round(ranks[k] * n)));
      counts[k] = below - prev;
      prev = below;
    }
    counts[edges.length] = n - prev;
    return counts;
  }

  private static @Nullable KllDoublesSketch sketch(JsonNode f) {
    return f.has("kll")
        ? KllDoublesSketch.heapify(Memory.wrap(Base64.getDecoder().decode(f.get("kll").asText())))
        : null;
  }

  private static void requireSample(
      double @Nullable [] sorted, @Nullable KllDoublesSketch sketch, String name, String source) {
    if (sorted == null && sketch == null) {
      throw new MlopsException(
          source + ": feature '" + name + "' must have 'sorted' or 'kll', but has neither");
    }
  }

  private static ColumnType type(JsonNode f, String name, String source) {
    String type = need(f, "type", source).asText();
    if ("numeric".equals(type)) {
      return ColumnType.NUMERIC;
    }
    if ("categorical".equals(type)) {
      return ColumnType.CATEGORICAL;
    }
    throw new MlopsException(
        source
            + ": the type of feature '"
            + name
            + "' must be 'numeric' or 'categorical', but was '"
            + type
            + "'");
  }

  private static ColumnKind kind(String key, String name, String source) {
    for (ColumnKind k : ColumnKind.values()) {
      if (k.key().equals(key)) {
        return k;
      }
    }
    throw new MlopsException(
        source
            + ": the kind of feature '"
            + name
            + "' must be one of "
            + keys()
            + ", but was '"
            + key
            + "'");
  }

  private static List<String> keys() {
    List<String> k = new ArrayList<>();
    for (ColumnKind c : ColumnKind.values()) {
      k.add(c.key());
    }
    return k;
  }

  private static JsonNode need(JsonNode o, String field, String source) {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      throw new MlopsException(source + ": field '" + field + "' is missing");
    }
    return n;
  }

  private static double[] doubles(JsonNode a) {
    double[] d = new double[a.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = a.get(i).asDouble();
    }
    return d;
  }

  private static long[] longs(JsonNode a) {
    long[] d = new long[a.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = a.get(i).asLong();
    }
    return d;
  }
}
