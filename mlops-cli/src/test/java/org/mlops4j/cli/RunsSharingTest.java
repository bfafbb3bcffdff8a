package org.mlops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.api.tracking.RunRecord;
import org.mlops4j.core.tracking.LocalTracker;
import org.mlops4j.registry.ModelRegistry;
import org.mlops4j.registry.ModelVersion;

/**
 * {@code mlops runs push|pull|shared}: a run and a registered model made through the API in one
 * store, shared through a folder remote, read back in another store through the tracker's and the
 * registry's own readers. The expected URIs are the receiving store's folders as {@link
 * Path#toUri()} gives them (MLflow's {@code file:///...} form).
 */
class RunsSharingTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  Path alice;
  Path bob;
  Path remote;
  String runId;

  @BeforeEach
  void aRunAndAModelInAlicesStore() throws Exception {
    alice = dir.resolve("alice/mlruns");
    bob = dir.resolve("bob/mlruns");
    remote = dir.resolve("remote");
    try (LocalTracker t = LocalTracker.open(alice);
        Run run = t.newRun("churn").name("gbm").start()) {
      run.logParam("depth", "6");
      run.logMetric("auc", 0.875);
      runId = run.id();
    }
    Path w = Files.writeString(dir.resolve("m.bin"), "weights v1");
    ModelRegistry registry = ModelRegistry.open(alice);
    registry.createModel("churn", "customer churn", Map.of());
    registry.newVersion("churn").artifact("model.bin", w).runId(runId).register();
  }

  private static String uri(Path p) {
    String u = p.toAbsolutePath().normalize().toUri().toString();
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  @Test
  void pushThenPullAll_givesBobARunAndAModelHisReadersRead() throws Exception {
    Cli.Result push =
        Cli.run(
            "runs",
            "push",
            runId.substring(0, 8),
            "--model",
            "churn",
            "--store",
            alice.toString(),
            "--remote",
            remote.toString());
    assertThat(push.status()).as(push.toString()).isZero();
    assertThat(push.out())
        .startsWith("push " + remote + ": ")
        .contains("run " + runId, "model churn");

    Cli.Result shared =
        Cli.run("runs", "shared", "--store", bob.toString(), "--remote", remote.toString());
    assertThat(shared.status()).as(shared.toString()).isZero();
    assertThat(shared.out()).startsWith("tracking on " + remote + ": 1 runs, 1 models");
    assertThat(shared.out()).contains("churn/gbm");

    Cli.Result pull =
        Cli.run(
            "runs",
            "pull",
            "--all",
            "--store",
            bob.toString(),
            "--remote",
            remote.toString(),
            "--json",
            "-");
    assertThat(pull.status()).as(pull.toString()).isZero();
    JsonNode doc = JSON.readTree(pull.out());
    assertThat(doc.get("format").asText()).isEqualTo("mlops4j.data-transfer");
    assertThat(doc.get("operation").asText()).isEqualTo("pull");
    assertThat(doc.get("store").asText()).isEqualTo(bob.toString());

    try (LocalTracker t = LocalTracker.openReadOnly(bob)) {
      RunRecord r = t.findRun(runId).orElseThrow();
      assertThat(r.params()).containsEntry("depth", "6");
      assertThat(r.metrics().get("auc").value()).isEqualTo(0.875);
      assertThat(r.artifactUri()).startsWith(uri(bob) + "/");
    }
    ModelRegistry registry = ModelRegistry.openReadOnly(bob);
    ModelVersion v = registry.version("churn", 1);
    assertThat(v.runId()).contains(runId);
    assertThat(v.source()).isEqualTo(uri(bob) + "/models/churn/version-1/artifacts");
    // the registry hashes the version's files again against its records
    assertThat(registry.verify("churn", 1).version()).isEqualTo(1);
    assertThat(Files.readString(bob.resolve("models/churn/version-1/artifacts/model.bin")))
        .isEqualTo("weights v1");
    try (Stream<Path> s = Files.walk(bob)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1))
            .as(f.toString())
            .doesNotContain(uri(alice));
      }
    }
  }

  @Test
  void withoutARemote_theMessageSaysWhereToSetOne() {
    Path project = dir.resolve("p");
    Cli.Result r =
        Cli.run(
            "runs",
            "shared",
            "--store",
            alice.toString(),
            "--project",
            project.toString(),
            "--remote",
            "");
    assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err())
        .contains("a remote is required")
        .contains("mlops data remote URL")
        .contains(project.resolve("mlops.yaml").toString());
  }

  @Test
  void theProjectsDefaultRemote_isUsedWhenNoneIsGiven() throws Exception {
    Path project = Files.createDirectories(dir.resolve("p"));
    Cli.Result set = Cli.run("data", "remote", remote.toString(), "--project", project.toString());
    assertThat(set.status()).as(set.toString()).isZero();
    assertThat(Files.readString(project.resolve("mlops.yaml"))).contains(remote.toString());
    Cli.Result push =
        Cli.run(
            "runs",
            "push",
            runId,
            "--store",
            alice.toString(),
            "--project",
            project.toString(),
            "--remote",
            "");
    assertThat(push.status()).as(push.toString()).isZero();
    assertThat(remote.resolve("tracking/runs/" + runId + ".json")).exists();
  }

  @Test
  void aRunNotOnTheRemote_isBadInput() {
    Cli.Result r =
        Cli.run("runs", "pull", runId, "--store", bob.toString(), "--remote", remote.toString());
    assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).contains("no run " + runId + " on the remote");
  }
}
