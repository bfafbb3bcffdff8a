package org.mlops4j.core.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class YamlTest {

  // expected: PyYAML 6.0.3 yaml.safe_dump({"k": value}) (MLflow's writer), the text after "k: "
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "0|'0'",
        "491266275471253169|'491266275471253169'",
        "0f90d402448544a18a627c7ff77b7637|0f90d402448544a18a627c7ff77b7637",
        "3f6588c40c674213a3b07706319a51f4|3f6588c40c674213a3b07706319a51f4",
        "123e4567|123e4567",
        "1e10|1e10",
        "1.5|'1.5'",
        "true|'true'",
        "yes|'yes'",
        "On|'On'",
        "null|'null'",
        "~|'~'",
        "file:///home/user/project/mlruns/0|file:///home/user/project/mlruns/0",
        "adam|adam",
        "painted-auk-511|painted-auk-511",
        "a b|a b",
        "it's|it's",
        "a: b|'a: b'",
        "#x|'#x'",
        "-x|-x",
        "-|'-'",
        "2026-11-26|'2026-11-26'",
        "0123|'0123'",
        "089|089",
        "0x1f|'0x1f'",
        "0b101|'0b101'",
        ".inf|'.inf'",
        "0.01|'0.01'",
        "1_000|'1_000'",
        "1:20|'1:20'",
        "a:|'a:'",
        "@x|'@x'",
        "%x|'%x'",
        "x=y|x=y",
        "=|'='",
        "<<|'<<'",
        "a/b.c|a/b.c",
        // PyYAML's float needs a digit after a leading dot: '._' is a string, written plain
        "._|._"
      })
  void string_quotesAsPyYamlDoes(String value, String expected) {
    assertThat(Yaml.string(value)).isEqualTo(expected);
  }

  @Test
  void emptyString_isQuoted() {
    assertThat(Yaml.string("")).isEqualTo("''"); // PyYAML 6.0.3: k: ''
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "multi\nline",
        "é",
        "tab\there",
        "quote\"s",
        "back\\slash",
        "  lead",
        "trail ",
        "a: b # c",
        "\u0007bell"
      })
  void anyString_readsBackUnchanged(String value) throws Exception {
    String doc = Yaml.mapping(Map.of("k", value));
    JsonNode n = new YAMLMapper().readTree(doc);
    assertThat(n.get("k").asText()).isEqualTo(value);
  }

  @Test
  void mapping_sortsKeysAndWritesIntegersNullAndEmptyList() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", 3);
    m.put("end_time", null);
    m.put("tags", List.of());
    m.put("experiment_id", "0");
    m.put("start_time", 1700000000000L);
    assertThat(Yaml.mapping(m))
        .isEqualTo(
            "end_time: null\nexperiment_id: '0'\nstart_time: 1700000000000\nstatus: 3\ntags: []\n");
  }

  // expected: PyYAML 6.0.3 yaml.safe_load("k: " + emitted)["k"] == value for each pair below,
  // although yaml.safe_dump writes them differently (x#, ._, x,y and ?q plain; é as "\xE9")
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {"x#|'x#'", "x,y|'x,y'", "?q|'?q'", "é|'é'"})
  void stringsPyYamlQuotesDifferently_areStillReadBackAsTheSameString(
      String value, String emitted) {
    assertThat(Yaml.string(value)).isEqualTo(emitted);
  }

  // ------------------------------------------------- issue 10: PyYAML's YAML 1.1 rules, generated

  /**
   * pyyaml-scalars.json: for each string s, what PyYAML 6.0.3 on Python 3.11.7 writes for {"name":
   * s} with MLflow's write_yaml options (safe_dump, default_flow_style=False, allow_unicode=True)
   * and what safe_load reads from the plain line "name: " + s (type and value).
   */
  static List<JsonNode> pyyamlRows() throws Exception {
    try (var in = YamlTest.class.getResourceAsStream("pyyaml-scalars.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      List<JsonNode> rows = new ArrayList<>();
      root.get("rows").forEach(rows::add);
      return rows;
    }
  }

  @Test
  void everyPlainScalar_isReadWithPyYamlsResolution_asPythonSeesIt() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (JsonNode row : pyyamlRows()) {
      String s = row.get("s").asText();
      String type = row.get("plainLoadsAs").asText();
      if (type.equals("error") || type.equals("date") || type.equals("datetime")) {
        continue; // PyYAML refuses these or makes dates; MLflow never writes them plain
      }
      Object v = Yaml.read("name: " + s + "\n") instanceof Map<?, ?> m ? m.get("name") : "?";
      String actualType =
          v == null
              ? "NoneType"
              : v instanceof Boolean
                  ? "bool"
                  : v instanceof BigInteger ? "int" : v instanceof Double ? "float" : "str";
      String actualValue =
          v == null
              ? null
              : v instanceof Boolean b
                  ? (b ? "True" : "False")
                  : v instanceof Double d ? (d.isNaN() ? "nan" : PyFloat.repr(d)) : v.toString();
      JsonNode expected = row.get("plainValue");
      String expectedValue = expected.isNull() ? null : expected.asText();
      if (!type.equals(actualType) || !java.util.Objects.equals(expectedValue, actualValue)) {
        wrong.add(s + ": PyYAML " + type + " " + expectedValue + ", ours " + actualType + " " + v);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void namesThatLookLikeNumbers_areWrittenAsPyYamlsSafeDumpWritesThem() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (JsonNode row : pyyamlRows()) {
      String s = row.get("s").asText();
      String dump = row.get("safeDump").asText();
      String ours = Yaml.mapping(Map.of("name", s));
      if (!ours.equals(dump)) {
        // documented: another quoting style, read back as the same string
        Object back = Yaml.read(ours) instanceof Map<?, ?> m ? m.get("name") : null;
        if (!s.equals(back) || !row.get("plainLoadsAs").asText().equals("str")) {
          wrong.add(s + ": PyYAML " + dump.strip() + ", ours " + ours.strip());
        }
      }
    }
    assertThat(wrong).isEmpty();
  }
}
