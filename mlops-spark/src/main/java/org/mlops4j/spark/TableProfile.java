package org.mlops4j.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.MetricKeys;
import org.mlops4j.api.internal.Require;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.report.Page;
import org.mlops4j.report.Table;
import org.mlops4j.report.internal.Json;
import org.mlops4j.spark.internal.CategoricalState;
import org.mlops4j.spark.internal.NumericState;
import org.mlops4j.spark.internal.ProfileState;

/**
 * Per-column statistics of a table ({@link ColumnProfile}: rows, missing, distinct estimate, mean,
 * standard deviation, range, quantiles, top labels) that merge: {@link #merge(TableProfile)} of two
 * profiles (two partitions, two days) equals the profile of both tables: counts, mean and variance
 * exactly (Chan et al.'s pairwise update, up to rounding), quantiles within the KLL sketch's rank
 * error, the distinct estimate within the HLL sketch's error. The profile keeps the sketches, and
 * so does its JSON: a profile saved yesterday, {@link #load(Path) loaded} today, merges with
 * today's.
 *
 * <pre>{@code
 * TableProfile today = SparkProfiler.defaults().profile(df);
 * TableProfile week = TableProfile.load(Path.of("profile.json")).merge(today);
 * week.save(Path.of("profile.json"));
 * }</pre>
 *
 * <p>JSON ({@link #toJson()}): the mlops4j header ({@code format} {@value #FORMAT}, {@code
 * formatVersion} 1, {@code library}, {@code libraryVersion}, {@code createdAt}), then {@code
 * columns}: per column {@code name}, {@code type}, {@code summary} (the {@link ColumnProfile}'s
 * numbers, undefined ones null with a {@code <name>Reason}) and {@code state} (the mergeable state:
 * counts, mean, {@code m2}, {@code kll} and {@code hll} as base64 of their DataSketches
 * serialization, or a categorical column's {@code counts}).
 *
 * @since 0.1.0
 */
public final class TableProfile {
  /** The JSON {@code format}, {@value}. */
  public static final String FORMAT = "mlops4j.table-profile";

  private static final int VERSION = 1;

  private final List<String> names;
  private final List<Serializable> states;
  private final Instant createdAt;

  TableProfile(List<String> names, List<Serializable> states, Instant createdAt) {
    this.names = List.copyOf(names);
    this.states = List.copyOf(states);
    this.createdAt = createdAt;
  }

  /**
   * @return the columns' profiles, in column order
   */
  public List<ColumnProfile> columns() {
    List<ColumnProfile> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      out.add(summary(names.get(i), states.get(i)));
    }
    return out;
  }

  /**
   * @param name a column's name
   * @return its profile
   * @throws IllegalArgumentException if there is no such column
   */
  public ColumnProfile column(String name) {
    int i = names.indexOf(name);
    Require.argument(i >= 0, "name", "one of " + names, "'" + name + "'");
    return summary(name, states.get(i));
  }

  /**
   * The profile of both tables; this and other are unchanged.
   *
   * @param other a profile of the same columns (names and types, in the same order)
   * @return the merged profile
   * @throws NullPointerException if other is null
   * @throws IllegalArgumentException if the columns differ
   */
  public TableProfile merge(TableProfile other) {
    Require.nonNull(other, "other");
    List<String> kinds = kinds(this);
    Require.argument(
        names.equals(other.names) && kinds.equals(kinds(other)),
        "other",
        "a profile of the columns " + describe(names, kinds),
        describe(other.names, kinds(other)));
    List<Serializable> merged = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      merged.add(ProfileState.merged(states.get(i), other.states.get(i)));
    }
    return new TableProfile(names, merged, Instant.now());
  }

  private static List<String> kinds(TableProfile p) {
    return p.states.stream().map(s -> ProfileState.numeric(s) ? "numeric" : "categorical").toList();
  }

  private static String describe(List<String> names, List<String> kinds) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      parts.add(names.get(i) + ":" + kinds.get(i));
    }
    return parts.toString();
  }

  static ColumnProfile summary(String name, Serializable state) {
    if (state instanceof NumericState n) {
      double[] q = ProfileState.quantiles(n);
      Map<String, Double> quantiles = new LinkedHashMap<>();
      for (int k = 0; k < q.length; k++) {
        quantiles.put(level(ProfileState.LEVELS[k]), q[k]);
      }
      double[] d = ProfileState.distinct(n);
      KllDoublesSketch s = n.sketch();
      boolean empty = n.count() == 0;
      return new ColumnProfile(
          name,
          "numeric",
          n.rows(),
          n.missing(),
          n.infinite(),
          d[0],
          d[1],
          d[2],
          empty ? Double.NaN : n.mean(),
          n.std(),
          empty ? Double.NaN : n.min(),
          empty ? Double.NaN : n.max(),
          quantiles,
          s.isEstimationMode() ? s.getNormalizedRankError(false) : 0.0,
          Map.of());
    }
    CategoricalState c = (CategoricalState) state;
    double distinct = ProfileState.distinct(c);
    return new ColumnProfile(
        name,
        "categorical",
        c.rows(),
        c.missing(),
        0,
        distinct,
        distinct,
        distinct,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Map.of(),
        0.0,
        ProfileState.top(c, 5));
  }

  private static String level(double p) {
    return String.format(Locale.ROOT, "p%02d", Math.round(p * 100));
  }

  /**
   * @return the JSON described above
   */
  public String toJson() {
    Map<String, Object> root = Json.document(FORMAT, VERSION, createdAt);
    List<Object> cols = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      ColumnProfile p = summary(names.get(i), states.get(i));
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", p.name());
      o.put("type", p.type());
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("rows", p.rows());
      s.put("missing", p.missing());
      s.put("infinite", p.infinite());
      Json.putNumber(s, "distinct", p.distinct(), "no sketch");
      Json.putNumber(s, "distinctLower", p.distinctLower(), "no sketch");
      Json.putNumber(s, "distinctUpper", p.distinctUpper(), "no sketch");
      String why = p.type().equals("numeric") ? "no finite value" : "categorical column";
      Json.putNumber(s, "mean", p.mean(), why);
      Json.putNumber(s, "std", p.std(), why);
      Json.putNumber(s, "min", p.min(), why);
      Json.putNumber(s, "max", p.max(), why);
      Map<String, Object> q = new LinkedHashMap<>();
      p.quantiles().forEach((k, v) -> Json.putNumber(q, k, v, "no finite value"));
      s.put("quantiles", q);
      s.put("rankError", p.rankError());
      s.put("top", p.top());
      o.put("summary", s);
      o.put("state", ProfileState.toJson(states.get(i)));
      cols.add(o);
    }
    root.put("columns", cols);
    return Json.write(root);
  }

  /**
   * Reads a profile from its JSON.
   *
   * @param json the text of {@link #toJson()}
   * @return the profile, mergeable
   * @throws NullPointerException if json is null
   * @throws org.mlops4j.api.MlopsException if the text is not a profile this version reads
   */
  public static TableProfile fromJson(String json) {
    return read(Require.nonNull(json, "json"), "JSON");
  }

  /**
   * @param file a file written by {@link #save(Path)}
   * @return the profile
   * @throws NullPointerException if file is null
   * @throws org.mlops4j.api.MlopsException if the file cannot be read or is not a profile
   */
  public static TableProfile load(Path file) {
    Require.nonNull(file, "file");
    return read(AtomicFiles.read(file), file.toString());
  }

  private static TableProfile read(String json, String source) {
    ObjectNode root = Json.readDocument(json, FORMAT, VERSION, source);
    List<String> names = new ArrayList<>();
    List<Serializable> states = new ArrayList<>();
    for (JsonNode c : root.path("columns")) {
      names.add(c.path("name").asText());
      states.add(
          ProfileState.fromJson(
              c.path("state"), "numeric".equals(c.path("type").asText()), source));
    }
    return new TableProfile(names, states, Instant.parse(root.path("createdAt").asText()));
  }

  /**
   * Writes the JSON, or the HTML page when the name ends in {@code .html}, atomically.
   *
   * @param file the target
   * @throws NullPointerException if file is null
   * @throws org.mlops4j.api.MlopsException if the file cannot be written
   */
  public void save(Path file) {
    AtomicFiles.saveJsonOrHtml(file, this::toJson, this::toHtml, AtomicFiles.Durability.ATOMIC);
  }

  /**
   * @return a self-contained HTML page: one table of the columns' statistics
   */
  public String toHtml() {
    Table.Builder t =
        Table.builder()
            .columns(
                "column",
                "type",
                "rows",
                "missing",
                "distinct",
                "mean",
                "std",
                "min",
                "p50",
                "max",
                "top")
            .numeric(2, 3, 4, 5, 6, 7, 8, 9);
    for (ColumnProfile p : columns()) {
      t.row(
          p.name(),
          p.type(),
          p.rows(),
          p.missing(),
          fmt(p.distinct()),
          fmt(p.mean()),
          fmt(p.std()),
          fmt(p.min()),
          fmt(p.quantiles().getOrDefault("p50", Double.NaN)),
          fmt(p.max()),
          p.top().toString());
    }
    return Page.builder()
        .title("Table profile")
        .about("created", createdAt.toString())
        .section("Columns", t.build())
        .build()
        .toHtml();
  }

  /**
   * Logs to a tracking run: metrics {@code profile.<column>.rows}, {@code .missing}, {@code
   * .distinct}, and for numeric columns {@code .mean}, {@code .std}, {@code .min}, {@code .max},
   * {@code .p01} ... {@code .p99} (undefined numbers are not logged); artifacts {@code
   * profile/profile.json} and {@code profile/profile.html}.
   *
   * @param run the run
   * @return this profile
   * @throws NullPointerException if run is null
   */
  public TableProfile logTo(Run run) {
    Require.nonNull(run, "run");
    for (ColumnProfile p : columns()) {
      String prefix = "profile." + MetricKeys.segment(p.name()) + ".";
      run.logMetric(prefix + "rows", p.rows());
      run.logMetric(prefix + "missing", p.missing());
      log(run, prefix + "distinct", p.distinct());
      log(run, prefix + "mean", p.mean());
      log(run, prefix + "std", p.std());
      log(run, prefix + "min", p.min());
      log(run, prefix + "max", p.max());
      p.quantiles().forEach((k, v) -> log(run, prefix + k, v));
    }
    run.logText("profile/profile.json", toJson());
    run.logText("profile/profile.html", toHtml());
    return this;
  }

  private static void log(Run run, String key, double v) {
    if (Double.isFinite(v)) {
      run.logMetric(key, v);
    }
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4g", v);
  }

  /**
   * @return a table of the columns: name, type, rows, missing, distinct, mean, std, min, median,
   *     max (numeric) or the top labels (categorical)
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%-12s %-11s %9s %8s %9s %10s %10s %10s %10s %10s%n",
            "column",
            "type",
            "rows",
            "missing",
            "distinct",
            "mean",
            "std",
            "min",
            "p50",
            "max"));
    for (ColumnProfile p : columns()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-12s %-11s %9d %8d %9s %10s %10s %10s %10s %10s%s%n",
              p.name(),
              p.type(),
              p.rows(),
              p.missing(),
              fmt(p.distinct()),
              fmt(p.mean()),
              fmt(p.std()),
              fmt(p.min()),
              fmt(p.quantiles().getOrDefault("p50", Double.NaN)),
              fmt(p.max()),
              p.top().isEmpty() ? "" : "  top " + p.top()));
    }
    return sb.toString().stripTrailing();
  }
}
