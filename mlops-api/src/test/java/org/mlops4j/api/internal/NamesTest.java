package org.mlops4j.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "loss",
        "train/loss",
        "path with space",
        "a.b-c_d",
        "température",
        "損失",
        "x/y/z",
        "..a",
        "a..b"
      })
  void validKeys_areAccepted(String key) {
    assertThat(Names.validateKey("metric key", key)).isEqualTo(key);
  }

  @Test
  void pathTraversal_isRejectedWithExactMessage() {
    assertThatThrownBy(() -> Names.validateKey("metric key", "../x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "metric key must match ^[/\\w.\\- ]*$ and be a normalised relative path (no leading"
                + " '/', no '.' or '..' segment, no '//'), but was '../x'");
  }

  @Test
  void forbiddenCharacter_isRejectedWithExactMessage() {
    assertThatThrownBy(() -> Names.validateKey("param key", "a;b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "param key must match ^[/\\w.\\- ]*$ (letters, digits, '_', '-', '.', '/' and space),"
                + " but was 'a;b'");
  }

  @Test
  void emptyName_isRejectedWithExactMessage() {
    assertThatThrownBy(() -> Names.validateKey("tag key", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tag key must not be empty");
  }

  @Test
  void nullName_isRejectedWithExactMessage() {
    assertThatThrownBy(() -> Names.validateKey("tag key", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("tag key must not be null");
  }

  @Test
  void nameLongerThan250_isRejectedWithExactMessage() {
    String longName = "a".repeat(251);
    assertThatThrownBy(() -> Names.validateKey("metric key", longName))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "metric key must be at most 250 characters long, but was 251 characters long: '"
                + "a".repeat(40)
                + "...'");
    assertThat(Names.validateKey("metric key", "a".repeat(250))).hasSize(250);
  }

  // CVE-2023-1177, -2356, -2780, -6730, -6831, CVE-2024-1560 came through names like these.
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/etc/passwd",
        "a\\b",
        "..\\x",
        "%2e%2e/x",
        "a//b",
        "a/./b",
        "a/",
        ".",
        "..",
        "x/../../y",
        "C:/x",
        "a\nb",
        "a\u0000b",
        "~/x",
        "a:b",
        "file:///etc"
      })
  void dangerousNames_areRejected(String name) {
    assertThatThrownBy(() -> Names.validateKey("artifact path", name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("artifact path must ");
  }

  @Test
  void runIds_areCheckedBeforeTouchingPaths() {
    assertThat(Names.validateRunId("0f90d402448544a18a627c7ff77b7637"))
        .isEqualTo("0f90d402448544a18a627c7ff77b7637");
    assertThatThrownBy(() -> Names.validateRunId("../0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("run id must match ^[a-zA-Z0-9][\\w\\-]{0,255}$, but was '../0'");
  }
}
