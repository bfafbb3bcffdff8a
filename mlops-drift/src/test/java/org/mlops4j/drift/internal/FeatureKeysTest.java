package org.mlops4j.drift.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expected suffixes: the first hexadecimal digits of the SHA-256 of the UTF-8 name, from python3
 * {@code hashlib.sha256(name.encode()).hexdigest()}.
 */
class FeatureKeysTest {

  @Test
  void namesTheSanitisingKeeps_areTheirOwnSegment() {
    assertThat(FeatureKeys.segments(List.of("age", "sepal_length", "x-1")))
        .containsExactly(
            entry("age", "age"), entry("sepal_length", "sepal_length"), entry("x-1", "x-1"));
  }

  @Test
  void namesTheSanitisingChanges_getAHashOfTheOriginal() {
    // sha256("a<b") = 4a826aac..., sha256("a>b") = 998a5be8..., sha256("sepal length (cm)") =
    // ad5c5394..., sha256("dataset") = b277fd62...
    assertThat(FeatureKeys.segments(List.of("a<b", "a>b", "sepal length (cm)", "dataset")))
        .containsExactly(
            entry("a<b", "a_b-4a826aac"),
            entry("a>b", "a_b-998a5be8"),
            entry("sepal length (cm)", "sepal_length__cm_-ad5c5394"),
            entry("dataset", "dataset-b277fd62"));
  }

  @Test
  void aNameEqualToAnotherOnesHashedForm_movesBothToLongerSuffixes() {
    // "a_b-4a826aac" is a valid segment and equals the hashed form of "a<b": both move one step,
    // to sha256("a<b")[:16] = 4a826aacf580757c and sha256("a_b-4a826aac")[:8] = 623cc659
    assertThat(FeatureKeys.segments(List.of("a<b", "a_b-4a826aac", "a>b")))
        .containsExactly(
            entry("a<b", "a_b-4a826aacf580757c"),
            entry("a_b-4a826aac", "a_b-4a826aac-623cc659"),
            entry("a>b", "a_b-998a5be8"));
  }

  private static java.util.Map.Entry<String, String> entry(String k, String v) {
    return java.util.Map.entry(k, v);
  }
}
