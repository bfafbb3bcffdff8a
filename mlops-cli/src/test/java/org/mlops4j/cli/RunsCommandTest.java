package org.mlops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlops4j.cli.FairnessCommandTest.assertOneLine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.core.tracking.LocalTracker;

class RunsCommandTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  Path store;
  String first;
  String second;

  @BeforeEach
  void writeAStoreWithTwoRuns() {
    store = dir.resolve("mlruns");
    try (LocalTracker tracker = LocalTracker.open(store)) {
      try (Run run = tracker.startRun("churn", "baseline")) {
        run.logParam("lr", "0.01").logParam("model", "logreg");
        run.logMetric("loss", 0.9, 0).logMetric("loss", 0.5, 1).logMetric("loss", 0.25, 2);
        run.logMetric("auc", 0.71);
        first = run.id();
      }
      try (Run run = tracker.startRun("churn", "gbm")) {
        run.logParam("lr", "0.1").logParam("model", "gbm");
        run.logMetric("auc", 0.83);
        second = run.id();
      }
    }
  }

  @Test
  void list_printsEveryRunWithItsLatestMetrics() {
    Cli.Result r = Cli.run("runs", "list", "--store", store.toString());
    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(r.out())
        .startsWith("experiment  run       name      status    start")
        .contains(first.substring(0, 8))
        .contains(second.substring(0, 8))
        .contains("auc=0.7100 loss=0.2500")
        .contains("auc=0.8300");
  }

  @Test
  void list_withAFilter_andJson() throws IOException {
    Cli.Result r =
        Cli.run(
            "runs",
            "list",
            "--store",
            store.toString(),
            "--experiment",
            "churn",
            "--filter",
            "metric.auc>0.8",
            "--json",
            "-");
    assertThat(r.status()).as(r.toString()).isZero();
    JsonNode root = JSON.readTree(r.out());
    assertThat(root.get("runs")).hasSize(1);
    JsonNode run = root.get("runs").get(0);
    assertThat(run.get("runId").asText()).isEqualTo(second);
    assertThat(run.get("experiment").asText()).isEqualTo("churn");
    assertThat(run.get("status").asText()).isEqualTo("FINISHED");
    assertThat(run.get("params").get("model").asText()).isEqualTo("gbm");
    assertThat(run.get("metrics").get("auc").asDouble()).isEqualTo(0.83);

    Cli.Result byParam =
        Cli.run(
            "runs",
            "list",
            "--store",
            store.toString(),
            "--filter",
            "param.model=logreg",
            "--json",
            "-");
    assertThat(JSON.readTree(byParam.out()).get("runs").get(0).get("runId").asText())
        .isEqualTo(first);
    Cli.Result none =
        Cli.run("runs", "list", "--store", store.toString(), "--filter", "metric.auc>0.9");
    assertThat(none.out()).startsWith("no runs pass the filter (all and metric.auc > 0.9) in ");
  }

  @Test
  void show_byIdPrefix_withAMetricHistory() throws IOException {
    Cli.Result r =
        Cli.run(
            "runs", "show", first.substring(0, 6), "--store", store.toString(), "--metric", "loss");
    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("run        " + first)
        .contains("name       baseline")
        .contains("experiment churn")
        .contains("lr     0.01\n");
    assertThat(r.out()).contains("step  loss  timestamp\n0      0.9  ").contains("\n2     0.25  ");
    JsonNode root =
        JSON.readTree(
            Cli.run(
                    "runs",
                    "show",
                    first,
                    "--store",
                    store.toString(),
                    "--metric",
                    "loss",
                    "--json",
                    "-")
                .out());
    JsonNode history = root.get("history").get("loss");
    assertThat(history).hasSize(3);
    assertThat(history.get(1).get("step").asLong()).isEqualTo(1);
    assertThat(history.get(1).get("value").asDouble()).isEqualTo(0.5);
  }

  @Test
  void compare_printsTheLibrarysTable() {
    Cli.Result r =
        Cli.run("runs", "compare", first, second.substring(0, 10), "--store", store.toString());
    assertThat(r.status()).as(r.toString()).isZero();
    String expected;
    try (LocalTracker tracker = LocalTracker.openReadOnly(store)) {
      expected = tracker.compare(first, second).toString();
    }
    assertThat(r.out()).isEqualTo(expected + "params that differ: lr, model\n");
  }

  @Test
  void badInput_givesStatusTwoAndOneLine() {
    Path none = dir.resolve("nowhere");
    assertOneLine(
        Cli.run("runs", "list", "--store", none.toString()),
        "mlops runs list: "
            + none
            + ": no such tracking store (a folder in MLflow's FileStore layout;"
            + " give it with --store DIR)");
    assertOneLine(
        Cli.run("runs", "show", "ffffffff", "--store", store.toString()),
        "mlops runs show: no run id starts with ffffffff");
    assertOneLine(
        Cli.run("runs", "show", "not-an-id", "--store", store.toString()),
        "mlops runs show: 'not-an-id' is not a run id (32 lowercase hex characters, or a prefix)");
    assertOneLine(
        Cli.run("runs", "show", first, "--store", store.toString(), "--metric", "acc"),
        "mlops runs show: run " + first + " has no metric 'acc' (metrics: auc, loss)");
    assertOneLine(
        Cli.run("runs", "list", "--store", store.toString(), "--experiment", "nope"),
        "mlops runs list: "
            + store
            + ": no active experiment named 'nope' (experiments: Default, churn)");
    assertOneLine(
        Cli.run("runs", "list", "--store", store.toString(), "--filter", "auc>1"),
        "mlops runs list: --filter 'auc>1' is not metric.KEY<op>NUMBER, param.KEY=VALUE or"
            + " tag.KEY=VALUE (see 'mlops runs list --help')");
    assertOneLine(
        Cli.run("runs"),
        "mlops runs: a subcommand is required: list, show, compare, push, pull or shared (see"
            + " 'mlops runs --help')");
  }

  /** Fails when a text holds a character TerminalText escapes (other than the line feed). */
  static void assertNoControlCharacters(String text) {
    text.codePoints()
        .forEach(
            c ->
                assertThat(
                        c == '\n'
                            || !(c < 0x20
                                || (c >= 0x7f && c <= 0x9f)
                                || c == 0x2028
                                || c == 0x2029
                                || (c >= 0x202a && c <= 0x202e)
                                || (c >= 0x2066 && c <= 0x2069)))
                    .as("U+%04X in %s", c, text)
                    .isTrue());
  }

  @Test
  void controlCharactersInRunNamesParamsAndTags_arePrintedEscaped_andExactInJson()
      throws IOException {
    Path evil = dir.resolve("evil");
    String runName = "red\u001b[31mrun\u001b[0m";
    String param = "line1\nline2\tx";
    String tag = "\u202eevil\u2066";
    String id;
    String other;
    try (LocalTracker tracker = LocalTracker.open(evil)) {
      try (Run run = tracker.startRun("exp", runName)) {
        run.logParam("p", param).setTag("t", tag).logMetric("m", 1.0);
        id = run.id();
      }
      try (Run run = tracker.startRun("exp", "plain")) {
        other = run.id();
      }
    }
    // expected by hand: ESC is written as backslash x1b, line feed as backslash n, tab as
    // backslash t, U+202E and U+2066 as backslash u and their four hex digits
    String name = "red\\x1b[31mrun\\x1b[0m"; // 21 characters on the terminal

    Cli.Result list = Cli.run("runs", "list", "--store", evil.toString());
    assertThat(list.status()).as(list.toString()).isZero();
    assertNoControlCharacters(list.out());
    assertThat(list.out().lines())
        .hasSize(3)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("exp         " + id.substring(0, 8) + "  " + name + "  FINISHED  "))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(
                        "exp         "
                            + other.substring(0, 8)
                            + "  plain"
                            + " ".repeat(21 - 5)
                            + "  FINISHED  "));

    Cli.Result show = Cli.run("runs", "show", id, "--store", evil.toString());
    assertThat(show.status()).as(show.toString()).isZero();
    assertNoControlCharacters(show.out());
    int tagWidth;
    try (LocalTracker tracker = LocalTracker.openReadOnly(evil)) {
      tagWidth =
          tracker.findRun(id).orElseThrow().tags().keySet().stream()
              .mapToInt(String::length)
              .max()
              .orElseThrow();
    }
    assertThat(show.out())
        .contains("name       " + name + "\n")
        .contains("param  value\np      line1\\nline2\\tx\n")
        .contains("\nt" + " ".repeat(tagWidth - 1) + "  \\u202eevil\\u2066\n")
        .contains("\nmlflow.runName" + " ".repeat(tagWidth - 14) + "  " + name + "\n");

    JsonNode json =
        JSON.readTree(Cli.run("runs", "show", id, "--store", evil.toString(), "--json", "-").out());
    assertThat(json.get("name").asText()).isEqualTo(runName);
    assertThat(json.get("params").get("p").asText()).isEqualTo(param);
    assertThat(json.get("tags").get("t").asText()).isEqualTo(tag);

    Cli.Result compare = Cli.run("runs", "compare", id, other, "--store", evil.toString());
    assertThat(compare.status()).as(compare.toString()).isZero();
    // columns two spaces apart, as wide as their widest (escaped) cell: "metric m" (8), the run's
    // name and id (21 + 11 = 32)
    String head = name + " (" + id.substring(0, 8) + ")";
    assertThat(compare.out())
        .isEqualTo(
            "key       "
                + head
                + "  plain ("
                + other.substring(0, 8)
                + ")\n"
                + "status    FINISHED"
                + " ".repeat(32 - 8)
                + "  FINISHED\n"
                + "param p   line1\\nline2\\tx"
                + " ".repeat(32 - 15)
                + "  -\n"
                + "metric m  1.0"
                + " ".repeat(32 - 3)
                + "  -\n"
                + "params that differ: p\n");
  }

  @Test
  void controlCharactersInExperimentNames_arePrintedEscaped() {
    Path evil = dir.resolve("evil");
    String experiment = "exp\u001b]0;title\u0007";
    try (LocalTracker tracker = LocalTracker.open(evil)) {
      tracker.startRun(experiment, "r").close();
    }
    Cli.Result list = Cli.run("runs", "list", "--store", evil.toString());
    assertThat(list.status()).as(list.toString()).isZero();
    assertNoControlCharacters(list.out());
    // expected by hand: ESC is backslash x1b, BEL backslash x07; the column is as wide as the
    // escaped name (19 characters)
    assertThat(list.out())
        .startsWith("experiment" + " ".repeat(19 - 10 + 2) + "run")
        .contains("\nexp\\x1b]0;title\\x07  ");
    Cli.Result show =
        Cli.run("runs", "list", "--store", evil.toString(), "--experiment", "nope\u001b[2J");
    assertOneLine(
        show,
        "mlops runs list: "
            + evil
            + ": no active experiment named 'nope\\x1b[2J' (experiments: Default,"
            + " exp\\x1b]0;title\\x07)");
  }
}
