package org.mlops4j.core.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
        "a/b.c|a/b.c"
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
      value = {"x#|'x#'", "._|'._'", "x,y|'x,y'", "?q|'?q'", "é|'é'"})
  void stringsPyYamlQuotesDifferently_areStillReadBackAsTheSameString(
      String value, String emitted) {
    assertThat(Yaml.string(value)).isEqualTo(emitted);
  }
}
