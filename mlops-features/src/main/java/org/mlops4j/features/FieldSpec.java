package org.mlops4j.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.mlops4j.api.internal.Require;

/**
 * One field of a {@link FeatureSchema}: its name, {@link FieldType}, whether a value is required (a
 * missing value is then a violation; default: required), for a numeric field the allowed closed
 * range {@code [min, max]} (default: every finite number) and for a categorical field the allowed
 * vocabulary (default: empty, meaning any label). Infinite numbers are always a violation.
 *
 * <pre>{@code
 * FieldSpec age = FieldSpec.numeric("age").range(0, 120);
 * FieldSpec city = FieldSpec.categorical("city").vocabulary("Oslo", "Lima").optional();
 * }</pre>
 *
 * @param name the field's name
 * @param type the field's type
 * @param required whether a missing value is a violation
 * @param min the smallest allowed number (numeric fields; -Infinity when unbounded)
 * @param max the largest allowed number (numeric fields; +Infinity when unbounded)
 * @param vocabulary the allowed labels (categorical fields; empty: any label)
 * @since 0.1.0
 */
public record FieldSpec(
    String name,
    FieldType type,
    boolean required,
    double min,
    double max,
    List<String> vocabulary) {

  /**
   * Checks the components and copies the vocabulary.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the name is blank, min is greater than max or NaN, or a
   *     vocabulary is given for a field that is not categorical
   */
  public FieldSpec {
    Require.nonBlank(name, "name");
    Require.nonNull(type, "type");
    Require.argument(!Double.isNaN(min) && !Double.isNaN(max), "min and max", "numbers", min);
    Require.argument(min <= max, "min", "at most max = " + max, min);
    Require.argument(
        type == FieldType.NUMERIC
            || (min == Double.NEGATIVE_INFINITY && max == Double.POSITIVE_INFINITY),
        "range of field '" + name + "'",
        "unbounded for a " + type.key() + " field",
        "[" + min + ", " + max + "]");
    Require.nonNull(vocabulary, "vocabulary");
    Require.argument(
        type == FieldType.CATEGORICAL || vocabulary.isEmpty(),
        "vocabulary of field '" + name + "'",
        "empty for a " + type.key() + " field",
        vocabulary);
    vocabulary = Collections.unmodifiableList(new ArrayList<>(new LinkedHashSet<>(vocabulary)));
    Require.noNulls(vocabulary.toArray(new String[0]), "vocabulary");
  }

  /**
   * @param name the field's name
   * @return a required numeric field of any finite value
   * @throws IllegalArgumentException if name is blank
   */
  public static FieldSpec numeric(String name) {
    return new FieldSpec(name, FieldType.NUMERIC, true, -inf(), inf(), List.of());
  }

  /**
   * @param name the field's name
   * @return a required categorical field of any label
   * @throws IllegalArgumentException if name is blank
   */
  public static FieldSpec categorical(String name) {
    return new FieldSpec(name, FieldType.CATEGORICAL, true, -inf(), inf(), List.of());
  }

  /**
   * @param name the field's name
   * @return a required boolean field
   * @throws IllegalArgumentException if name is blank
   */
  public static FieldSpec bool(String name) {
    return new FieldSpec(name, FieldType.BOOLEAN, true, -inf(), inf(), List.of());
  }

  /**
   * @param name the field's name
   * @return a required identifier field
   * @throws IllegalArgumentException if name is blank
   */
  public static FieldSpec identifier(String name) {
    return new FieldSpec(name, FieldType.IDENTIFIER, true, -inf(), inf(), List.of());
  }

  /**
   * @param lo the smallest allowed value
   * @param hi the largest allowed value
   * @return a copy allowing the closed range {@code [lo, hi]}
   * @throws IllegalArgumentException if this field is not numeric, or lo &gt; hi
   */
  public FieldSpec range(double lo, double hi) {
    Require.argument(
        type == FieldType.NUMERIC, "field '" + name + "'", "numeric to have a range", type.key());
    return new FieldSpec(name, type, required, lo, hi, vocabulary);
  }

  /**
   * @param labels the allowed labels
   * @return a copy allowing only these labels
   * @throws IllegalArgumentException if this field is not categorical
   * @throws NullPointerException if a label is null
   */
  public FieldSpec vocabulary(String... labels) {
    Require.noNulls(labels, "labels");
    Require.argument(
        type == FieldType.CATEGORICAL,
        "field '" + name + "'",
        "categorical to have a vocabulary",
        type.key());
    return new FieldSpec(name, type, required, min, max, Arrays.asList(labels));
  }

  /**
   * @return a copy in which a missing value is allowed
   */
  public FieldSpec optional() {
    return new FieldSpec(name, type, false, min, max, vocabulary);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(name).append(": ").append(type.key());
    if (min != -inf() || max != inf()) {
      sb.append(String.format(Locale.ROOT, " in [%s, %s]", min, max));
    }
    if (!vocabulary.isEmpty()) {
      sb.append(" in ").append(vocabulary);
    }
    return sb.append(required ? ", required" : ", optional").toString();
  }

  private static double inf() {
    return Double.POSITIVE_INFINITY;
  }
}
