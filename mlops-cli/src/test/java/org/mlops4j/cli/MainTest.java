package org.mlops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void help_listsTheCommandsAndExitStatuses() {
    Cli.Result r = Cli.run("--help");
    assertThat(r.status()).isZero();
    assertThat(r.out())
        .contains("Usage: mlops")
        .contains("drift")
        .contains("fairness")
        .contains("runs")
        .contains("Exit status: 0 success, 1 a requested check failed");
  }

  @Test
  void commandHelp_explainsEveryOption() {
    assertThat(Cli.run("drift", "--help").out())
        .contains(
            "--reference=FILE",
            "--current=FILE",
            "--columns=COL",
            "--json=OUT",
            "--html=OUT",
            "--fail-on-drift",
            "--alpha",
            "--correction",
            "--bins",
            "--binning",
            "--drift-share",
            "--method",
            "--verbose");
    assertThat(Cli.run("fairness", "--help").out())
        .contains(
            "--data=FILE",
            "--label=COL",
            "--prediction=COL",
            "--score=COL",
            "--threshold=T",
            "--group=COL",
            "--positive=VALUE",
            "--reference-group=G",
            "--json=OUT",
            "--html=OUT",
            "--fail-if=CRITERION>VALUE",
            "--min-group-size",
            "--bootstrap",
            "--verbose");
    assertThat(Cli.run("runs", "list", "--help").out())
        .contains("--store=DIR", "--experiment", "--filter", "--json");
    assertThat(Cli.run("runs", "show", "--help").out()).contains("RUN_ID", "--metric=KEY");
    assertThat(Cli.run("help", "runs").out()).contains("list", "show", "compare");
  }

  @Test
  void noCommand_isBadUsage() {
    Cli.Result r = Cli.run();
    assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err())
        .isEqualTo(
            "mlops: a command is required: drift, fairness, slices, runs, registry, data or card"
                + " (see 'mlops --help')\n");
  }

  @Test
  void unknownOrMissingOption_isOneLineWithMainsCommandLine() {
    Cli.Result unknown =
        Cli.runAsMain("drift", "--reference", "a.csv", "--current", "b.csv", "--colums", "x");
    assertThat(unknown.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(unknown.err())
        .isEqualTo(
            "mlops drift: Unknown options: '--colums', 'x'; did you mean --columns or --correction?"
                + " (see 'mlops drift --help')\n");
    Cli.Result missing =
        Cli.runAsMain("fairness", "--data", "d.csv", "--label", "y", "--prediction", "p");
    assertThat(missing.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(missing.err())
        .isEqualTo(
            "mlops fairness: Missing required option: '--group=COL' (see 'mlops fairness"
                + " --help')\n");
    Cli.Result badNumber =
        Cli.runAsMain("drift", "--reference", "a", "--current", "b", "--alpha", "x");
    assertThat(badNumber.err()).hasLineCount(1).contains("'x' is not a double");
  }

  @Test
  void badUsage_isOneLineWithAPlainCommandLineToo() {
    Cli.Result r = Cli.run("drift", "--current", "b.csv");
    assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err())
        .isEqualTo(
            "mlops drift: Missing required option: '--reference=FILE' (see 'mlops drift"
                + " --help')\n");
    Cli.Result sub = Cli.run("runs", "show");
    assertThat(sub.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(sub.err())
        .isEqualTo(
            "mlops runs show: Missing required parameter: 'RUN_ID' (see 'mlops runs show"
                + " --help')\n");
  }

  @Test
  void version_namesTheToolAndTheJvm() {
    Cli.Result r = Cli.run("--version");
    assertThat(r.status()).isZero();
    assertThat(r.out()).startsWith("mlops ").contains("JVM: " + System.getProperty("java.version"));
  }
}
