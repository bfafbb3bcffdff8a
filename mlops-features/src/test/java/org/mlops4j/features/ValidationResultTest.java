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
}
