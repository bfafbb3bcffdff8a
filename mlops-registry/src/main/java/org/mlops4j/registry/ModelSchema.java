package org.mlops4j.registry;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.mlops4j.api.internal.Require;

/**
 * The named, typed fields of a model's input or of its output, in order; field names are unique.
 *
 * @param fields the fields
 * @since 0.1.0
 */
public record ModelSchema(List<SchemaField> fields) {

  /** A schema without fields (none declared). */
  public static final ModelSchema EMPTY = new ModelSchema(List.of());

  /**
   * Copies the list and checks that names are unique.
   *
   * @throws NullPointerException if the list or a field is null
   * @throws IllegalArgumentException naming a repeated field
   */
  public ModelSchema {
    fields = List.copyOf(Require.nonNull(fields, "fields"));
    Set<String> seen = new HashSet<>();
    for (SchemaField f : fields) {
      Require.argument(seen.add(f.name()), "fields", "uniquely named", "'" + f.name() + "' twice");
    }
  }

  /**
   * @param fields the fields, in order
   * @return the schema
   */
  public static ModelSchema of(SchemaField... fields) {
    return new ModelSchema(List.of(Require.noNulls(fields, "fields")));
  }

  /**
   * @return true if no field is declared
   */
  public boolean isEmpty() {
    return fields.isEmpty();
  }

  @Override
  public String toString() {
    return fields.isEmpty()
        ? "(none)"
        : fields.stream().map(SchemaField::toString).collect(Collectors.joining(", "));
  }
}
