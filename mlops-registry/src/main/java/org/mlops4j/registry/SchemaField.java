package org.mlops4j.registry;

import org.mlops4j.api.internal.Require;

/**
 * A named, typed field of a model's input or output, as in MLflow's model signature ({@code
 * ColSpec}): the type is free text, by convention one of MLflow's column types ({@code double},
 * {@code float}, {@code long}, {@code integer}, {@code string}, {@code boolean}, {@code binary},
 * {@code datetime}) or a tensor such as {@code float32[-1,28,28]}.
 *
 * @param name the field's name
 * @param type the field's type
 * @since 0.1.0
 */
public record SchemaField(String name, String type) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if a part is blank
   */
  public SchemaField {
    Require.nonBlank(name, "name");
    Require.nonBlank(type, "type");
  }

  /**
   * @param name the field's name
   * @param type the field's type
   * @return the field
   */
  public static SchemaField of(String name, String type) {
    return new SchemaField(name, type);
  }

  @Override
  public String toString() {
    return name + ": " + type;
  }
}
