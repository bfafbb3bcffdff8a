package org.mlops4j.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlops4j.drift.Columns;

class FeatureSchemaTest {

  private final FeatureSchema schema =
      FeatureSchema.builder()
          .field(FieldSpec.identifier("id"))
          .field(FieldSpec.numeric("age").range(0, 120))
          .field(FieldSpec.categorical("city").vocabulary("Oslo", "Lima"))
          .field(FieldSpec.bool("member").optional())
          .build();

  @Test
  void validate_batch_listsEveryViolationWithFieldAndRow() {
    // Hand-made: rows 1 and 3 break age (range, missing), rows 0 and 2 break city, row 2 member.
    Columns batch =
        Columns.builder()
            .categorical("id", new String[] {"a", "b", "c", "d"})
            .numeric("age", new double[] {30, 130, 40, Double.NaN})
            .categorical("city", new String[] {"Rome", "Oslo", null, "Lima"})
            .numeric("member", new double[] {1, 0, 2, Double.NaN})
            .numeric("extra", new double[] {0, 0, 0, 0})
            .build();

    ValidationResult r = schema.validate(batch);

    assertEquals(
        List.of(
            new SchemaViolation("age", 1, "out of range [0.0, 120.0]", "130.0"),
            new SchemaViolation("age", 3, "missing", "NaN"),
            new SchemaViolation("city", 0, "not in the vocabulary", "\"Rome\""),
            new SchemaViolation("city", 2, "missing", "null"),
            new SchemaViolation("member", 2, "not a boolean (0 or 1)", "2.0"),
            new SchemaViolation("extra", -1, "unexpected field", "present")),
        r.violations());
    assertEquals(4, r.rows());
    assertEquals(2, r.of("age").size());
  }

  @Test
  void validate_batch_reportsAbsentFieldAndWrongColumnType() {
    Columns batch =
        Columns.builder()
            .categorical("id", new String[] {"a"})
            .categorical("age", new String[] {"old"})
            .build();

    ValidationResult r = schema.validate(batch);

    assertEquals(
        List.of(
            new SchemaViolation(
                "age",
                -1,
                "wrong type: expected numeric, got categorical column",
                "categorical column"),
            new SchemaViolation("city", -1, "absent field", "none")),
        r.violations());
  }

  @Test
  void validate_record_listsMissingWrongTypeAndRange() {
    Map<String, Object> record = new HashMap<>();
    record.put("age", "forty");
    record.put("city", "Lima");
    record.put("member", Boolean.TRUE);
    record.put("colour", "red");

    ValidationResult r = schema.validate(record);

    assertEquals(
        List.of(
            new SchemaViolation("id", 0, "missing", "null"),
            new SchemaViolation(
                "age", 0, "wrong type: expected numeric, got String \"forty\"", "String \"forty\""),
            new SchemaViolation("colour", 0, "unexpected field", "red")),
        r.violations());
  }

  @Test
  void validate_validRecord_hasNoViolation() {
    ValidationResult r = schema.validate(Map.of("id", 7, "age", 41.5, "city", "Oslo"));
    assertTrue(r.valid());
    assertEquals("Validation: 1 row(s), no violation", r.toString());
  }

  @Test
  void toString_isATable() {
    ValidationResult r = schema.validate(Map.of("id", "x", "age", -1, "city", "Oslo"));
    assertEquals(
        String.join(
            "\n",
            "Validation: 1 row(s), 1 violation(s)",
            "row  field  problem                    value",
            "--------------------------------------------",
            "0    age    out of range [0.0, 120.0]  -1"),
        r.toString());
  }

  @Test
  void fieldSpec_rejectsBadSettings() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FieldSpec.numeric("x").range(5, 1));
    assertEquals("min must be at most max = 1.0, but was 5.0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FieldSpec.bool("b").vocabulary("y"));
    assertEquals(
        "field 'b' must be categorical to have a vocabulary, but was boolean", e.getMessage());
    assertThrows(NullPointerException.class, () -> FieldSpec.numeric(null));
  }

  @Test
  void builder_rejectsDuplicateAndEmpty() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                FeatureSchema.builder()
                    .field(FieldSpec.numeric("x"))
                    .field(FieldSpec.categorical("x")));
    assertEquals("field must be a new name, but was 'x' (added twice)", e.getMessage());
    IllegalStateException s =
        assertThrows(IllegalStateException.class, () -> FeatureSchema.builder().build());
    assertEquals("add at least one field before build()", s.getMessage());
  }
}
