package org.mlops4j.features;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;

/**
 * One mutable input record of a {@link FeaturePipeline}, made by {@link FeaturePipeline#newRow()}
 * and reused between requests: one slot per input field, a {@code double} for a numeric field (NaN
 * = missing) and a label for a categorical one ({@code null} = missing). Setting a value by index
 * ({@link #index(String)} once, then {@link #set(int, double)}) allocates nothing. Not thread-safe:
 * one row per thread.
 *
 * @since 0.1.0
 */
public final class FeatureRow {
  final FeaturePipeline.Layout layout;
  final double[] numbers;
  final @Nullable String[] labels;

  FeatureRow(FeaturePipeline.Layout layout) {
    this.layout = layout;
    this.numbers = new double[layout.names().size()];
    this.labels = new String[layout.names().size()];
    clear();
  }

  /**
   * @return the input fields in pipeline order
   */
  public List<String> fields() {
    return layout.names();
  }

  /**
   * @param field a field's name
   * @return its index in this row
   * @throws IllegalArgumentException if there is no such field
   */
  public int index(String field) {
    Integer i = layout.index().get(Require.nonNull(field, "field"));
    Require.argument(i != null, "field", "one of " + layout.names(), "'" + field + "'");
    return i;
  }

  /**
   * @return this row with every value missing
   */
  public FeatureRow clear() {
    Arrays.fill(numbers, Double.NaN);
    Arrays.fill(labels, null);
    return this;
  }

  /**
   * Sets a numeric field.
   *
   * @param index the field's index
   * @param value the value (NaN = missing)
   * @return this row
   * @throws IllegalArgumentException if the field is not numeric
   * @throws IndexOutOfBoundsException if index is out of range
   */
  public FeatureRow set(int index, double value) {
    if (!layout.numeric()[index]) {
      throw new IllegalArgumentException(
          Require.mustBe("field '" + layout.names().get(index) + "'", "numeric", "categorical"));
    }
    numbers[index] = value;
    return this;
  }

  /**
   * Sets a categorical field.
   *
   * @param index the field's index
   * @param label the label ({@code null} = missing)
   * @return this row
   * @throws IllegalArgumentException if the field is not categorical
   * @throws IndexOutOfBoundsException if index is out of range
   */
  public FeatureRow set(int index, @Nullable String label) {
    if (layout.numeric()[index]) {
      throw new IllegalArgumentException(
          Require.mustBe("field '" + layout.names().get(index) + "'", "categorical", "numeric"));
    }
    labels[index] = label;
    return this;
  }

  /**
   * Sets a numeric field by name.
   *
   * @param field the field's name
   * @param value the value (NaN = missing)
   * @return this row
   * @throws IllegalArgumentException if there is no such numeric field
   */
  public FeatureRow set(String field, double value) {
    return set(index(field), value);
  }

  /**
   * Sets a categorical field by name.
   *
   * @param field the field's name
   * @param label the label ({@code null} = missing)
   * @return this row
   * @throws IllegalArgumentException if there is no such categorical field
   */
  public FeatureRow set(String field, @Nullable String label) {
    return set(index(field), label);
  }

  /**
   * Clears the row, then sets every field of the map: a {@link Number} for a numeric field (a
   * {@link Boolean} counts as 1 or 0), a {@link String} for a categorical one, {@code null} for a
   * missing value. Keys that are not fields are ignored (validate with {@link FeatureSchema}).
   *
   * @param record the values by field name
   * @return this row
   * @throws NullPointerException if record is null
   * @throws IllegalArgumentException if a value's type does not fit its field, naming it
   */
  public FeatureRow setAll(Map<String, ?> record) {
    Require.nonNull(record, "record");
    clear();
    List<String> names = layout.names();
    for (int i = 0; i < names.size(); i++) {
      Object v = record.get(names.get(i));
      if (v == null) {
        continue;
      }
      if (layout.numeric()[i]) {
        if (v instanceof Number n) {
          numbers[i] = n.doubleValue();
        } else if (v instanceof Boolean b) {
          numbers[i] = b ? 1 : 0;
        } else {
          throw new IllegalArgumentException(
              Require.mustBe("value of field '" + names.get(i) + "'", "a number", v));
        }
      } else if (v instanceof String s) {
        labels[i] = s;
      } else {
        throw new IllegalArgumentException(
            Require.mustBe("value of field '" + names.get(i) + "'", "a string", v));
      }
    }
    return this;
  }

  /**
   * @param field a numeric field's name
   * @return its value
   * @throws IllegalArgumentException if there is no such field
   */
  public double number(String field) {
    return numbers[index(field)];
  }

  /**
   * @param field a categorical field's name
   * @return its label, null when missing
   * @throws IllegalArgumentException if there is no such field
   */
  public @Nullable String label(String field) {
    return labels[index(field)];
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("FeatureRow{");
    List<String> names = layout.names();
    for (int i = 0; i < names.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(names.get(i)).append('=');
      sb.append(layout.numeric()[i] ? Double.toString(numbers[i]) : String.valueOf(labels[i]));
    }
    return sb.append('}').toString();
  }
}
