package org.mlops4j.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.mlops4j.cli.internal.UsageException;
import org.mlops4j.pipeline.ProjectConfig;
import picocli.CommandLine.Option;

/**
 * The options of the subcommands that talk to a remote (a picocli mixin of {@code mlops data
 * push|fetch|pull|verify|diff} and {@code mlops runs push|pull|shared}): {@code --remote URL}
 * (default: {@code MLOPS_REMOTE}, else the project's default remote in {@code mlops.yaml}) and
 * {@code --transfers N}.
 */
final class RemoteOptions {

  @Option(
      names = "--remote",
      paramLabel = "URL",
      defaultValue = "${env:MLOPS_REMOTE}",
      description =
          "The remote: a folder, or s3://bucket/prefix (default: the environment variable"
              + " MLOPS_REMOTE, else the project's default remote in mlops.yaml).")
  @Nullable String url;

  @Option(
      names = "--transfers",
      paramLabel = "N",
      defaultValue = "8",
      description = "Objects and files transferred at once (default: ${DEFAULT-VALUE}).")
  int transfers = 8;

  /**
   * @return whether a remote was given with {@code --remote} or {@code MLOPS_REMOTE}
   */
  boolean given() {
    return url != null && !url.isBlank();
  }

  /**
   * @param project the project whose {@code mlops.yaml} may name the default remote
   * @return the remote given, else the project's default remote, else null
   */
  @Nullable String resolve(Path project) {
    String u = url;
    if (u != null && !u.isBlank()) {
      return u;
    }
    return ProjectConfig.load(project).remote().orElse(null);
  }

  /**
   * @param project the project whose {@code mlops.yaml} may name the default remote
   * @return the remote given, else the project's default remote
   * @throws UsageException saying the three ways to give one, when there is none
   */
  String require(Path project) {
    String u = resolve(project);
    if (u == null) {
      throw new UsageException(
          "a remote is required: give --remote URL (a folder or s3://bucket/prefix), set"
              + " MLOPS_REMOTE, or set the project's default remote with 'mlops data remote URL'"
              + " (written to "
              + project.resolve(ProjectConfig.FILE_NAME)
              + ")");
    }
    return u;
  }
}
