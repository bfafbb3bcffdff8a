package org.mlops4j.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --project DIR} (a picocli mixin of {@code mlops data} and {@code mlops runs
 * push|pull|shared}): the project's root folder, whose {@code mlops.yaml} names the default remote.
 */
final class ProjectOption {

  @Option(
      names = "--project",
      paramLabel = "DIR",
      defaultValue = ".",
      description =
          "The project's root folder, whose mlops.yaml names the default remote (default: the"
              + " current directory).")
  Path dir = Path.of(".");
}
