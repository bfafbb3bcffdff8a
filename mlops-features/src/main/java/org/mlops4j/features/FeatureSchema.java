package org.mlops4j.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.ColumnType;
import org.mlops4j.drift.Columns;

/**
 * The inputs (or outputs) of a model: named fields with a {@link FieldType}, allowed ranges or
 * vocabularies and a missing-value policy ({@link FieldSpec}). {@link #validate(Columns)} checks a
 * batch and {@link #validate(Map)} one record; both list every violation with its field and row,
 * never only the first.
 *
 * <pre>{@code
 * FeatureSchema schema = FeatureSchema.builder()
 *     .field(FieldSpec.numeric("age").range(0, 120))
 *     .field(FieldSpec.categorical("city").vocabulary("Oslo", "Lima"))
 *     .field(FieldSpec.bool("member").optional())
 *     .build();
 * ValidationResult r = schema.validate(Map.of("age", 130, "city", "Rome"));
 * }</pre>
 *
 * <p>Rules: an absent required field is one violation of the whole column ({@link
 * SchemaViolation#WHOLE_COLUMN}) in a batch, and "missing" in a record (an absent optional field is
 * no violation); a field not in the schema is an "unexpected field" violation; a missing value
 * (NaN, {@code null}) of a required field is "missing"; a number that is infinite, or outside the
 * range, and a label outside a non-empty vocabulary are violations; a value of the wrong type (a
 * record's {@code String} for a numeric field, a batch's categorical column for a numeric field) is
 * "wrong type"; a boolean field takes 0/1, {@code true}/{@code false} or the labels {@code
 * "true"}/{@code "false"}.
 *
 * @since 0.1.0
 */
public final class FeatureSchema {

  private final Map<String, FieldSpec> fields;
  private final Map<String, Set<String>> vocabularies = new LinkedHashMap<>();

  private FeatureSchema(Map<String, FieldSpec> fields) {
    this.fields = Collections.unmodifiableMap(fields);
    fields.forEach((n, f) -> vocabularies.put(n, Set.copyOf(f.vocabulary())));
  }

  /**
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the fields in declaration order
   */
  public List<FieldSpec> fields() {
    return List.copyOf(fields.values());
  }

  /**
   * @param name a field's name
   * @return the field
   * @throws IllegalArgumentException if there is no such field
   */
  public FieldSpec field(String name) {
    FieldSpec f = fields.get(Require.nonNull(name, "name"));
    Require.argument(f != null, "name", "one of " + fields.keySet(), "'" + name + "'");
    return f;
  }

  /**
   * Validates a batch.
   *
   * @param batch the columns
   * @return every violation
   * @throws NullPointerException if batch is null
   */
  public ValidationResult validate(Columns batch) {
    Require.nonNull(batch, "batch");
    List<SchemaViolation> out = new ArrayList<>();
    int n = batch.rowCount();
    for (FieldSpec f : fields.values()) {
      String name = f.name();
      if (!batch.has(name)) {
        if (!f.required()) {
          continue;
        }
        out.add(new SchemaViolation(name, SchemaViolation.WHOLE_COLUMN, "absent field", "none"));
        continue;
      }
      ColumnType t = batch.type(name);
      if (t == ColumnType.NUMERIC) {
        if (f.type() == FieldType.CATEGORICAL) {
          out.add(wrongType(f, SchemaViolation.WHOLE_COLUMN, "numeric column"));
          continue;
        }
        double[] xs = batch.numeric(name);
        for (int i = 0; i < n; i++) {
          checkNumber(f, i, xs[i], out);
        }
      } else {
        if (f.type() == FieldType.NUMERIC) {
          out.add(wrongType(f, SchemaViolation.WHOLE_COLUMN, "categorical column"));
          continue;
        }
        @Nullable String[] ls = batch.categorical(name);
        for (int i = 0; i < n; i++) {
          checkLabel(f, i, ls[i], out);
        }
      }
    }
    for (String name : batch.names()) {
      if (!fields.containsKey(name)) {
        out.add(
            new SchemaViolation(name, SchemaViolation.WHOLE_COLUMN, "unexpected field", "present"));
      }
    }
    return new ValidationResult(n, out);
  }

  /**
   * Validates one record: a map from field name to value (see {@link FieldType} for the Java types
   * of each field type); its violations have row 0.
   *
   * @param record the record
   * @return every violation
   * @throws NullPointerException if record is null
   */
  public ValidationResult validate(Map<String, ?> record) {
    Require.nonNull(record, "record");
    List<SchemaViolation> out = new ArrayList<>();
    for (FieldSpec f : fields.values()) {
      Object v = record.get(f.name());
      if (v == null) {
        if (f.required()) {
          out.add(new SchemaViolation(f.name(), 0, "missing", "null"));
        }
        continue;
      }
      switch (f.type()) {
        case NUMERIC -> {
          if (v instanceof Number num) {
            checkNumber(f, 0, num.doubleValue(), out);
          } else {
            out.add(wrongType(f, 0, describe(v)));
          }
        }
        case BOOLEAN -> {
          if (v instanceof Boolean) {
            // always allowed
          } else if (v instanceof Number num) {
            checkNumber(f, 0, num.doubleValue(), out);
          } else {
            out.add(wrongType(f, 0, describe(v)));
          }
        }
        case CATEGORICAL -> {
          if (v instanceof String s) {
            checkLabel(f, 0, s, out);
          } else {
            out.add(wrongType(f, 0, describe(v)));
          }
        }
        case IDENTIFIER -> {
          if (!(v instanceof String) && !(v instanceof Number)) {
            out.add(wrongType(f, 0, describe(v)));
          }
        }
      }
    }
    for (String name : record.keySet()) {
      if (!fields.containsKey(name)) {
        out.add(new SchemaViolation(name, 0, "unexpected field", String.valueOf(record.get(name))));
      }
    }
    return new ValidationResult(1, out);
  }

  private static void checkNumber(FieldSpec f, int row, double x, List<SchemaViolation> out) {
    if (Double.isNaN(x)) {
      if (f.required()) {
        out.add(new SchemaViolation(f.name(), row, "missing", "NaN"));
      }
    } else if (f.type() == FieldType.BOOLEAN) {
      if (x != 0 && x != 1) {
        out.add(new SchemaViolation(f.name(), row, "not a boolean (0 or 1)", Double.toString(x)));
      }
    } else if (Double.isInfinite(x)) {
      out.add(new SchemaViolation(f.name(), row, "not finite", Double.toString(x)));
    } else if (x < f.min() || x > f.max()) {
      out.add(
          new SchemaViolation(
              f.name(),
              row,
              String.format(Locale.ROOT, "out of range [%s, %s]", f.min(), f.max()),
              Double.toString(x)));
    }
  }

  private void checkLabel(FieldSpec f, int row, @Nullable String s, List<SchemaViolation> out) {
    if (s == null) {
      if (f.required()) {
        out.add(new SchemaViolation(f.name(), row, "missing", "null"));
      }
    } else if (f.type() == FieldType.BOOLEAN) {
      if (!s.equals("true") && !s.equals("false")) {
        out.add(
            new SchemaViolation(f.name(), row, "not a boolean (\"true\" or \"false\")", quote(s)));
      }
    } else if (!f.vocabulary().isEmpty() && !vocabularies.get(f.name()).contains(s)) {
      out.add(new SchemaViolation(f.name(), row, "not in the vocabulary", quote(s)));
    }
  }

  private static SchemaViolation wrongType(FieldSpec f, int row, String actual) {
    return new SchemaViolation(
        f.name(), row, "wrong type: expected " + f.type().key() + ", got " + actual, actual);
  }

  private static String describe(Object v) {
    return v.getClass().getSimpleName() + " " + (v instanceof String s ? quote(s) : v);
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("FeatureSchema (").append(fields.size()).append(" fields)");
    for (FieldSpec f : fields.values()) {
      sb.append("\n  ").append(f);
    }
    return sb.toString();
  }

  /**
   * Builds a {@link FeatureSchema}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Map<String, FieldSpec> fields = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a field.
     *
     * @param field the field
     * @return this builder
     * @throws NullPointerException if field is null
     * @throws IllegalArgumentException if a field of that name was added already
     */
    public Builder field(FieldSpec field) {
      Require.nonNull(field, "field");
      Require.argument(
          !fields.containsKey(field.name()),
          "field",
          "a new name",
          "'" + field.name() + "' (added twice)");
      fields.put(field.name(), field);
      return this;
    }

    /**
     * @return the schema
     * @throws IllegalStateException if no field was added
     */
    public FeatureSchema build() {
      Require.state(!fields.isEmpty(), "add at least one field before build()");
      return new FeatureSchema(new LinkedHashMap<>(fields));
    }
  }
}
