package org.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.tracking.Run;
import org.mlops4j.api.tracking.RunRecord;
import org.mlops4j.core.tracking.LocalTracker;

/**
 * Runs and models shared through a folder remote between two tracking stores. Expected hashes are
 * computed here with the JDK's {@link MessageDigest} on the bytes the test wrote; the expected
 * {@code artifact_uri} is the receiving store's folder as {@link Path#toUri()} gives it, the form
 * MLflow's FileStore writes ({@code file:///...}, no final slash).
 */
class TrackingRemoteTest {
  @TempDir Path tmp;
  Path a;
  Path b;
  Path remote;
  String runId;
  String experimentId;

  @BeforeEach
  void aRunInStoreA() throws Exception {
    a = tmp.resolve("alice/mlruns");
    b = tmp.resolve("bob/mlruns");
    remote = tmp.resolve("remote");
    Path model = tmp.resolve("model.bin");
    Files.writeString(model, "weights\n");
    try (LocalTracker t = LocalTracker.open(a);
        Run run = t.newRun("churn").name("baseline").start()) {
      run.logParam("lr", "0.01");
      run.logMetric("auc", 0.8125, 3);
      run.logArtifact(model);
      runId = run.id();
      experimentId = run.experimentId();
    }
  }

  private TrackingRemote in(Path store) {
    return TrackingRemote.builder(store).remote(remote.toString()).build();
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  private static String uri(Path dir) {
    String u = dir.toAbsolutePath().normalize().toUri().toString();
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  @Test
  void aPulledRun_isReadByTheTrackerOfTheReceivingStore_withItsArtifactUriThere() throws Exception {
    DataTransfer push = in(a).push(List.of(runId), List.of());
    assertThat(push.placed()).containsExactly("run " + runId);
    DataTransfer pull = in(b).pull(List.of(runId), List.of(), false);
    assertThat(pull.placed()).containsExactly("run " + runId);

    try (LocalTracker t = LocalTracker.openReadOnly(b)) {
      RunRecord r = t.findRun(runId).orElseThrow();
      assertThat(r.name()).isEqualTo("baseline");
      assertThat(r.params()).containsEntry("lr", "0.01");
      assertThat(r.metrics().get("auc").value()).isEqualTo(0.8125);
      assertThat(r.artifactUri())
          .isEqualTo(uri(b) + "/" + experimentId + "/" + runId + "/artifacts");
      assertThat(t.findExperiment("churn").orElseThrow().artifactLocation())
          .isEqualTo(uri(b) + "/" + experimentId);
    }
    Path artifact = b.resolve(experimentId).resolve(runId).resolve("artifacts/model.bin");
    assertThat(Files.readString(artifact)).isEqualTo("weights\n");
    // no path of the pushing store is left in the receiving one
    try (Stream<Path> s = Files.walk(b)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).doesNotContain(uri(a));
      }
    }
  }

  @Test
  void aRunOfAnExperimentNameBobHasToo_goesIntoBobsExperiment() throws Exception {
    String bobsId;
    try (LocalTracker t = LocalTracker.open(b)) {
      bobsId = t.experiment("churn").id();
    }
    assertThat(bobsId).isNotEqualTo(experimentId); // both random 18-digit ids
    in(a).push(List.of(runId), List.of());
    DataTransfer pull = in(b).pull(List.of(runId), List.of(), false);
    assertThat(pull.placed()).containsExactly("run " + runId);

    try (LocalTracker t = LocalTracker.openReadOnly(b)) {
      assertThat(t.allExperiments())
          .filteredOn(e -> e.name().equals("churn"))
          .extracting(e -> e.id())
          .containsExactly(bobsId);
      RunRecord r = t.findRun(runId).orElseThrow();
      assertThat(r.experimentId()).isEqualTo(bobsId);
      assertThat(r.artifactUri()).isEqualTo(uri(b) + "/" + bobsId + "/" + runId + "/artifacts");
      assertThat(t.runs("churn")).extracting(RunRecord::runId).contains(runId);
    }
    assertThat(b.resolve(experimentId)).doesNotExist();
    assertThat(b.resolve(bobsId + "/" + runId + "/artifacts/model.bin")).hasContent("weights");
  }

  @Test
  void theFiles_areObjectsOfTheDataCache_namedBySha256_andSentOnce() throws Exception {
    in(a).push(List.of(runId), List.of());
    String h = sha256("weights\n".getBytes(StandardCharsets.UTF_8));
    assertThat(remote.resolve("cache/" + h.substring(0, 2) + "/" + h.substring(2))).exists();
    assertThat(remote.resolve("tracking/runs/" + runId + ".json")).exists();

    DataTransfer again = in(a).push(List.of(runId), List.of());
    // only the manifest is sent again; every file object was there
    assertThat(again.transferred()).isEqualTo(1);
    assertThat(again.alreadyPresent()).isPositive();
  }

  @Test
  void aSecondPull_writesNothing() throws Exception {
    in(a).push(List.of(runId), List.of());
    in(b).pull(List.of(runId), List.of(), false);
    DataTransfer again = in(b).pull(List.of(runId), List.of(), false);
    assertThat(again.placed()).isEmpty();
    assertThat(again.alreadyPresent()).isPositive();
  }

  @Test
  void aLocalFileThatDiffers_isReplacedOnlyWithForce() throws Exception {
    in(a).push(List.of(runId), List.of());
    in(b).pull(List.of(runId), List.of(), false);
    Path lr = b.resolve(experimentId).resolve(runId).resolve("params/lr");
    Files.writeString(lr, "0.5");
    assertThatThrownBy(() -> in(b).pull(List.of(runId), List.of(), false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(experimentId + "/" + runId + "/params/lr")
        .hasMessageContaining("pull with force");
    assertThat(Files.readString(lr)).isEqualTo("0.5");
    DataTransfer forced = in(b).pull(List.of(runId), List.of(), true);
    assertThat(forced.placed()).containsExactly("run " + runId);
    assertThat(Files.readString(lr)).isEqualTo("0.01");
  }

  @Test
  void aManifestWithDotDot_isRefused_andNothingIsWrittenOutsideTheStore() throws Exception {
    in(a).push(List.of(runId), List.of());
    Path manifest = remote.resolve("tracking/runs/" + runId + ".json");
    String text = Files.readString(manifest);
    String evil = text.replace(experimentId + "/" + runId + "/params/lr", "../../evil");
    assertThat(evil).isNotEqualTo(text);
    Files.writeString(manifest, evil);

    assertThatThrownBy(() -> in(b).pull(List.of(runId), List.of(), false))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("file path must be inside")
        .hasMessageContaining("'../../evil' (it has a '..' segment); nothing was pulled");
    assertThat(tmp.resolve("evil")).doesNotExist();
    assertThat(tmp.resolve("bob/evil")).doesNotExist();
    assertThat(b.resolve(experimentId)).doesNotExist();
  }

  @Test
  void aManifestNamingAnotherRunsFolder_isRefused() throws Exception {
    in(a).push(List.of(runId), List.of());
    Path manifest = remote.resolve("tracking/runs/" + runId + ".json");
    String other = "0123456789abcdef0123456789abcdef";
    Files.writeString(
        manifest,
        Files.readString(manifest)
            .replace(experimentId + "/" + runId + "/params/lr", experimentId + "/" + other + "/x"));
    assertThatThrownBy(() -> in(b).pull(List.of(runId), List.of(), false))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("'" + experimentId + "/" + other + "/x'");
  }

  @Test
  void aCorruptObjectOnTheRemote_isDetected_andTheRunIsNotPlaced() throws Exception {
    in(a).push(List.of(runId), List.of());
    String h = sha256("weights\n".getBytes(StandardCharsets.UTF_8));
    Path object = remote.resolve("cache/" + h.substring(0, 2) + "/" + h.substring(2));
    object.toFile().setWritable(true);
    Files.writeString(object, "tampered\n");
    assertThatThrownBy(() -> in(b).pull(List.of(runId), List.of(), false))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("content does not match its name");
    assertThat(b.resolve(experimentId)).doesNotExist();
    // the hidden scratch folder is gone too
    try (Stream<Path> s = Files.list(b)) {
      assertThat(s.toList()).isEmpty();
    }
  }

  @Test
  void aModel_isPulledWithItsSourceRewritten() throws Exception {
    Path m = a.resolve("models/churn");
    Files.createDirectories(m.resolve("version-1/artifacts"));
    Files.writeString(m.resolve("meta.yaml"), "name: churn\n");
    String src = uri(a) + "/models/churn/version-1/artifacts";
    Files.writeString(
        m.resolve("version-1/meta.yaml"),
        "name: churn\nsource: " + src + "\nstorage_location: " + src + "\nversion: 1\n");
    Files.writeString(m.resolve("version-1/artifacts/model.bin"), "weights\n");
    Files.writeString(m.resolve(".mlops4j.lock"), "");

    in(a).push(List.of(), List.of("churn"));
    DataTransfer pull = in(b).pull(List.of(), List.of("churn"), false);
    assertThat(pull.placed()).containsExactly("model churn");
    String dst = uri(b) + "/models/churn/version-1/artifacts";
    assertThat(Files.readString(b.resolve("models/churn/version-1/meta.yaml")))
        .isEqualTo("name: churn\nsource: " + dst + "\nstorage_location: " + dst + "\nversion: 1\n");
    assertThat(b.resolve("models/churn/version-1/artifacts/model.bin")).hasContent("weights");
    assertThat(b.resolve("models/churn/.mlops4j.lock")).doesNotExist();

    TrackingListing list = in(b).list();
    assertThat(list.items()).extracting(TrackingListing.Item::name).containsExactly("churn");
    assertThat(list.items().get(0).files()).isEqualTo(3);
  }

  @Test
  void rewrite_keepsValuesOfOtherStores_andQuotesWhereYamlNeedsIt() {
    byte[] yaml =
        ("artifact_uri: file:///elsewhere/x\nsource: 'file:///a/m'\nname: file:///a/m\n")
            .getBytes(StandardCharsets.UTF_8);
    String out =
        new String(
            TrackingRemote.rewrite(yaml, List.of("file:///a"), "file:///b c"),
            StandardCharsets.UTF_8);
    // hand check: only source starts with the old root; a space needs quotes in YAML 1.1
    assertThat(out)
        .isEqualTo(
            "artifact_uri: file:///elsewhere/x\nsource: 'file:///b c/m'\nname: file:///a/m\n");
  }

  @Test
  void listing_showsRunsThenModels() throws Exception {
    in(a).push(List.of(runId), List.of());
    TrackingListing list = in(b).list();
    assertThat(list.items()).hasSize(1);
    assertThat(list.items().get(0).title()).isEqualTo("churn/baseline");
    assertThat(list.toString()).startsWith("tracking on " + remote + ": 1 runs, 0 models");
    assertThat(list.toJson()).contains("\"format\" : \"mlops4j.tracking-listing\"");
  }

  @Test
  void badInput_namesTheArgument() {
    assertThatThrownBy(() -> in(a).push(List.of("ffffffffffffffffffffffffffffffff"), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "runIds must be runs of the store "
                + a.toAbsolutePath()
                + ", but was ffffffffffffffffffffffffffffffff");
    assertThatThrownBy(() -> in(a).push(List.of(), List.of("nope")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("models must be registered models of the store");
    assertThatThrownBy(() -> in(a).push(List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("runIds and models must be not both empty, but was [] and []");
    assertThatThrownBy(() -> in(a).push(null, List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("runIds must not be null");
    assertThatThrownBy(() -> in(b).pull(List.of(runId), List.of(), false))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("no run " + runId + " on the remote")
        .hasMessageContaining("push it first");
    assertThatThrownBy(() -> in(b).pull(List.of(), List.of("../x"), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("models must be names of registered models (no '/'), but was ../x");
    assertThatThrownBy(() -> in(b).pull(List.of("../x"), List.of(), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("runIds must be MLflow run ids, but was ../x");
    assertThatThrownBy(() -> TrackingRemote.builder(a).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("no remote configured");
    assertThatThrownBy(() -> TrackingRemote.builder(a).transfers(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("transfers must be at least 1, but was 0");
  }
}
