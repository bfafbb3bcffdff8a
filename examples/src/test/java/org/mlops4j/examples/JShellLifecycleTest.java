package org.mlops4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Evaluates the lifecycle notebook {@code src/main/jshell/lifecycle.jsh} snippet by snippet through
 * {@link JShellScriptRunner} (any rejected snippet or exception fails) and checks, on what it
 * printed, what each step of the story must show. A second test checks that the {@code jshell}
 * tool, which reads a file line by line, cuts it into the same snippets.
 */
class JShellLifecycleTest {

  static final Path NOTEBOOK = Path.of("src/main/jshell/lifecycle.jsh");

  static final String REPORTS_LINE = "reports, to open in a browser: ";

  static String script;
  static String out;

  @BeforeAll
  static void runTheNotebook() throws Exception {
    script = Files.readString(NOTEBOOK, StandardCharsets.UTF_8);
    // the notebook leaves its service open for the reader; the test closes it
    JShellScriptRunner.Outcome outcome = JShellScriptRunner.run(script + "\nservice.close();\n");
    assertThat(outcome.snippets()).isGreaterThan(100);
    out = outcome.output();
  }

  @Test
  void step1_identifiersArePseudonymised_consentIsRecorded_theFileIsVersioned() {
    // the raw intake shows the clear ids, the pseudonymised copy none of them
    int raw = out.indexOf("APP-2025-00000");
    int pseudonymised = out.indexOf("PersonalData: 3 rows", raw);
    int consent = out.indexOf("ConsentRegistry ", pseudonymised);
    assertThat(raw).isNotNegative();
    assertThat(pseudonymised).isGreaterThan(raw);
    assertThat(out.substring(pseudonymised, consent)).doesNotContain("APP-");
    // consenting subjects: everyone granted, then each withdrew when a SplittableRandom(7) draw,
    // one per applicant in order, fell below 0.04 (the rule the notebook states), recounted here
    SplittableRandom rnd = new SplittableRandom(7);
    int withdrawn = 0;
    for (int i = 0; i < Lifecycle.APPLICANTS_2025; i++) {
      if (rnd.nextDouble() < 0.04) {
        withdrawn++;
      }
    }
    assertThat(out)
        .containsPattern("model_training\\s+" + (Lifecycle.APPLICANTS_2025 - withdrawn) + "\\R")
        .contains("(" + (Lifecycle.APPLICANTS_2025 + withdrawn) + " events)");
    // the pointer names the file and its size; the push moved its one object; nothing changed
    assertThat(out)
        .containsPattern("applicants\\.csv [0-9a-f]{64} \\d+ bytes")
        .contains("1 objects (")
        .contains("data status: 1 tracked, 0 changed");
  }

  @Test
  void step2and3_thePipelineIsCached_andOnlyWhatDependsOnAChangedParamReruns() {
    assertThat(out)
        .contains("0 ran, 0 restored, 0 skipped, 5 stale, 0 failed") // status before any run
        .contains("5 ran, 0 restored, 0 skipped, 0 failed") // the first run
        .contains("0 ran, 0 restored, 5 skipped, 0 failed") // the same again: cached
        .contains("0 ran, 0 restored, 3 skipped, 2 stale, 0 failed") // status, new rate
        .contains("train: STALE (param 'learning_rate' changed: 0.05 -> 0.2)")
        .contains("2 ran, 0 restored, 3 skipped, 0 failed"); // only train and evaluate reran
    // the two tracked runs side by side, differing in the learning rate; five epochs of loss
    assertThat(out)
        .containsPattern("key\\s+lr-0\\.05 \\([0-9a-f]{8}\\)\\s+lr-0\\.2 \\([0-9a-f]{8}\\)")
        .containsPattern("param pipeline\\.train\\.param\\.learning_rate\\s+0\\.05\\s+0\\.2\\R")
        .contains("epoch 1  train.loss", "epoch " + Lifecycle.EPOCHS + "  train.loss");
  }

  @Test
  void step4_evaluationFindsTheNoisyBranch_andTheBias() {
    assertThat(out).containsPattern("test rows \\d+, accuracy 0\\.\\d{4}, AUC 0\\.\\d{4}");
    // the injected label noise (east, under 35) is among the significant slices
    String slices = between("SliceReport", "FairnessReport");
    assertThat(slices).containsPattern("\\d+ significant:").contains("region=east|age=");
    // the injected bias: fewer women who would have repaid are approved, beyond the tolerance
    assertThat(between("FairnessReport", "a unit test would fail"))
        .contains("four-fifths rule FAILED")
        .containsPattern("equal_opportunity_difference = 0\\.\\d{4} \\(\"M\" vs \"F\"\\)");
    assertThat(out)
        .contains(
            "a unit test would fail: Expecting equal_opportunity_difference (groups \"M\" and"
                + " \"F\") to be at most "
                + Lifecycle.MAX_OPPORTUNITY_GAP);
  }

  @Test
  void step5_theBiasedVersionIsRefused_theMitigatedOnePasses_atAStatedCost() {
    assertThat(out)
        .contains("Promotion of credit-risk v1 to stage Production: REFUSED (1 of 4 gates failed)")
        .containsPattern("fairness_max\\s+equal_opportunity_difference <= 0\\.08\\s+\\S+\\s+FAIL")
        .contains("Promotion of credit-risk v2 to stage Production: PASSED");
    // the trade-off is printed and is one: the mean cost goes up, the gap comes down
    Matcher m =
        Pattern.compile(
                "trade-off: mean cost ([0-9.]+) -> ([0-9.]+); accuracy [0-9.]+ -> [0-9.]+;"
                    + " equal-opportunity difference ([0-9.]+) -> ([0-9.]+); thresholds \\{M=0\\.3,"
                    + " F=([0-9.]+)}")
            .matcher(out);
    assertThat(m.find()).as("the trade-off line").isTrue();
    assertThat(Double.parseDouble(m.group(2))).isGreaterThan(Double.parseDouble(m.group(1)));
    assertThat(Double.parseDouble(m.group(3))).isGreaterThan(Lifecycle.MAX_OPPORTUNITY_GAP);
    assertThat(Double.parseDouble(m.group(4))).isLessThan(Lifecycle.MAX_OPPORTUNITY_GAP);
    assertThat(Double.parseDouble(m.group(5))).isGreaterThan(Lifecycle.THRESHOLD);
    // v2 in production behind the champion alias; its card generated with no section missing
    assertThat(out)
        .containsPattern("\\R2\\s+Production\\s+champion\\s")
        .contains("Model card of credit-risk v2")
        .contains("0 sections missing");
  }

  @Test
  void step6_driftTriggersRetraining_theChallengerGoesThroughShadowAndGates_theServiceSwaps() {
    assertThat(out).contains("data-drift alerts after 2025-like traffic: 0");
    Matcher alerts =
        Pattern.compile("monitor: (\\d+) data-drift alerts; retraining: policy -> credit-risk v3")
            .matcher(out);
    assertThat(alerts.find()).as("the retraining line").isTrue();
    assertThat(Integer.parseInt(alerts.group(1))).isPositive();
    // new data: every stage of the retraining ran again
    assertThat(between("retraining: policy", "ShadowReport"))
        .contains("5 ran, 0 restored, 0 skipped, 0 failed");
    assertThat(out)
        .contains("ShadowReport credit-risk: champion v2 vs challenger v3")
        .contains("sent 2000  dropped 0  compared 2000")
        .contains("Promotion of credit-risk v3 to stage Production (replacing v2): PASSED")
        .contains("now serving credit-risk v3")
        .containsPattern("swaps 1\\s");
  }

  @Test
  void step7_erasureRemovesTheRows_andFlagsTheVersionTrainedOnThem() {
    String receipt = between("Erasure receipt", REPORTS_LINE);
    assertThat(receipt)
        .containsPattern("rows removed [1-9]\\d*, files rewritten [1-9]\\d*")
        .contains("models to retrain 1")
        .containsPattern("credit-risk\\s+3\\s+yes")
        .containsPattern("\\R3\\s+Production\\s+\\S*champion");
  }

  @Test
  void theReportsAreWritten_asHtmlPages() throws Exception {
    assertThat(reports())
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "erasure.html",
            "fairness-v1.html",
            "fairness-v2.html",
            "model-card.html",
            "shadow.html",
            "slices.html");
    for (Path report : reports()) {
      assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains("<html", "</html>");
    }
  }

  /** Removes the notebook's temporary folder (the parent of its reports folder). */
  @AfterAll
  static void deleteTheNotebooksFolder() throws Exception {
    if (out == null || !out.contains(REPORTS_LINE)) {
      return;
    }
    Path root = reports().get(0).getParent().getParent();
    if (root.getFileName().toString().startsWith("mlops-lifecycle")) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  /** The report files the notebook lists on its last line of output. */
  private static List<Path> reports() {
    Matcher m = Pattern.compile(Pattern.quote(REPORTS_LINE) + "\\[(.*)]").matcher(out);
    assertThat(m.find()).as("the reports line").isTrue();
    return Stream.of(m.group(1).split(", ")).map(Path::of).toList();
  }

  /**
   * The {@code jshell} tool reads a file line by line and runs what it has as soon as it is a
   * complete snippet at the end of a line; the runner above cuts the whole text. A chain continued
   * on the next line with a leading dot is complete too early for the tool (and the next line is an
   * error there), so both cuts must agree.
   */
  @Test
  void theJshellTool_cutsTheNotebookIntoTheSameSnippets() {
    List<String> whole = new ArrayList<>();
    List<String> byLine = new ArrayList<>();
    try (JShell shell = JShell.builder().executionEngine("local").build()) {
      SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
      String remaining = script;
      while (true) {
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
        if (!info.completeness().isComplete()) {
          assertThat(info.completeness()).isEqualTo(SourceCodeAnalysis.Completeness.EMPTY);
          break;
        }
        whole.add(code(info.source()));
        remaining = info.remaining();
      }
      String pending = "";
      for (String line : script.split("\n", -1)) {
        pending = pending.isEmpty() ? line : pending + "\n" + line;
        while (true) {
          SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(pending);
          if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
            pending = "";
            break;
          }
          if (!info.completeness().isComplete()) {
            break;
          }
          byLine.add(code(info.source()));
          pending = info.remaining().isBlank() ? "" : info.remaining();
          if (pending.isEmpty()) {
            break;
          }
        }
      }
      assertThat(pending.strip()).as("left incomplete at the end").isEmpty();
    }
    assertThat(byLine).containsExactlyElementsOf(whole);
  }

  /**
   * A snippet without its comments and with its white space collapsed (the notebook has no {@code
   * //} inside a string).
   */
  private static String code(String snippet) {
    return snippet.replaceAll("//[^\n]*", "").replaceAll("\\s+", " ").strip();
  }

  private static String between(String from, String to) {
    int start = out.indexOf(from);
    assertThat(start).as("'%s' in the output", from).isNotNegative();
    int end = out.indexOf(to, start);
    assertThat(end).as("'%s' after '%s' in the output", to, from).isGreaterThan(start);
    return out.substring(start, end);
  }
}
