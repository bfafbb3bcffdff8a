package org.mlops4j.spark.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.mlops4j.api.MlopsException;
import org.mlops4j.report.internal.Json;

/**
 * Column states for profiles: copies, their summary numbers, and their JSON form (every number and
 * both sketches, base64 of their DataSketches serialization, so that a profile read back merges).
 */
public final class ProfileState {
  /** The quantile levels of a profile. */
  public static final double[] LEVELS = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};

  private ProfileState() {}

  /** A deep copy (Java serialization round trip). */
  @SuppressWarnings("unchecked")
  public static <T extends Serializable> T copy(T state) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(state);
      }
      try (ObjectInputStream in =
          new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return (T) in.readObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The quantiles at {@link #LEVELS} (NaN for an empty column). */
  public static double[] quantiles(NumericState s) {
    if (s.count == 0) {
      double[] nan = new double[LEVELS.length];
      java.util.Arrays.fill(nan, Double.NaN);
      return nan;
    }
    return s.sketch.getQuantiles(LEVELS, QuantileSearchCriteria.INCLUSIVE);
  }

  /**
   * The distinct estimate and its 95% bounds (about 2 standard errors), each at most the count of
   * finite values (an HLL estimate may pass it), or NaN without a sketch.
   */
  public static double[] distinct(NumericState s) {
    HllSketch h = s.hll;
    if (h == null || s.count == 0) {
      return new double[] {s.count == 0 ? 0 : Double.NaN, 0, 0};
    }
    double n = s.count;
    return new double[] {
      Math.min(n, h.getEstimate()), Math.min(n, h.getLowerBound(2)), Math.min(n, h.getUpperBound(2))
    };
  }

  /** The most frequent labels (count descending, then label), at most k. */
  public static Map<String, Long> top(CategoricalState s, int k) {
    List<String> labels = s.labels();
    labels.sort((a, b) -> Long.compare(s.count(b), s.count(a)));
    Map<String, Long> out = new LinkedHashMap<>();
    for (String l : labels.subList(0, Math.min(k, labels.size()))) {
      out.put(l, s.count(l));
    }
    return out;
  }

  /** The distinct labels of a categorical state. */
  public static long distinct(CategoricalState s) {
    return s.counts.size();
  }

  /** The state as a JSON object. */
  public static Map<String, Object> toJson(Serializable state) {
    Map<String, Object> o = new LinkedHashMap<>();
    if (state instanceof NumericState n) {
      o.put("rows", n.rows);
      o.put("missing", n.missing);
      o.put("infinite", n.infinite);
      o.put("count", n.count);
      o.put("zeros", n.zeros);
      o.put("ones", n.ones);
      Json.putNumber(o, "min", n.count == 0 ? Double.NaN : n.min, "no finite value");
      Json.putNumber(o, "max", n.count == 0 ? Double.NaN : n.max, "no finite value");
      o.put("mean", n.mean);
      o.put("m2", n.m2);
      o.put("k", n.k);
      o.put("kll", Base64.getEncoder().encodeToString(n.sketch.toByteArray()));
      if (n.hll != null) {
        o.put("hll", Base64.getEncoder().encodeToString(n.hll.toCompactByteArray()));
      }
    } else {
      CategoricalState c = (CategoricalState) state;
      o.put("rows", c.rows);
      o.put("missing", c.missing);
      Map<String, Long> counts = new LinkedHashMap<>();
      for (String l : c.labels()) {
        counts.put(l, c.count(l));
      }
      o.put("counts", counts);
    }
    return o;
  }

  /** Reads a state written by {@link #toJson}. */
  public static Serializable fromJson(JsonNode o, boolean numeric, String source) {
    try {
      if (numeric) {
        NumericState n = new NumericState(o.path("k").asInt(200), 0, null, o.has("hll"));
        n.rows = o.path("rows").asLong();
        n.missing = o.path("missing").asLong();
        n.infinite = o.path("infinite").asLong();
        n.count = o.path("count").asLong();
        n.zeros = o.path("zeros").asLong();
        n.ones = o.path("ones").asLong();
        n.min = o.path("min").isNumber() ? o.path("min").asDouble() : Double.POSITIVE_INFINITY;
        n.max = o.path("max").isNumber() ? o.path("max").asDouble() : Double.NEGATIVE_INFINITY;
        n.mean = o.path("mean").asDouble();
        n.m2 = o.path("m2").asDouble();
        n.sketch =
            KllDoublesSketch.heapify(
                Memory.wrap(Base64.getDecoder().decode(o.path("kll").asText())));
        if (o.has("hll")) {
          n.hll = HllSketch.heapify(Base64.getDecoder().decode(o.path("hll").asText()));
        }
        return n;
      }
      CategoricalState c = new CategoricalState();
      c.rows = o.path("rows").asLong();
      c.missing = o.path("missing").asLong();
      o.path("counts")
          .fields()
          .forEachRemaining(e -> c.counts.put(e.getKey(), new long[] {e.getValue().asLong()}));
      return c;
    } catch (RuntimeException e) {
      throw new MlopsException(source + ": a column state cannot be read: " + e.getMessage(), e);
    }
  }

  /** Whether a state is numeric. */
  public static boolean numeric(Serializable state) {
    return state instanceof NumericState;
  }

  /** Merges b into a copy of a. */
  public static Serializable merged(Serializable a, Serializable b) {
    Serializable c = copy(a);
    if (c instanceof NumericState n) {
      return n.merge((NumericState) b);
    }
    return ((CategoricalState) c).merge((CategoricalState) b);
  }

  /** The states of a table state, in column order. */
  public static List<Serializable> columns(TableState t) {
    List<Serializable> out = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      out.add(t.column(i));
    }
    return out;
  }
}
