package org.mlops4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the guide of every module ({@code docs/modules/<module>.md}) as its reader would: the {@code
 * ```java} blocks of one guide, in order, in one JShell session; a block that declares a class with
 * a {@code main} method is run by calling it. Any rejected snippet or exception fails. Relative
 * paths are redirected into a temporary folder, as in {@link ReadmeSnippetsTest}.
 *
 * <p>The Spark guide needs a Spark session on Spark's own Jackson, which the examples' class path
 * does not carry; {@code mlops-spark}'s tests run the same calls. The data guide starts an S3Proxy
 * server (a test dependency here). A guide that starts from a public dataset finds it in {@code
 * ../shared/datasets} (copied into the temporary folder), and is skipped where that folder is
 * absent, as in a user's clone.
 */
class ModuleGuidesTest {

  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern MAIN_CLASS =
      Pattern.compile(
          "(?m)^(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)[^{]*\\{(?=[\\s\\S]*static\\s+void\\s+main)");

  /** Guides that need a class path the examples do not carry, and where they are tested. */
  private static final Map<String, String> RUN_ELSEWHERE =
      Map.of("spark.md", "needs Spark on its own Jackson: mlops-spark's tests");

  /** Guides that start from a file of {@code ../shared/datasets}, as a reader downloads it. */
  private static final Map<String, String> DATASETS =
      Map.of("cards.md", "compas-two-years.csv", "compas-audit.md", "compas-two-years.csv");

  @TempDir Path work;

  static Stream<String> guides() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("..", "docs", "modules"))) {
      List<String> names =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".md"))
              .sorted()
              .toList();
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("guides")
  void everyJavaBlockOfTheGuideRuns(String guide) throws IOException {
    Assumptions.assumeFalse(RUN_ELSEWHERE.containsKey(guide), () -> RUN_ELSEWHERE.get(guide));
    if (DATASETS.containsKey(guide)) {
      Path dataset =
          Path.of(System.getProperty("mlops.shared.dir", "../../shared"), "datasets")
              .resolve(DATASETS.get(guide));
      Assumptions.assumeTrue(Files.isRegularFile(dataset), () -> "no " + dataset);
      Files.copy(dataset, work.resolve(dataset.getFileName()));
    }
    String text = Files.readString(Path.of("..", "docs", "modules", guide), StandardCharsets.UTF_8);
    StringBuilder script = new StringBuilder(JShellScriptRunner.DEFAULT_IMPORTS);
    int blocks = 0;
    Matcher m = JAVA_BLOCK.matcher(text);
    while (m.find()) {
      String block = redirectPaths(m.group(1));
      script.append(block).append('\n');
      Matcher main = MAIN_CLASS.matcher(block);
      if (main.find()) {
        script.append(main.group(1)).append(".main(new String[0]);\n");
      }
      blocks++;
    }

    JShellScriptRunner.Outcome outcome = JShellScriptRunner.run(script.toString());

    System.out.println(outcome.output());
    assertThat(blocks).as("java blocks in docs/modules/" + guide).isPositive();
    assertThat(outcome.output()).as("what the guide printed").isNotBlank();
  }

  /** Rewrites {@code Path.of("relative")} into a path under the temporary folder. */
  private String redirectPaths(String block) {
    return block.replaceAll(
        "Path\\.of\\(\"(?!/)", Matcher.quoteReplacement("Path.of(\"" + work + "/"));
  }
}
