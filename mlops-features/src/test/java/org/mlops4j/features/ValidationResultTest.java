package org.mlops4j.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.tracking.InMemoryRun;

class ValidationResultTest {

  @TempDir Path dir;

  private final ValidationResult result =
      new ValidationResult(
          3,
          List.of(
              new SchemaViolation("age", 0, "missing", "NaN"),
              new SchemaViolation("age", 2, "not finite", "Infinity"),
              new SchemaViolation("city <x>", 1, "missing", "null")));

  @Test
  void logTo_countsViolationsInTotalAndPerField() {
    InMemoryRun run = InMemoryRun.create("v");
    result.logTo(run);
    assertEquals(3.0, run.latestMetric("features.validation.violations").orElseThrow());
    assertEquals(2.0, run.latestMetric("features.validation.age.violations").orElseThrow());
    assertEquals(1.0, run.latestMetric("features.validation.city__x_.violations").orElseThrow());
    assertThrows(NullPointerException.class, () -> result.logTo(null));
  }

  @Test
  void toJson_hasTheHeaderAndEveryViolation() {
    String json = result.toJson();
    assertTrue(json.contains("\"format\" : \"mlops4j.feature-validation\""), json);
    assertTrue(json.contains("\"valid\" : false"), json);
    assertTrue(json.contains("\"problem\" : \"not finite\""), json);
  }

  @Test
  void save_writesHtmlOrJsonByExtension() throws Exception {
    Path html = dir.resolve("v.HTML");
    result.save(html);
    String page = Files.readString(html);
    assertTrue(page.contains("city &lt;x&gt;"), "escaped field name");
    Path json = dir.resolve("v.json");
    result.save(json);
    assertTrue(Files.readString(json).startsWith("{"));
  }

  @Test
  void valuesReadWithoutTheRoundingNoiseOfDoubles() {
    // 0.1 + 0.2 is 0.30000000000000004 and 1 + 2^-52 is 1.0000000000000002 in IEEE 754 doubles:
    // ten significant digits read 0.3 and 1; whole numbers without ".0"; text as it is
    assertEquals("0.3", ValidationResult.valueText(Double.toString(0.1 + 0.2)));
    assertEquals("-1", ValidationResult.valueText("-1.0000000000000002"));
    assertEquals("130", ValidationResult.valueText("130.0"));
    assertEquals("10000000", ValidationResult.valueText("1.0E7"));
    assertEquals("1.5e-7", ValidationResult.valueText("1.5E-7"));
    assertEquals("41234.56789", ValidationResult.valueText("41234.56789"));
    assertEquals("NaN", ValidationResult.valueText("NaN"));
    assertEquals("\"gold\"", ValidationResult.valueText("\"gold\""));
  }

  @Test
  void toHtml_saysWhatFailed_perFieldAndRow() {
    String page = result.toHtml();
    // 3 violations: age twice (rows 0 and 2), city <x> once (row 1): 3 rows of 3, 2 fields
    assertTrue(page.contains("3 violations in 2 fields"), page);
    assertTrue(page.contains("age 2, city &lt;x&gt; 1"), page);
    assertTrue(page.contains("3 of 3"), page);
    assertTrue(page.contains("missing; not finite"), page);
    String valid = new ValidationResult(4, List.of()).toHtml();
    assertTrue(valid.contains("Every value of the 4 rows fits the schema."), valid);
  }
}
