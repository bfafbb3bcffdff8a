package org.mlops4j.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.ColumnType;
import org.mlops4j.drift.Columns;
import org.mlops4j.features.internal.BuiltInSteps;
import org.mlops4j.features.internal.NumericMath;
import org.mlops4j.features.internal.YeoJohnson;
import org.mlops4j.report.internal.Json;

/**
 * One processing path for training and serving: per input field a chain of {@link NumericStep}s
 * (numeric and boolean fields) or a {@link CategoryEncoder} (categorical fields), fitted once on
 * the training batch ({@link #fit(Columns)}) and then applied identically to a batch ({@link
 * #apply(Columns)}) and to one record ({@link #applyInto(FeatureRow, double[])}, which allocates
 * nothing). Row i of the batch output has the same bits as the output of record i: both run the
 * same code.
 *
 * <pre>{@code
 * FeaturePipeline pipeline = FeaturePipeline.builder()
 *     .numeric("age", NumericSteps.medianImputer(), NumericSteps.standard())
 *     .numeric("income", NumericSteps.meanImputer(), NumericSteps.yeoJohnson())
 *     .categorical("city", CategoryEncoder.oneHot(UnseenPolicy.UNKNOWN))
 *     .build()
 *     .fit(training);                                   // Columns
 * double[][] x = pipeline.apply(training);              // rows x outputs
 * FeatureRow row = pipeline.newRow();                   // once per thread
 * double[] out = new double[pipeline.width()];
 * pipeline.applyInto(row.set("age", 41).set("income", 52_000).set("city", "Oslo"), out);
 * pipeline.save(Path.of("features.json"));
 * }</pre>
 *
 * <p>A numeric chain's steps are fitted in order, each on the training values transformed by the
 * steps before it (as a scikit-learn {@code Pipeline}); a field without steps passes its value
 * through. Outputs, in field order: one per numeric field (its name), the encoder's outputs for a
 * categorical field (see {@link CategoryEncoder}). A built pipeline is not fitted: {@link
 * #apply(Columns)}, {@link #applyInto}, {@link #outputNames()}, {@link #toJson()} throw {@link
 * IllegalStateException} until {@link #fit(Columns)} returns the fitted copy.
 *
 * <p>JSON ({@link #toJson()}, {@link #save(Path)}, written atomically and forced to the device):
 * the mlops4j header ({@code format} {@value #FORMAT}, {@code formatVersion} {@value
 * #FORMAT_VERSION}, {@code library}, {@code libraryVersion}, {@code createdAt}), {@code width},
 * {@code outputs} (names), {@code fields}: each {@code name}, {@code type} ({@code numeric} or
 * {@code categorical}); a numeric one {@code steps}, each {@code key} and {@code parameters}
 * (numbers and arrays of numbers); a categorical one {@code encoding} ({@code one_hot}, {@code
 * ordinal}, {@code hashing}), {@code unseen} ({@link UnseenPolicy#key()}), {@code features} (the
 * hashing width, else 0), {@code imputation} ({@code none}, {@code most_frequent}, {@code
 * constant}), {@code imputed} (the label or null), {@code vocabulary}. Doubles are written in
 * Java's shortest round-trip form ({@link Double#toString(double)}), so a loaded pipeline gives
 * bit-identical outputs. {@link #fromJson(String, NumericStep...)} and {@link #load(Path,
 * NumericStep...)} refuse another format, an unknown version, a missing or malformed field (naming
 * its path, e.g. {@code fields[1].steps[0].parameters.mean}), and a step key that is neither
 * built-in nor among the user-defined steps given.
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @since 0.1.0
 */
public final class FeaturePipeline {

  /** The {@code format} of the JSON document, {@value}. */
  public static final String FORMAT = "mlops4j.feature-pipeline";

  /** The {@code formatVersion} of the JSON document written by this version. */
  public static final int FORMAT_VERSION = 1;

  /** Input layout: names, whether each is numeric, index by name. */
  record Layout(List<String> names, boolean[] numeric, Map<String, Integer> index) {
    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Layout l && names.equals(l.names) && Arrays.equals(numeric, l.numeric);
    }

    @Override
    public int hashCode() {
      return names.hashCode();
    }

    @Override
    public String toString() {
      return names.toString();
    }
  }

  private final Layout layout;
  private final List<List<NumericStep>> steps; // per field; empty for categorical
  private final List<@Nullable CategoryEncoder> encoders; // per field; null for numeric
  private final boolean fitted;
  private final FittedStep[][] chains;
  private final @Nullable FittedEncoder[] fittedEncoders;
  private final int[] offsets;
  private final int[][] ops; // per field and step: the built-in operation, or OP_CALL
  private final double[][] p1;
  private final double[][] p2;
  private final double[][][] edges;
  private final int width;

  private static final int OP_CALL = 0;
  private static final int OP_IMPUTE = 1;
  private static final int OP_AFFINE = 2;
  private static final int OP_LOG1P = 3;
  private static final int OP_YEO_JOHNSON = 4;
  private static final int OP_BUCKETS = 5;
  private final List<String> outputNames;

  private FeaturePipeline(
      Layout layout,
      List<List<NumericStep>> steps,
      List<@Nullable CategoryEncoder> encoders,
      FittedStep @Nullable [][] chains,
      @Nullable FittedEncoder @Nullable [] fittedEncoders) {
    this.layout = layout;
    this.steps = steps;
    this.encoders = encoders;
    this.fitted = chains != null;
    int n = layout.names().size();
    this.chains = chains == null ? new FittedStep[n][] : chains;
    this.fittedEncoders = fittedEncoders == null ? new FittedEncoder[n] : fittedEncoders;
    this.offsets = new int[n];
    List<String> names = new ArrayList<>();
    int w = 0;
    if (fitted) {
      for (int i = 0; i < n; i++) {
        offsets[i] = w;
        FittedEncoder e = this.fittedEncoders[i];
        if (e == null) {
          names.add(layout.names().get(i));
          w++;
        } else {
          names.addAll(Arrays.asList(e.outputNames()));
          w += e.width();
        }
      }
    }
    this.width = w;
    this.outputNames = Collections.unmodifiableList(names);
    // the built-in steps, decoded once so that serving runs a switch rather than interface calls
    this.ops = new int[n][];
    this.p1 = new double[n][];
    this.p2 = new double[n][];
    this.edges = new double[n][][];
    for (int i = 0; i < n; i++) {
      FittedStep[] chain = this.chains[i] == null ? new FittedStep[0] : this.chains[i];
      ops[i] = new int[chain.length];
      p1[i] = new double[chain.length];
      p2[i] = new double[chain.length];
      edges[i] = new double[chain.length][];
      for (int k = 0; k < chain.length; k++) {
        FittedStep st = chain[k];
        if (st instanceof BuiltInSteps.FittedImpute f) {
          ops[i][k] = OP_IMPUTE;
          p1[i][k] = f.value();
        } else if (st instanceof BuiltInSteps.FittedAffine f) {
          ops[i][k] = OP_AFFINE;
          p1[i][k] = f.shift();
          p2[i][k] = f.scale();
        } else if (st instanceof BuiltInSteps.Log1p) {
          ops[i][k] = OP_LOG1P;
        } else if (st instanceof BuiltInSteps.FittedYeoJohnson f) {
          ops[i][k] = OP_YEO_JOHNSON;
          p1[i][k] = f.lambda();
        } else if (st instanceof BuiltInSteps.FittedBuckets f) {
          ops[i][k] = OP_BUCKETS;
          edges[i][k] = f.edges();
        } else {
          ops[i][k] = OP_CALL;
        }
      }
    }
  }

  /**
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Fits every field on a training batch.
   *
   * @param training the training columns: every input field, numeric fields as numeric columns,
   *     categorical ones as categorical columns (other columns are ignored)
   * @return the fitted pipeline (this one is left unchanged)
   * @throws NullPointerException if training is null
   * @throws IllegalArgumentException if a field is absent or of the wrong type, or a step cannot be
   *     fitted (for instance a column without a finite value), naming the field
   */
  public FeaturePipeline fit(Columns training) {
    Require.nonNull(training, "training");
    checkColumns(training, "training");
    int n = layout.names().size();
    FittedStep[][] c = new FittedStep[n][];
    FittedEncoder[] e = new FittedEncoder[n];
    for (int i = 0; i < n; i++) {
      String name = layout.names().get(i);
      CategoryEncoder enc = encoders.get(i);
      if (enc == null) {
        double[] xs = training.numeric(name);
        List<NumericStep> chain = steps.get(i);
        c[i] = new FittedStep[chain.size()];
        for (int k = 0; k < chain.size(); k++) {
          FittedStep f;
          try {
            f = Require.nonNull(chain.get(k).fit(xs.clone()), "fitted step");
          } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(
                "field '" + name + "', step " + chain.get(k).key() + ": " + ex.getMessage(), ex);
          }
          c[i][k] = f;
          for (int r = 0; r < xs.length; r++) {
            xs[r] = f.apply(xs[r]);
          }
        }
      } else {
        c[i] = new FittedStep[0];
        e[i] = FittedEncoder.fit(name, enc, training.categorical(name));
      }
    }
    return new FeaturePipeline(layout, steps, encoders, c, e);
  }

  /**
   * @return whether this pipeline was fitted (by {@link #fit(Columns)} or loaded)
   */
  public boolean isFitted() {
    return fitted;
  }

  /**
   * @return the input field names, in order
   */
  public List<String> inputs() {
    return layout.names();
  }

  /**
   * @return the number of outputs per row
   * @throws IllegalStateException if the pipeline is not fitted
   */
  public int width() {
    requireFitted();
    return width;
  }

  /**
   * @return the output names, in order
   * @throws IllegalStateException if the pipeline is not fitted
   */
  public List<String> outputNames() {
    requireFitted();
    return outputNames;
  }

  /**
   * @return a new empty row of this pipeline's inputs, to fill and pass to {@link #applyInto}
   */
  public FeatureRow newRow() {
    return new FeatureRow(layout);
  }

  /**
   * Transforms a batch.
   *
   * @param batch the columns (as for {@link #fit(Columns)})
   * @return one array of {@link #width()} outputs per row
   * @throws NullPointerException if batch is null
   * @throws IllegalStateException if the pipeline is not fitted
   * @throws IllegalArgumentException if a field is absent or of the wrong type, or an unseen label
   *     meets {@link UnseenPolicy#ERROR}
   */
  public double[][] apply(Columns batch) {
    Require.nonNull(batch, "batch");
    requireFitted();
    checkColumns(batch, "batch");
    int n = layout.names().size();
    double[][] nums = new double[n][];
    @Nullable String[][] labs = new String[n][];
    for (int i = 0; i < n; i++) {
      if (layout.numeric()[i]) {
        nums[i] = batch.numeric(layout.names().get(i));
      } else {
        labs[i] = batch.categorical(layout.names().get(i));
      }
    }
    double[][] out = new double[batch.rowCount()][width];
    for (int r = 0; r < out.length; r++) {
      for (int i = 0; i < n; i++) {
        @Nullable String[] l = labs[i];
        double[] x = nums[i];
        applyField(i, x == null ? Double.NaN : x[r], l == null ? null : l[r], out[r]);
      }
    }
    return out;
  }

  /**
   * Transforms one record into a preallocated array, allocating nothing.
   *
   * @param row a row of this pipeline's inputs (from {@link #newRow()} of this or an equal
   *     pipeline)
   * @param out receives the outputs at indexes 0 .. {@link #width()} - 1
   * @return out
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if the pipeline is not fitted
   * @throws IllegalArgumentException if the row has other fields, out is shorter than {@link
   *     #width()}, or an unseen label meets {@link UnseenPolicy#ERROR}
   */
  public double[] applyInto(FeatureRow row, double[] out) {
    Require.nonNull(row, "row");
    Require.nonNull(out, "out");
    requireFitted();
    if (row.layout != layout && !row.layout.equals(layout)) {
      throw new IllegalArgumentException(
          Require.mustBe("row", "a row of fields " + layout, row.layout));
    }
    if (out.length < width) {
      throw new IllegalArgumentException(
          Require.mustBe("out.length", "at least width = " + width, out.length));
    }
    for (int i = 0; i < chains.length; i++) {
      applyField(i, row.numbers[i], row.labels[i], out);
    }
    return out;
  }

  /**
   * Transforms one record into a new array.
   *
   * @param row a row of this pipeline's inputs
   * @return the outputs
   * @throws NullPointerException if row is null
   * @throws IllegalStateException if the pipeline is not fitted
   * @throws IllegalArgumentException as {@link #applyInto}
   */
  public double[] apply(FeatureRow row) {
    requireFitted();
    return applyInto(row, new double[width]);
  }

  private void applyField(int i, double x, @Nullable String label, double[] out) {
    FittedEncoder e = fittedEncoders[i];
    if (e == null) {
      int[] op = ops[i];
      for (int k = 0; k < op.length; k++) {
        x =
            switch (op[k]) {
              case OP_IMPUTE -> Double.isNaN(x) ? p1[i][k] : x;
              case OP_AFFINE -> (x - p1[i][k]) / p2[i][k];
              case OP_LOG1P -> StrictMath.log1p(x);
              case OP_YEO_JOHNSON -> YeoJohnson.transform(x, p1[i][k]);
              case OP_BUCKETS -> NumericMath.bucket(edges[i][k], x);
              default -> chains[i][k].apply(x);
            };
      }
      out[offsets[i]] = x;
    } else {
      e.encode(label, out, offsets[i]);
    }
  }

  private void requireFitted() {
    Require.state(
        fitted,
        "this FeaturePipeline is not fitted: call fit(training) and use the pipeline it returns");
  }

  private void checkColumns(Columns c, String what) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < layout.names().size(); i++) {
      String name = layout.names().get(i);
      ColumnType want = layout.numeric()[i] ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
      if (!c.has(name)) {
        problems.add("missing column '" + name + "'");
      } else if (c.type(name) != want) {
        problems.add(
            "column '"
                + name
                + "' is "
                + c.type(name).name().toLowerCase(Locale.ROOT)
                + ", not "
                + want.name().toLowerCase(Locale.ROOT));
      }
    }
    Require.argument(
        problems.isEmpty(), what, "a table of the pipeline's inputs", String.join("; ", problems));
  }

  /**
   * @return the fitted pipeline as JSON, in the format described above
   * @throws IllegalStateException if the pipeline is not fitted
   */
  public String toJson() {
    requireFitted();
    Map<String, Object> m = Json.document(FORMAT, FORMAT_VERSION);
    m.put("width", width);
    m.put("outputs", outputNames);
    List<Map<String, Object>> fields = new ArrayList<>();
    for (int i = 0; i < chains.length; i++) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("name", layout.names().get(i));
      FittedEncoder e = fittedEncoders[i];
      if (e == null) {
        f.put("type", "numeric");
        List<Map<String, Object>> ss = new ArrayList<>();
        for (FittedStep s : chains[i]) {
          Map<String, Object> sm = new LinkedHashMap<>();
          sm.put("key", s.key());
          sm.put("parameters", new LinkedHashMap<>(s.parameters()));
          ss.add(sm);
        }
        f.put("steps", ss);
      } else {
        f.put("type", "categorical");
        f.put("encoding", e.spec.encoding().key());
        f.put("unseen", e.spec.unseen().key());
        f.put("features", e.spec.features());
        f.put("imputation", e.spec.imputation());
        f.put("imputed", e.imputed);
        f.put("vocabulary", e.vocabulary);
      }
      fields.add(f);
    }
    m.put("fields", fields);
    return Json.write(m);
  }

  /**
   * Writes {@link #toJson()} atomically, forced to the device.
   *
   * @param file where to write
   * @throws NullPointerException if file is null
   * @throws IllegalStateException if the pipeline is not fitted
   * @throws MlopsException if the file cannot be written
   */
  public void save(Path file) {
    Require.nonNull(file, "file");
    AtomicFiles.save(file, toJson(), AtomicFiles.Durability.DURABLE);
  }

  /**
   * Reads a fitted pipeline written by {@link #toJson()}.
   *
   * @param json the document
   * @param custom the user-defined steps the document uses (matched by {@link NumericStep#key()})
   * @return the fitted pipeline
   * @throws NullPointerException if an argument is null
   * @throws MlopsException if the document is not valid: another format, an unknown version, a
   *     missing or malformed field (named by its path), an unknown step key
   */
  public static FeaturePipeline fromJson(String json, NumericStep... custom) {
    return read(Require.nonNull(json, "json"), "JSON", custom);
  }

  /**
   * Reads a fitted pipeline saved by {@link #save(Path)}.
   *
   * @param file the file
   * @param custom the user-defined steps the document uses
   * @return the fitted pipeline
   * @throws NullPointerException if an argument is null
   * @throws MlopsException if the file cannot be read or is not valid (see {@link #fromJson(String,
   *     NumericStep...)}); the message starts with the path
   */
  public static FeaturePipeline load(Path file, NumericStep... custom) {
    Require.nonNull(file, "file");
    return read(AtomicFiles.read(file), file.toString(), custom);
  }

  private static FeaturePipeline read(String json, String source, NumericStep[] custom) {
    Require.noNulls(custom, "custom");
    Map<String, NumericStep> byKey = new HashMap<>();
    for (NumericStep s : custom) {
      byKey.put(s.key(), s);
    }
    ObjectNode doc = Json.readDocument(json, FORMAT, FORMAT_VERSION, source);
    JsonNode fieldsNode = need(doc, "fields", source, "");
    if (!fieldsNode.isArray()) {
      throw bad(source, "fields", "an array", fieldsNode);
    }
    Builder b = builder();
    List<FittedStep[]> chains = new ArrayList<>();
    List<@Nullable FittedEncoder> encs = new ArrayList<>();
    int i = 0;
    for (JsonNode f : fieldsNode) {
      String at = "fields[" + i + "].";
      String name = text(f, "name", source, at);
      String type = text(f, "type", source, at);
      if (type.equals("numeric")) {
        JsonNode ss = need(f, "steps", source, at);
        if (!ss.isArray()) {
          throw bad(source, at + "steps", "an array", ss);
        }
        List<NumericStep> specs = new ArrayList<>();
        List<FittedStep> fitted = new ArrayList<>();
        int k = 0;
        for (JsonNode s : ss) {
          String sat = at + "steps[" + k + "].";
          String key = text(s, "key", source, sat);
          Map<String, Object> params = parameters(need(s, "parameters", source, sat), source, sat);
          NumericStep spec = byKey.get(key);
          try {
            if (spec == null) {
              spec =
                  BuiltInSteps.byKey(key, params)
                      .orElseThrow(
                          () ->
                              new MlopsException(
                                  source
                                      + ": "
                                      + sat
                                      + "key '"
                                      + key
                                      + "' is neither a built-in step "
                                      + BuiltInSteps.KEYS
                                      + " nor one of the user-defined steps given "
                                      + byKey.keySet()));
            }
            fitted.add(Require.nonNull(spec.restore(params), "restored step"));
          } catch (IllegalArgumentException ex) {
            throw new MlopsException(source + ": " + sat + "parameters: " + ex.getMessage(), ex);
          }
          specs.add(spec);
          k++;
        }
        b.numeric(name, specs.toArray(NumericStep[]::new));
        chains.add(fitted.toArray(FittedStep[]::new));
        encs.add(null);
      } else if (type.equals("categorical")) {
        String encoding = text(f, "encoding", source, at);
        String unseen = text(f, "unseen", source, at);
        JsonNode feat = need(f, "features", source, at);
        String imputation = text(f, "imputation", source, at);
        JsonNode imputed = need(f, "imputed", source, at);
        JsonNode vocab = need(f, "vocabulary", source, at);
        UnseenPolicy policy = null;
        for (UnseenPolicy p : UnseenPolicy.values()) {
          if (p.key().equals(unseen)) {
            policy = p;
          }
        }
        if (policy == null) {
          throw bad(source, at + "unseen", "one of error, ignore, unknown", unseen);
        }
        CategoryEncoder enc;
        try {
          enc =
              switch (encoding) {
                case "one_hot" -> CategoryEncoder.oneHot(policy);
                case "ordinal" -> CategoryEncoder.ordinal(policy);
                case "hashing" -> CategoryEncoder.hashing(feat.asInt());
                default ->
                    throw bad(source, at + "encoding", "one_hot, ordinal or hashing", encoding);
              };
        } catch (IllegalArgumentException ex) {
          throw new MlopsException(source + ": " + at + "features: " + ex.getMessage(), ex);
        }
        String imputedLabel = imputed.isNull() ? null : imputed.asText();
        switch (imputation) {
          case "none" -> {}
          case "most_frequent" -> enc = enc.imputeMostFrequent();
          case "constant" -> {
            if (imputedLabel == null) {
              throw bad(source, at + "imputed", "a label for constant imputation", "null");
            }
            enc = enc.imputeConstant(imputedLabel);
          }
          default ->
              throw bad(source, at + "imputation", "none, most_frequent or constant", imputation);
        }
        if (!vocab.isArray()) {
          throw bad(source, at + "vocabulary", "an array", vocab);
        }
        List<String> words = new ArrayList<>();
        for (JsonNode w : vocab) {
          if (!w.isTextual()) {
            throw bad(source, at + "vocabulary", "an array of strings", vocab);
          }
          words.add(w.asText());
        }
        b.categorical(name, enc);
        chains.add(new FittedStep[0]);
        encs.add(new FittedEncoder(name, enc, imputedLabel, words));
      } else {
        throw bad(source, at + "type", "numeric or categorical", type);
      }
      i++;
    }
    FeaturePipeline spec;
    try {
      spec = b.build();
    } catch (IllegalArgumentException | IllegalStateException ex) {
      throw new MlopsException(source + ": fields: " + ex.getMessage(), ex);
    }
    return new FeaturePipeline(
        spec.layout,
        spec.steps,
        spec.encoders,
        chains.toArray(FittedStep[][]::new),
        encs.toArray(FittedEncoder[]::new));
  }

  private static Map<String, Object> parameters(JsonNode p, String source, String at) {
    if (!p.isObject()) {
      throw bad(source, at + "parameters", "an object", p);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = p.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isNumber()) {
        m.put(e.getKey(), v.doubleValue());
      } else if (v.isArray()) {
        double[] a = new double[v.size()];
        for (int j = 0; j < a.length; j++) {
          if (!v.get(j).isNumber()) {
            throw bad(source, at + "parameters." + e.getKey(), "an array of numbers", v);
          }
          a[j] = v.get(j).doubleValue();
        }
        m.put(e.getKey(), a);
      } else {
        throw bad(source, at + "parameters." + e.getKey(), "a number or an array of numbers", v);
      }
    }
    return m;
  }

  private static JsonNode need(JsonNode node, String name, String source, String at) {
    JsonNode v = node.get(name);
    if (v == null) {
      throw new MlopsException(source + ": missing field '" + at + name + "'");
    }
    return v;
  }

  private static String text(JsonNode node, String name, String source, String at) {
    JsonNode v = need(node, name, source, at);
    if (!v.isTextual()) {
      throw bad(source, at + name, "a string", v);
    }
    return v.asText();
  }

  private static MlopsException bad(String source, String path, String what, Object value) {
    return new MlopsException(
        source + ": field '" + path + "' must be " + what + ", but was " + value);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("FeaturePipeline (");
    sb.append(layout.names().size()).append(" inputs, ");
    sb.append(fitted ? width + " outputs, fitted)" : "not fitted)");
    for (int i = 0; i < layout.names().size(); i++) {
      sb.append("\n  ").append(layout.names().get(i)).append(": ");
      CategoryEncoder e = encoders.get(i);
      if (e != null) {
        FittedEncoder fe = fittedEncoders[i];
        sb.append(e);
        if (fe != null && !fe.vocabulary.isEmpty()) {
          sb.append(' ').append(fe.vocabulary);
        }
      } else if (fitted) {
        List<String> parts = new ArrayList<>();
        for (FittedStep s : chains[i]) {
          parts.add(describe(s));
        }
        sb.append(parts.isEmpty() ? "pass-through" : String.join(" -> ", parts));
      } else {
        List<String> parts = new ArrayList<>();
        for (NumericStep s : steps.get(i)) {
          parts.add(s.key());
        }
        sb.append(parts.isEmpty() ? "pass-through" : String.join(" -> ", parts));
      }
    }
    return sb.toString();
  }

  private static String describe(FittedStep s) {
    List<String> ps = new ArrayList<>();
    s.parameters()
        .forEach(
            (k, v) ->
                ps.add(
                    k
                        + "="
                        + (v instanceof double[] a
                            ? Arrays.toString(a)
                            : String.format(Locale.ROOT, "%.6g", (Double) v))));
    return s.key() + (ps.isEmpty() ? "" : "(" + String.join(", ", ps) + ")");
  }

  /**
   * Builds an unfitted {@link FeaturePipeline}; {@link #build()} only checks the settings.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final List<String> names = new ArrayList<>();
    private final List<List<NumericStep>> steps = new ArrayList<>();
    private final List<@Nullable CategoryEncoder> encoders = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a numeric (or boolean, as 0/1) input field with its chain of steps, applied in order
     * (none: the value passes through).
     *
     * @param field the field's name
     * @param chain the steps
     * @return this builder
     * @throws NullPointerException if an argument or a step is null
     * @throws IllegalArgumentException if the field was added already or its name is blank
     */
    public Builder numeric(String field, NumericStep... chain) {
      add(field);
      steps.add(List.of(Require.noNulls(chain, "chain")));
      encoders.add(null);
      return this;
    }

    /**
     * Adds a categorical input field and its encoder.
     *
     * @param field the field's name
     * @param encoder the encoder
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the field was added already or its name is blank
     */
    public Builder categorical(String field, CategoryEncoder encoder) {
      Require.nonNull(encoder, "encoder");
      add(field);
      steps.add(List.of());
      encoders.add(encoder);
      return this;
    }

    private void add(String field) {
      Require.nonBlank(field, "field");
      Require.argument(
          !names.contains(field), "field", "a new name", "'" + field + "' (added twice)");
      names.add(field);
    }

    /**
     * @return the unfitted pipeline
     * @throws IllegalStateException if no field was added
     */
    public FeaturePipeline build() {
      Require.state(!names.isEmpty(), "add at least one field before build()");
      boolean[] numeric = new boolean[names.size()];
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        numeric[i] = encoders.get(i) == null;
        index.put(names.get(i), i);
      }
      Layout layout = new Layout(List.copyOf(names), numeric, Collections.unmodifiableMap(index));
      return new FeaturePipeline(
          layout,
          List.copyOf(steps),
          Collections.unmodifiableList(new ArrayList<>(encoders)),
          null,
          null);
    }
  }
}
