package org.mlops4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluates every {@code ```java} block of the repository's README.md in a fresh JShell (with the
 * jshell tool's default imports), so that the README's snippets stay runnable. Paths the snippets
 * write to ({@code "mlruns"}, {@code "drift-report.html"}...) are redirected into a temporary folder.
 */
class ReadmeSnippetsTest {

  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  @TempDir static Path work;

  @TestFactory
  Stream<DynamicTest> everyJavaBlockOfTheReadmeRuns() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    List<DynamicTest> tests = new ArrayList<>();
    Matcher m = JAVA_BLOCK.matcher(readme);
    while (m.find()) {
      String block = m.group(1);
      int line = readme.substring(0, m.start()).split("\n", -1).length;
      tests.add(DynamicTest.dynamicTest("README.md line " + line, () -> {
        String script = JShellScriptRunner.DEFAULT_IMPORTS + redirectPaths(block);
        JShellScriptRunner.Outcome outcome = JShellScriptRunner.run(script);
        System.out.println(outcome.output());
        assertThat(outcome.snippets()).isPositive();
      }));
    }
    assertThat(tests).as("java blocks in README.md").hasSizeGreaterThanOrEqualTo(1);
    return tests.stream();
  }

  /** Rewrites {@code Path.of("relative")} into a path under the temporary folder. */
  private static String redirectPaths(String block) {
    String root = work.toString().replace("\\", "\\\\");
    return block.replaceAll("Path\\.of\\(\"(?!/)", "Path.of(\"" + Matcher.quoteReplacement(root) + "/");
  }
}
