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
        "mlops runs: a subcommand is required: list, show or compare (see 'mlops runs --help')");
  }
}
