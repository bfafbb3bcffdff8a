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
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.Binning;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.Require;
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
 */
public final class BaselineJson {
  /** The {@code format} of a baseline document. */
  public static final String FORMAT = "mlops4j.drift-baseline";

  /** The newest {@code formatVersion} written and read. */
  public static final int VERSION = 1;

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
      if (r instanceof NumericReference n) {
        o.put("type", "numeric");
        o.put("method", n.method.key());
        o.put("rows", n.rows);
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
      } else {
        CategoricalReference c = (CategoricalReference) r;
        o.put("type", "categorical");
        o.put("method", c.method.key());
        o.put("rows", c.rows);
        o.put("missing", c.missing);
        o.put("categories", c.vocabulary);
        o.put("counts", c.counts);
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
    Map<String, String> methods = new LinkedHashMap<>();
    d.methods().forEach((k, v) -> methods.put(k, v.key()));
    o.put("methods", methods);
    return o;
  }

  /**
   * Reads a baseline document.
   *
   * @param source where the text came from (a path, or {@code "JSON"}), for messages
   * @throws MlopsException {@code "<source>: <what is wrong>"} if the text is not a baseline of
   *     format version 1 to {@value #VERSION}, or a field is missing or invalid
   */
  public static Contents read(String json, String source) {
    ObjectNode root = Json.readDocument(json, FORMAT, VERSION, source);
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
      JsonNode methods = c.path("methods");
      for (Iterator<String> it = methods.fieldNames(); it.hasNext(); ) {
        String col = it.next();
        b.method(col, methods.get(col).asText());
      }
      DriftDetector detector = b.build();
      List<FeatureReference> features = new ArrayList<>();
      for (JsonNode f : need(root, "features", source)) {
        String name = need(f, "name", source).asText();
        DriftMethod method = DriftMethod.fromKey(need(f, "method", source).asText());
        String type = need(f, "type", source).asText();
        if ("numeric".equals(type)) {
          double[] edges = doubles(need(f, "edges", source));
          long[] counts = longs(need(f, "counts", source));
          double @Nullable [] sorted = f.has("sorted") ? doubles(f.get("sorted")) : null;
          @Nullable KllDoublesSketch sketch =
              f.has("kll")
                  ? KllDoublesSketch.heapify(
                      Memory.wrap(Base64.getDecoder().decode(f.get("kll").asText())))
                  : null;
          if (sorted == null && sketch == null) {
            throw new MlopsException(
                source + ": feature '" + name + "' must have 'sorted' or 'kll', but has neither");
          }
          features.add(
              new NumericReference(
                  name,
                  method,
                  need(f, "rows", source).asLong(),
                  need(f, "missing", source).asLong(),
                  need(f, "infinite", source).asLong(),
                  need(f, "count", source).asInt(),
                  need(f, "mean", source).asDouble(),
                  need(f, "std", source).asDouble(),
                  need(f, "binary", source).asBoolean(),
                  need(f, "ones", source).asLong(),
                  edges,
                  counts,
                  sorted,
                  sketch));
        } else if ("categorical".equals(type)) {
          List<String> cats = new ArrayList<>();
          need(f, "categories", source).forEach(n -> cats.add(n.asText()));
          features.add(
              new CategoricalReference(
                  name,
                  method,
                  need(f, "rows", source).asLong(),
                  need(f, "missing", source).asLong(),
                  cats,
                  longs(need(f, "counts", source))));
        } else {
          throw new MlopsException(
              source
                  + ": the type of feature '"
                  + name
                  + "' must be 'numeric' or 'categorical', but was '"
                  + type
                  + "'");
        }
      }
      return new Contents(detector, features, createdAt);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new MlopsException(source + ": not a valid drift baseline: " + e.getMessage(), e);
    }
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
