package org.mlops4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {

  @Test
  void capture_recordsJvmOsUserAndDeclaredSeedsInNameOrder() {
    Provenance p = Provenance.capture(Map.of("split", 42L, "init", 7L));

    assertThat(p.jvmVersion()).isEqualTo(System.getProperty("java.version"));
    assertThat(p.osArch()).isEqualTo(System.getProperty("os.arch"));
    assertThat(p.user()).isEqualTo(System.getProperty("user.name"));
    assertThat(p.seeds()).containsExactly(Map.entry("init", 7L), Map.entry("split", 42L));
    assertThat(p.asMap())
        .containsEntry("mlops4j.seed.split", "42")
        .containsEntry("mlops4j.jvm.version", System.getProperty("java.version"))
        .doesNotContainKey("capturedAt");
  }

  @Test
  void capture_outsideAGitWorkTree_hasNoCommit(@TempDir Path dir) {
    Provenance p = Provenance.capture(Map.of(), dir);

    assertThat(p.gitCommit()).isEmpty();
    assertThat(p.gitDirty()).isEmpty();
    assertThat(p.asMap()).doesNotContainKey("mlops4j.git.commit");
  }

  @Test
  void capture_insideAGitWorkTree_recordsHeadAndDirtyFlag(@TempDir Path dir) throws Exception {
    assumeTrue(run(dir, "git", "init", "-q"), "git is not installed");
    Files.writeString(dir.resolve("a.txt"), "one", StandardCharsets.UTF_8);
    run(dir, "git", "add", "a.txt");
    run(
        dir,
        "git",
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.org",
        "commit",
        "-q",
        "-m",
        "c1");
    String head = output(dir, "git", "rev-parse", "HEAD").trim();

    Provenance clean = Provenance.capture(Map.of(), dir);
    Files.writeString(dir.resolve("a.txt"), "two", StandardCharsets.UTF_8);
    Provenance dirty = Provenance.capture(Map.of(), dir);

    assertThat(clean.gitCommit()).contains(head);
    assertThat(clean.gitDirty()).contains(false);
    assertThat(dirty.gitDirty()).contains(true);
    assertThat(dirty.asMap()).containsEntry("mlops4j.git.dirty", "true");
  }

  @Test
  void capture_rejectsANullSeedNamingIt() {
    Map<String, Long> seeds = new HashMap<>();
    seeds.put("split", null);
    assertThatThrownBy(() -> Provenance.capture(seeds))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("seeds['split'] must not be null");
  }

  @Test
  void capture_rejectsANullOrBlankSeedNameAndNullArguments() {
    Map<String, Long> nullName = new HashMap<>();
    nullName.put(null, 1L);
    assertThatThrownBy(() -> Provenance.capture(nullName))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("seed name must not be null");
    assertThatThrownBy(() -> Provenance.capture(Map.of(" ", 1L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("seed name must be non-blank, but was ' '");
    assertThatThrownBy(() -> Provenance.capture(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("seeds must not be null");
    assertThatThrownBy(() -> Provenance.capture(Map.of(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("dir must not be null");
  }

  @Test
  void constructor_checksEveryComponentAsCaptureDoes() {
    Provenance p = Provenance.capture(Map.of("split", 42L));
    assertThatThrownBy(
            () ->
                new Provenance(
                    p.jvmVersion(),
                    p.jvmVendor(),
                    p.osName(),
                    p.osArch(),
                    null,
                    p.gitCommit(),
                    p.gitDirty(),
                    p.host(),
                    p.user(),
                    p.seeds(),
                    p.capturedAt()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("libraryVersion must not be null");
    Map<String, Long> nullSeed = new HashMap<>();
    nullSeed.put("split", null);
    assertThatThrownBy(
            () ->
                new Provenance(
                    p.jvmVersion(),
                    p.jvmVendor(),
                    p.osName(),
                    p.osArch(),
                    p.libraryVersion(),
                    p.gitCommit(),
                    p.gitDirty(),
                    p.host(),
                    p.user(),
                    nullSeed,
                    p.capturedAt()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("seeds['split'] must not be null");
  }

  @Test
  void libraryVersion_isTheOneTheApiModuleReports() {
    assertThat(Provenance.currentLibraryVersion())
        .isEqualTo(org.mlops4j.api.internal.LibraryVersion.get());
    assertThat(Provenance.capture().libraryVersion()).isEqualTo(Provenance.currentLibraryVersion());
  }

  private static boolean run(Path dir, String... cmd) throws IOException, InterruptedException {
    try {
      Process p =
          new ProcessBuilder(List.of(cmd))
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static String output(Path dir, String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(List.of(cmd)).directory(dir.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    return out;
  }
}
