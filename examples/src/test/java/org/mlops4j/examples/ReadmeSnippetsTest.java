package org.mlops4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluates the {@code ```java} blocks of the repository's README.md, in order, in one JShell
 * session (with the jshell tool's default imports), as a reader pasting them one after the other
 * would; a later block may use what an earlier one declared. Any rejected snippet or exception
 * fails. Relative paths the snippets write to ({@code Path.of("mlruns")}...) are redirected into a
 * temporary folder. A block opened with a word after the language ({@code ```java spark}) needs a
 * class path the examples do not carry and is not run here; the module's own tests run its calls.
 */
class ReadmeSnippetsTest {

  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  @TempDir Path work;

  @Test
  void everyJavaBlockOfTheReadmeRunsInOrder() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    StringBuilder script = new StringBuilder(JShellScriptRunner.DEFAULT_IMPORTS);
    int blocks = 0;
    Matcher m = JAVA_BLOCK.matcher(readme);
    while (m.find()) {
      script.append(redirectPaths(m.group(1))).append('\n');
      blocks++;
    }

    JShellScriptRunner.Outcome outcome = JShellScriptRunner.run(script.toString());

    System.out.println(outcome.output());
    assertThat(blocks).as("java blocks in README.md").isGreaterThanOrEqualTo(5);
    assertThat(outcome.snippets()).isGreaterThan(blocks);
  }

  /** Rewrites {@code Path.of("relative")} into a path under the temporary folder. */
  private String redirectPaths(String block) {
    return block.replaceAll(
        "Path\\.of\\(\"(?!/)", Matcher.quoteReplacement("Path.of(\"" + work + "/"));
  }
}
