package org.mlops4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Evaluates {@code src/main/jshell/tour.jsh} through the jdk.jshell API: any rejected snippet or
 * exception fails.
 */
class JShellTourTest {

  @Test
  void tour_evaluatesEverySnippetWithoutRejectionOrException() throws Exception {
    String script = Files.readString(Path.of("src/main/jshell/tour.jsh"), StandardCharsets.UTF_8);

    JShellScriptRunner.Outcome outcome = JShellScriptRunner.run(script);

    assertThat(outcome.snippets()).isGreaterThan(10);
    // lr = 0.3 lowers the loss faster than lr = 0.1: 1/(1 + 0.3*4) < 1/(1 + 0.1*4)
    assertThat(outcome.output())
        .contains("best: lr=0.3", "DriftReport", "FairnessReport", "equalized odds difference");
  }

  @Test
  void runner_failsOnARejectedSnippet() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> JShellScriptRunner.run("int x = \"text\";\n"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("rejected snippet");
  }

  @Test
  void runner_failsOnASnippetThatThrows() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> JShellScriptRunner.run("Integer.parseInt(\"x\");\n"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("snippet threw");
  }
}
