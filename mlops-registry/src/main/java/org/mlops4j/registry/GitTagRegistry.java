package org.mlops4j.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.Require;

/**
 * The git-tag registry of DVC's GTO, written with the {@code git} command in a git work tree, so
 * that teams who read their registry from git keep doing so. Set with {@link
 * ModelRegistry.Builder#gitTags(Path)}: each registered version then also gets the annotated tag
 * {@code <name>@v<n>.0.0} (message {@code Registering artifact <name> version v<n>.0.0}) and each
 * stage transition to Staging, Production or Archived the annotated tag {@code <name>#<stage>#<k>}
 * (stage lower case, {@code k} one more than the model's highest stage tag number; message {@code
 * Assigning stage <stage> to artifact <name> version v<n>.0.0}), as GTO's {@code gto register} and
 * {@code gto assign} name them. The tags point at {@code HEAD}. A model name must be a valid git
 * tag name for this (no spaces).
 *
 * @since 0.1.0
 */
public final class GitTagRegistry {

  private final Path workTree;

  private GitTagRegistry(Path workTree) {
    this.workTree = workTree;
  }

  /**
   * @param workTree a git work tree
   * @return the git-tag registry of that work tree
   * @throws IllegalArgumentException if it is not a git work tree (or git is not installed)
   */
  public static GitTagRegistry of(Path workTree) {
    Require.nonNull(workTree, "workTree");
    GitTagRegistry g = new GitTagRegistry(workTree.toAbsolutePath().normalize());
    String inside;
    try {
      inside = g.git("rev-parse", "--is-inside-work-tree").trim();
    } catch (MlopsException e) {
      inside = e.getMessage();
    }
    Require.argument(inside.equals("true"), "workTree", "a git work tree", workTree);
    return g;
  }

  /**
   * @param version a model version
   * @return the semantic version GTO shows for it, {@code v<n>.0.0}
   */
  public static String semver(int version) {
    return "v" + Require.positive(version, "version") + ".0.0";
  }

  /**
   * Creates the registration tag {@code <name>@v<n>.0.0}.
   *
   * @param name the model's name
   * @param version the version number
   * @return the tag
   * @throws MlopsException if git refuses (the tag exists, the name is not a valid tag)
   */
  public String register(String name, int version) {
    String tag = name + "@" + semver(version);
    git("tag", "-a", tag, "-m", "Registering artifact " + name + " version " + semver(version));
    return tag;
  }

  /**
   * Creates the stage tag {@code <name>#<stage>#<k>}.
   *
   * @param name the model's name
   * @param version the version number
   * @param stage the stage (not None)
   * @return the tag
   * @throws IllegalArgumentException if the stage is None
   * @throws MlopsException if git refuses
   */
  public String assign(String name, int version, ModelStage stage) {
    Require.argument(stage != ModelStage.NONE, "stage", "Staging, Production or Archived", stage);
    String s = stage.key().toLowerCase(Locale.ROOT);
    int k = 0;
    Pattern p = Pattern.compile(Pattern.quote(name) + "#[^#]+#(\\d+)");
    for (String t : tags(name)) {
      Matcher m = p.matcher(t);
      if (m.matches()) {
        k = Math.max(k, Integer.parseInt(m.group(1)));
      }
    }
    String tag = name + "#" + s + "#" + (k + 1);
    git(
        "tag",
        "-a",
        tag,
        "-m",
        "Assigning stage " + s + " to artifact " + name + " version " + semver(version));
    return tag;
  }

  /**
   * @param name a model's name
   * @return its GTO tags ({@code <name>@...} and {@code <name>#...}), in git's order
   */
  public List<String> tags(String name) {
    List<String> out = new ArrayList<>();
    for (String line : git("tag", "--list").split("\n")) {
      String t = line.trim();
      if (t.startsWith(name + "@") || t.startsWith(name + "#")) {
        out.add(t);
      }
    }
    return out;
  }

  private String git(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("git");
    cmd.add("-C");
    cmd.add(workTree.toString());
    cmd.addAll(List.of(args));
    try {
      Path err = Files.createTempFile("mlops4j-git", ".err");
      try {
        Process p =
            new ProcessBuilder(cmd)
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new MlopsException(String.join(" ", cmd) + " failed: no answer within 60 s");
        }
        if (p.exitValue() != 0) {
          throw new MlopsException(
              String.join(" ", cmd)
                  + " failed (exit "
                  + p.exitValue()
                  + "): "
                  + Files.readString(err, StandardCharsets.UTF_8).trim());
        }
        return out;
      } finally {
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new MlopsException(String.join(" ", cmd) + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MlopsException(String.join(" ", cmd) + " interrupted", e);
    }
  }

  @Override
  public String toString() {
    return "GitTagRegistry " + workTree;
  }
}
