package org.mlops4j.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tags GTO reads ({@code gto show} parses {@code <name>@v<semver>} registrations and {@code
 * <name>#<stage>#<n>} assignments, annotated), written by the registry in a real git work tree.
 * Skipped when git is not installed.
 */
class GitTagRegistryTest {

  @TempDir Path tmp;

  private String git(Path dir, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  private Path repo() throws Exception {
    boolean hasGit;
    try {
      hasGit = new ProcessBuilder("git", "--version").start().waitFor() == 0;
    } catch (java.io.IOException e) {
      hasGit = false;
    }
    assumeThat(hasGit).as("git installed").isTrue();
    Path repo = Files.createDirectories(tmp.resolve("project"));
    git(repo, "init", "-q");
    git(repo, "config", "user.email", "ci@example.com");
    git(repo, "config", "user.name", "CI");
    git(repo, "config", "tag.gpgSign", "false");
    Files.writeString(repo.resolve("README"), "x");
    git(repo, "add", "README");
    git(repo, "commit", "-q", "-m", "init");
    return repo;
  }

  @Test
  void registrationsAndStageTransitionsBecomeGtoTags() throws Exception {
    Path repo = repo();
    ModelRegistry registry =
        ModelRegistry.builder().root(repo.resolve("mlruns")).gitTags(repo).build();
    registry.newVersion("churn").artifact(Files.writeString(tmp.resolve("a"), "1")).register();
    registry.newVersion("churn").artifact(Files.writeString(tmp.resolve("b"), "2")).register();
    registry.transition("churn", 1, ModelStage.PRODUCTION, false, "");
    registry.transition("churn", 2, ModelStage.PRODUCTION, true, "");

    assertThat(git(repo, "tag", "--list").split("\n"))
        .containsExactlyInAnyOrder(
            "churn#archived#2",
            "churn#production#1",
            "churn#production#3",
            "churn@v1.0.0",
            "churn@v2.0.0");
    assertThat(git(repo, "cat-file", "-t", "churn@v1.0.0").trim()).isEqualTo("tag");
    assertThat(git(repo, "tag", "-l", "--format=%(contents:subject)", "churn@v2.0.0").trim())
        .isEqualTo("Registering artifact churn version v2.0.0");
    assertThat(git(repo, "tag", "-l", "--format=%(contents:subject)", "churn#production#3").trim())
        .isEqualTo("Assigning stage production to artifact churn version v2.0.0");
  }

  @Test
  void aFolderOutsideGitIsRefused() throws Exception {
    repo(); // skips when git is absent
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    assertThatThrownBy(() -> GitTagRegistry.of(plain))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("workTree must be a git work tree, but was " + plain);
  }
}
