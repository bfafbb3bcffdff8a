package org.mlops4j.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.mlops4j.api.MlopsException;

/**
 * JSON of a {@link DriftBaseline}: {@code {"format": "mlops4j-drift-baseline", "version": 1,
 * "createdBy", "java", "config": {...}, "features": [...]}}; a numeric feature holds {@code name,
 * type:"numeric", test, rows, count, missing, infinite, mean, std, binary, ones, edges[],
 * counts[]} and either {@code sorted[]} or {@code kll} (base64 of the DataSketches KLL doubles
 * sketch serialization); a categorical one {@code name, type:"categorical", test, rows, missing,
 * categories[], counts[]}.
 */
final class BaselineJson {
  static final String FORMAT = "mlops4j-drift-baseline";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private BaselineJson() {}

  static String write(DriftBaseline b) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", 1);
    root.put("createdBy", "mlops4j-drift 0.1.0");
    root.put("java", System.getProperty("java.version"));
    root.set("config", config(b.config()));
    ArrayNode fs = root.putArray("features");
    for (Map.Entry<String, Object> e : b.refs().entrySet()) {
      ObjectNode o = fs.addObject();
      o.put("name", e.getKey());
      if (e.getValue() instanceof NumericRef) {
        NumericRef n = (NumericRef) e.getValue();
        o.put("type", "numeric");
        o.put("test", n.test.key());
        o.put("rows", n.rows);
        o.put("count", n.count);
        o.put("missing", n.missing);
        o.put("infinite", n.infinite);
        o.put("mean", n.mean);
        o.put("std", n.std);
        o.put("binary", n.binary);
        o.put("ones", n.ones);
        ArrayNode edges = o.putArray("edges");
        for (double d : n.edges) {
          edges.add(d);
        }
        ArrayNode counts = o.putArray("counts");
        for (long c : n.counts) {
          counts.add(c);
        }
        if (n.sorted != null) {
          ArrayNode s = o.putArray("sorted");
          for (double d : n.sorted) {
            s.add(d);
          }
        } else {
          byte[] bytes;
          synchronized (n.sketch) {
            bytes = n.sketch.toByteArray();
          }
          o.put("kll", Base64.getEncoder().encodeToString(bytes));
        }
      } else {
        CategoricalRef c = (CategoricalRef) e.getValue();
        o.put("type", "categorical");
        o.put("test", c.test.key());
        o.put("rows", c.rows);
        o.put("missing", c.missing);
        ArrayNode cats = o.putArray("categories");
        c.vocabulary.forEach(cats::add);
        ArrayNode counts = o.putArray("counts");
        for (long x : c.counts) {
          counts.add(x);
        }
      }
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (IOException e) {
      throw new MlopsException("cannot write drift baseline JSON", e);
    }
  }

  private static ObjectNode config(DriftConfig c) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("alpha", c.alpha());
    o.put("correction", c.correction().name());
    o.put("bins", c.bins());
    o.put("binning", c.binning().name());
    o.put("epsilon", c.epsilon());
    o.put("psiModerate", c.psiModerate());
    o.put("psiSignificant", c.psiSignificant());
    o.put("psiGate", c.psiGate());
    o.put("wassersteinGate", c.wassersteinGate());
    o.put("jsGate", c.jsGate());
    o.put("datasetDriftShare", c.datasetDriftShare());
    o.put("missingPolicy", c.missingPolicy().name());
    o.put("ksMethod", c.ksMethod().name());
    o.put("sketchAbove", c.sketchAbove());
    o.put("sketchK", c.sketchK());
    ObjectNode t = o.putObject("tests");
    c.tests().forEach((k, v) -> t.put(k, v.key()));
    return o;
  }

  static DriftBaseline read(String json) {
    try {
      JsonNode root = MAPPER.readTree(json);
      if (root == null || !FORMAT.equals(root.path("format").asText())) {
        throw new MlopsException("not a drift baseline: format is '"
            + (root == null ? "" : root.path("format").asText()) + "', expected '" + FORMAT + "'");
      }
      int version = root.path("version").asInt(-1);
      if (version != 1) {
        throw new MlopsException("unsupported drift baseline version " + version + " (expected 1)");
      }
      JsonNode c = need(root, "config");
      DriftConfig.Builder cb = DriftConfig.builder()
          .alpha(need(c, "alpha").asDouble())
          .correction(Correction.valueOf(need(c, "correction").asText()))
          .bins(need(c, "bins").asInt())
          .binning(Binning.valueOf(need(c, "binning").asText()))
          .epsilon(need(c, "epsilon").asDouble())
          .psiLevels(need(c, "psiModerate").asDouble(), need(c, "psiSignificant").asDouble())
          .psiGate(need(c, "psiGate").asDouble())
          .wassersteinGate(need(c, "wassersteinGate").asDouble())
          .jsGate(need(c, "jsGate").asDouble())
          .datasetDriftShare(need(c, "datasetDriftShare").asDouble())
          .missingPolicy(MissingPolicy.valueOf(need(c, "missingPolicy").asText()))
          .ksMethod(KolmogorovSmirnov.Method.valueOf(need(c, "ksMethod").asText()))
          .sketchAbove(need(c, "sketchAbove").asInt())
          .sketchK(need(c, "sketchK").asInt());
      JsonNode tests = c.path("tests");
      for (java.util.Iterator<String> it = tests.fieldNames(); it.hasNext(); ) {
        String col = it.next();
        cb.test(col, tests.get(col).asText());
      }
      DriftConfig config = cb.build();
      Map<String, Object> features = new LinkedHashMap<>();
      for (JsonNode f : need(root, "features")) {
        String name = need(f, "name").asText();
        DriftTest test = DriftTest.of(need(f, "test").asText());
        String type = need(f, "type").asText();
        if ("numeric".equals(type)) {
          double[] edges = doubles(need(f, "edges"));
          long[] counts = longs(need(f, "counts"));
          double[] sorted = f.has("sorted") ? doubles(f.get("sorted")) : null;
          KllDoublesSketch sketch = f.has("kll")
              ? KllDoublesSketch.heapify(Memory.wrap(Base64.getDecoder().decode(f.get("kll").asText())))
              : null;
          if (sorted == null && sketch == null) {
            throw new MlopsException("drift baseline feature '" + name + "' has neither sorted nor kll");
          }
          features.put(name, new NumericRef(name, test, need(f, "rows").asLong(),
              need(f, "missing").asLong(), need(f, "infinite").asLong(), need(f, "count").asInt(),
              need(f, "mean").asDouble(), need(f, "std").asDouble(), need(f, "binary").asBoolean(),
              need(f, "ones").asLong(), edges, counts, sorted, sketch));
        } else if ("categorical".equals(type)) {
          List<String> cats = new ArrayList<>();
          need(f, "categories").forEach(n -> cats.add(n.asText()));
          features.put(name, new CategoricalRef(name, test, need(f, "rows").asLong(),
              need(f, "missing").asLong(), cats, longs(need(f, "counts"))));
        } else {
          throw new MlopsException("drift baseline feature '" + name + "' has unknown type '" + type + "'");
        }
      }
      return new DriftBaseline(config, features);
    } catch (IOException | IllegalArgumentException e) {
      throw new MlopsException("cannot read drift baseline JSON: " + e.getMessage(), e);
    }
  }

  private static JsonNode need(JsonNode o, String field) {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      throw new MlopsException("drift baseline JSON lacks field '" + field + "'");
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

  static void writeAtomically(Path file, String text) {
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    try {
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Path tmp = Files.createTempFile(dir, abs.getFileName().toString(), ".tmp");
      try {
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new MlopsException("cannot write " + abs + ": " + e.getMessage(), e);
    }
  }

  static String readFile(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MlopsException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

}
