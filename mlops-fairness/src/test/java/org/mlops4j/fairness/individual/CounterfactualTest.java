package org.mlops4j.fairness.individual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.tracking.InMemoryRun;

class CounterfactualTest {

  static final List<Map<String, Object>> ROWS =
      List.of(
          Map.of("sex", "F", "title", "Ms", "income", 50),
          Map.of("sex", "F", "title", "Ms", "income", 70),
          Map.of("sex", "M", "title", "Mr", "income", 45),
          Map.of("sex", "M", "title", "Mr", "income", 30),
          Map.of("sex", "F", "title", "Ms", "income", 55));

  /** Approves at income 40 for men, 60 for women. */
  static final Function<Map<String, Object>, Integer> BY_SEX =
      row -> (int) row.get("income") >= ("M".equals(row.get("sex")) ? 40 : 60) ? 1 : 0;

  /** The same rule, but reading the title, a proxy of sex. */
  static final Function<Map<String, Object>, Integer> BY_TITLE =
      row -> (int) row.get("income") >= ("Mr".equals(row.get("title")) ? 40 : 60) ? 1 : 0;

  @Test
  void biasedModel_flipsAreCountedOverallAndByDirection() {
    // By hand: row 0 (F, 50): 0 -> 1; row 1 (F, 70): 1 -> 1; row 2 (M, 45): 1 -> 0;
    // row 3 (M, 30): 0 -> 0; row 4 (F, 55): 0 -> 1. 3 of 5 flip; F→M 2 of 3 (0→1 twice),
    // M→F 1 of 2 (1→0 once).
    CounterfactualResult r =
        Counterfactual.builder("sex").swap("F", "M").build().audit(ROWS, BY_SEX);
    assertThat(r.rows()).isEqualTo(5);
    assertThat(r.flips()).isEqualTo(3);
    assertThat(r.flipRate()).isEqualTo(0.6);
    assertThat(r.byGroup()).hasSize(2);
    CounterfactualResult.GroupFlips f = r.byGroup().get(0);
    assertThat(f.group()).isEqualTo("F");
    assertThat(f.counterfactual()).isEqualTo("M");
    assertThat(f.rows()).isEqualTo(3);
    assertThat(f.flips()).isEqualTo(2);
    assertThat(f.flipRate()).isEqualTo(2.0 / 3);
    assertThat(f.transitions()).containsExactly(Map.entry("0→1", 2));
    CounterfactualResult.GroupFlips m = r.byGroup().get(1);
    assertThat(m.group()).isEqualTo("M");
    assertThat(m.flipRate()).isEqualTo(0.5);
    assertThat(m.transitions()).containsExactly(Map.entry("1→0", 1));
    assertThat(r.examples())
        .extracting(CounterfactualResult.FlipExample::index)
        .containsExactly(0, 2, 4);
    assertThat(r.toString())
        .isEqualTo(
            "Flip test on 'sex': 3 of 5 rows flipped (60.00%)\n"
                + "  F→M: 2 of 3 flipped (66.67%) {0→1=2}\n"
                + "  M→F: 1 of 2 flipped (50.00%) {1→0=1}\n"
                + "  examples: row 0 (F→M): 0→1; row 2 (M→F): 1→0; row 4 (F→M): 0→1");
  }

  @Test
  void proxyAttribute_isSetConsistentlyWithTheSwappedGroup() {
    // Swapping sex alone leaves the title, which the model reads: no flips (a false all-clear).
    CounterfactualResult naive =
        Counterfactual.builder("sex").swap("F", "M").build().audit(ROWS, BY_TITLE);
    assertThat(naive.flips()).isZero();
    assertThat(naive.examples()).isEmpty();
    // With the title declared as a proxy the same 3 rows as above flip.
    CounterfactualResult withProxy =
        Counterfactual.builder("sex")
            .swap("F", "M")
            .proxy("title", Map.of("F", "Ms", "M", "Mr"))
            .build()
            .audit(ROWS, BY_TITLE);
    assertThat(withProxy.flips()).isEqualTo(3);
    assertThat(withProxy.examples())
        .extracting(CounterfactualResult.FlipExample::index)
        .containsExactly(0, 2, 4);
  }

  @Test
  void modelSeesAnUnmodifiableCopyWithTheSwappedValues() {
    List<Map<String, Object>> seen = new ArrayList<>();
    Counterfactual.builder("sex")
        .swap("F", "M")
        .proxy("title", Map.of("F", "Ms", "M", "Mr"))
        .build()
        .audit(
            List.of(Map.of("sex", "F", "title", "Ms", "income", 50)),
            row -> {
              seen.add(row);
              return 0;
            });
    assertThat(seen)
        .containsExactly(
            Map.of("sex", "F", "title", "Ms", "income", 50),
            Map.of("sex", "M", "title", "Mr", "income", 50));
    assertThatThrownBy(() -> seen.get(0).put("sex", "X"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void multiValuedAttribute_usesOneWayMappings() {
    List<Map<String, Object>> rows =
        List.of(
            Map.of("race", "a", "x", 1), Map.of("race", "b", "x", 1), Map.of("race", "c", "x", 1));
    CounterfactualResult r =
        Counterfactual.builder("race")
            .map("a", "c")
            .map("b", "c")
            .map("c", "a")
            .build()
            .audit(rows, row -> "c".equals(row.get("race")) ? "deny" : "approve");
    // By hand: a→c approve→deny, b→c approve→deny, c→a deny→approve: 3 of 3.
    assertThat(r.flipRate()).isEqualTo(1.0);
    assertThat(r.byGroup())
        .extracting(Object::toString)
        .containsExactly(
            "a→c: 1 of 1 flipped (100.00%) {approve→deny=1}",
            "b→c: 1 of 1 flipped (100.00%) {approve→deny=1}",
            "c→a: 1 of 1 flipped (100.00%) {deny→approve=1}");
  }

  @Test
  void examples_areBounded() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Map<String, Object> row = new HashMap<>();
      row.put("sex", i % 2 == 0 ? "F" : "M");
      row.put("income", 50);
      rows.add(row);
    }
    CounterfactualResult r =
        Counterfactual.builder("sex").swap("F", "M").maxExamples(4).build().audit(rows, BY_SEX);
    assertThat(r.flips()).isEqualTo(50);
    assertThat(r.examples()).hasSize(4);
  }

  @Test
  void resultLogsAndWritesJson() throws Exception {
    CounterfactualResult r =
        Counterfactual.builder("sex").swap("F", "M").maxExamples(1).build().audit(ROWS, BY_SEX);
    InMemoryRun run = InMemoryRun.create("test");
    assertThat(r.logTo(run)).isSameAs(r);
    assertThat(run.latestMetrics())
        .containsExactly(
            entry("fairness.individual.flip_rate", 0.6),
            entry("fairness.individual.flip_rate.F_to_M", 0.6666666666666666),
            entry("fairness.individual.flip_rate.M_to_F", 0.5));
    assertThatThrownBy(() -> r.logTo(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("run must not be null");
    assertThat(JsonBody.of(r.toJson(), "mlops4j.counterfactual"))
        .isEqualTo(
            "{\"attribute\":\"sex\",\"rows\":5,\"flips\":3,\"flipRate\":0.6,\"byGroup\":["
                + "{\"group\":\"F\",\"counterfactual\":\"M\",\"rows\":3,\"flips\":2,"
                + "\"flipRate\":0.6666666666666666,\"transitions\":{\"0→1\":2}},"
                + "{\"group\":\"M\",\"counterfactual\":\"F\",\"rows\":2,\"flips\":1,"
                + "\"flipRate\":0.5,\"transitions\":{\"1→0\":1}}],"
                + "\"examples\":[{\"index\":0,\"group\":\"F\",\"counterfactual\":\"M\","
                + "\"decision\":\"0\",\"counterfactualDecision\":\"1\"}]}");
  }

  @Test
  void badInput_failsNamingTheArgument() {
    Counterfactual t = Counterfactual.builder("sex").swap("F", "M").build();
    assertThatThrownBy(() -> t.audit(List.of(), BY_SEX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rows must be non-empty, but was an empty list");
    assertThatThrownBy(() -> t.audit(ROWS, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("model must not be null");
    assertThatThrownBy(() -> t.audit(List.of(Map.of("income", 1)), BY_SEX))
        .hasMessage("rows[0] must be a row with the attribute 'sex', but was a row without it");
    assertThatThrownBy(() -> t.audit(List.of(Map.of("sex", "X", "income", 1)), BY_SEX))
        .hasMessage(
            "rows[0].sex must be one of the groups with a counterfactual [F, M], but was" + " 'X'");
    assertThatThrownBy(() -> t.audit(ROWS, row -> null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("model(rows[0]) must not be null");
    assertThatThrownBy(() -> Counterfactual.builder("sex").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no counterfactual declared for 'sex': call swap(a, b) or map(from, to)");
    assertThatThrownBy(
            () ->
                Counterfactual.builder("sex")
                    .swap("F", "M")
                    .proxy("title", Map.of("M", "Mr"))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "proxy 'title' has no value for group 'F': give one in"
                + " proxy(column, valueByGroup)");
    assertThatThrownBy(() -> Counterfactual.builder("sex").swap("F", "F"))
        .hasMessage("b must be different from a ('F'), but was 'F'");
    assertThatThrownBy(() -> Counterfactual.builder(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute must be non-blank, but was ''");
  }

  @Test
  void save_writesJsonOrHtmlByTheFileName(@TempDir Path dir) throws Exception {
    CounterfactualResult r =
        Counterfactual.builder("sex").swap("F", "M").build().audit(ROWS, BY_SEX);
    r.save(dir.resolve("flips.json"));
    r.save(dir.resolve("flips.html"));
    assertThat(JsonBody.of(Files.readString(dir.resolve("flips.json")), "mlops4j.counterfactual"))
        .isEqualTo(JsonBody.of(r.toJson(), "mlops4j.counterfactual"));
    assertThat(Files.readString(dir.resolve("flips.html")))
        .isEqualTo(r.toHtml())
        .startsWith("<!DOCTYPE html>")
        .contains("F→M")
        .contains(">0.600000<");
  }
}
