package org.mlops4j.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureRowTest {

  private final FeaturePipeline pipeline =
      FeaturePipeline.builder()
          .numeric("age")
          .numeric("member")
          .categorical("city", CategoryEncoder.ordinal(UnseenPolicy.IGNORE))
          .build();

  @Test
  void setAll_readsNumbersBooleansAndLabels_andClearsTheRest() {
    FeatureRow row = pipeline.newRow().set("city", "Oslo");
    Map<String, Object> record = new HashMap<>();
    record.put("age", 41);
    record.put("member", true);
    record.put("ignored", "x");
    row.setAll(record);
    assertEquals(41.0, row.number("age"));
    assertEquals(1.0, row.number("member"));
    assertNull(row.label("city"));
    assertEquals(List.of("age", "member", "city"), row.fields());
    assertEquals("FeatureRow{age=41.0, member=1.0, city=null}", row.toString());
  }

  @Test
  void badInput_isRefusedWithClearMessages() {
    FeatureRow row = pipeline.newRow();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> row.setAll(Map.of("age", "old")));
    assertEquals("value of field 'age' must be a number, but was old", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> row.set("height", 1.0));
    assertEquals("field must be one of [age, member, city], but was 'height'", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> row.set("city", 2.0));
    assertEquals("field 'city' must be numeric, but was categorical", e.getMessage());
    assertThrows(NullPointerException.class, () -> row.setAll(null));
  }

  @Test
  void rowOfAnotherPipeline_isRefused() {
    FeaturePipeline other = FeaturePipeline.builder().numeric("age").build();
    FeaturePipeline fitted =
        pipeline.fit(
            org.mlops4j.drift.Columns.builder()
                .numeric("age", new double[] {1})
                .numeric("member", new double[] {0})
                .categorical("city", new String[] {"Oslo"})
                .build());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> fitted.applyInto(other.newRow(), new double[fitted.width()]));
    assertEquals("row must be a row of fields [age, member, city], but was [age]", e.getMessage());
  }
}
