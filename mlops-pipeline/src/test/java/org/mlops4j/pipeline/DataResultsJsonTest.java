package org.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlops4j.report.internal.Json;

/**
 * The JSON of the data results: the one header, then the record's fields under their accessor
 * names. Each document is parsed back and checked against the values the test built by hand.
 */
class DataResultsJsonTest {

  private static JsonNode read(String json, String format) {
    return Json.readDocument(json, format, 1, "test");
  }

  @Test
  void status_hasTheHeaderAndOneObjectPerItem() {
    DataStatus s =
        new DataStatus(
            List.of(
                new DataStatus.Item(
                    "data/set", DataState.MODIFIED, true, List.of("a"), List.of(), List.of("b")),
                new DataStatus.Item(
                    "data/raw.csv", DataState.UNCHANGED, false, List.of(), List.of(), List.of())));
    JsonNode n = read(s.toJson(), "mlops4j.data-status");
    assertThat(n.get("library").asText()).isEqualTo("mlops4j");
    assertThat(n.get("clean").asBoolean()).isFalse();
    assertThat(n.get("items")).hasSize(2);
    assertThat(n.at("/items/0/state").asText()).isEqualTo("MODIFIED");
    assertThat(n.at("/items/0/added/0").asText()).isEqualTo("a");
    assertThat(n.at("/items/0/modified/0").asText()).isEqualTo("b");
    assertThat(n.at("/items/1/cached").asBoolean()).isFalse();
  }

  @Test
  void transfer_namesEveryField() {
    DataTransfer t = new DataTransfer("pull", "s3://b/p", 3, 2, 1234, List.of("data/raw.csv"));
    JsonNode n = read(t.toJson(), "mlops4j.data-transfer");
    assertThat(n.get("operation").asText()).isEqualTo("pull");
    assertThat(n.get("remote").asText()).isEqualTo("s3://b/p");
    assertThat(n.get("transferred").asInt()).isEqualTo(3);
    assertThat(n.get("alreadyPresent").asInt()).isEqualTo(2);
    assertThat(n.get("bytes").asLong()).isEqualTo(1234);
    assertThat(n.at("/placed/0").asText()).isEqualTo("data/raw.csv");
  }

  @Test
  void diff_countsAndListsTheChanges_withNullForAnAbsentHash() {
    DataDiff d =
        new DataDiff(
            "v1",
            "workspace",
            List.of(
                new DataDiff.Change("data/a", DataDiff.ChangeType.ADDED, null, "h2"),
                new DataDiff.Change("data/b", DataDiff.ChangeType.MODIFIED, "h1", "h3")));
    JsonNode n = read(d.toJson(), "mlops4j.data-diff");
    assertThat(n.get("from").asText()).isEqualTo("v1");
    assertThat(n.get("to").asText()).isEqualTo("workspace");
    assertThat(n.get("added").asInt()).isEqualTo(1);
    assertThat(n.get("removed").asInt()).isZero();
    assertThat(n.get("modified").asInt()).isEqualTo(1);
    assertThat(n.at("/changes/0/fromHash").isNull()).isTrue();
    assertThat(n.at("/changes/1/type").asText()).isEqualTo("MODIFIED");
  }

  @Test
  void verification_saysWhetherItIsOk() {
    DataVerification v = new DataVerification(".mlops/cache", 4, 99, List.of("c"), List.of());
    JsonNode n = read(v.toJson(), "mlops4j.data-verification");
    assertThat(n.get("ok").asBoolean()).isFalse();
    assertThat(n.get("checked").asInt()).isEqualTo(4);
    assertThat(n.get("bytes").asLong()).isEqualTo(99);
    assertThat(n.at("/corrupt/0").asText()).isEqualTo("c");
    assertThat(n.get("missing")).isEmpty();
  }

  @Test
  void gc_namesWhatWent() {
    DataGcResult g = new DataGcResult(true, List.of("ab12"), 10, 5);
    JsonNode n = read(g.toJson(), "mlops4j.data-gc");
    assertThat(n.get("dryRun").asBoolean()).isTrue();
    assertThat(n.at("/removed/0").asText()).isEqualTo("ab12");
    assertThat(n.get("bytes").asLong()).isEqualTo(10);
    assertThat(n.get("kept").asInt()).isEqualTo(5);
  }

  @Test
  void pointer_hasTheHeaderAndThePointerFilesFields() {
    DataPointer p = new DataPointer("raw.csv", DataTest.HELLO, 17, 1, false);
    JsonNode n = read(p.toJson(), "mlops4j.data-pointer");
    assertThat(n.get("path").asText()).isEqualTo("raw.csv");
    assertThat(n.at("/hash/algorithm").asText()).isEqualTo("sha256");
    assertThat(n.at("/hash/value").asText()).isEqualTo(DataTest.HELLO);
    assertThat(n.get("size").asLong()).isEqualTo(17);
    assertThat(n.get("files").asInt()).isEqualTo(1);
    assertThat(n.get("directory").asBoolean()).isFalse();
  }
}
