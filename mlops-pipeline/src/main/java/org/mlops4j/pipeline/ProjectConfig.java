package org.mlops4j.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.Require;

/**
 * The project's settings that are shared through git: the file {@code mlops.yaml} at the project
 * root, beside {@code mlops.lock}, to commit (as DVC's {@code .dvc/config}; unlike {@code .mlops/},
 * which holds the cache and is ignored).
 *
 * <pre>
 * # mlops4j project settings: commit this file
 * remote: s3://team-bucket/project
 * </pre>
 *
 * {@code remote} is the default remote of {@link Data} (as DVC's {@code core.remote}): used by
 * {@link Data#push()}, {@link Data#pull()}, {@link Data#fetch()} and {@link Data#verifyRemote()}
 * when the builder was given none, and by the command line's {@code mlops data} and {@code mlops
 * runs push|pull} without {@code --remote}. Other keys are refused, so a typo does not pass
 * silently. A missing file is an empty configuration.
 *
 * @since 0.1.0
 */
public final class ProjectConfig {
  /** The file's name, at the project root. */
  public static final String FILE_NAME = "mlops.yaml";

  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ProjectConfig EMPTY = new ProjectConfig(null);

  private final @Nullable String remote;

  private ProjectConfig(@Nullable String remote) {
    this.remote = remote;
  }

  /**
   * @return a configuration with no setting
   */
  public static ProjectConfig defaults() {
    return EMPTY;
  }

  /**
   * Reads {@code <projectRoot>/mlops.yaml}.
   *
   * @param projectRoot the project's root folder
   * @return its settings, empty when the file does not exist
   * @throws NullPointerException if projectRoot is null
   * @throws MlopsException {@code <file>: ...} if the file is not a YAML map, has a key other than
   *     {@code remote}, or a remote that is not a non-blank string
   */
  public static ProjectConfig load(Path projectRoot) {
    Path file = Require.nonNull(projectRoot, "projectRoot").resolve(FILE_NAME);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return EMPTY;
    }
    JsonNode node;
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      node = text.isBlank() ? null : YAML.readTree(text);
    } catch (IOException e) {
      throw new MlopsException(file + ": cannot be read as YAML: " + e.getMessage(), e);
    }
    if (node == null || node.isNull() || node.isMissingNode()) {
      return EMPTY;
    }
    if (!node.isObject()) {
      throw new MlopsException(file + ": must be a YAML map such as 'remote: s3://bucket/prefix'");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!key.equals("remote")) {
        throw new MlopsException(file + ": unknown key '" + key + "' (known: remote)");
      }
    }
    JsonNode r = node.get("remote");
    if (r == null || r.isNull()) {
      return EMPTY;
    }
    if (!r.isTextual() || r.asText().isBlank()) {
      throw new MlopsException(
          file + ": remote must be a folder or a URL such as s3://bucket/prefix, but was " + r);
    }
    return new ProjectConfig(r.asText().strip());
  }

  /**
   * @return the default remote, if one is set
   */
  public Optional<String> remote() {
    return Optional.ofNullable(remote);
  }

  /**
   * @param url the default remote: a folder or a URL such as {@code s3://bucket/prefix}
   * @return a copy with that remote
   * @throws NullPointerException if url is null
   * @throws IllegalArgumentException if url is blank
   */
  public ProjectConfig remote(String url) {
    return new ProjectConfig(Require.nonBlank(url, "url").strip());
  }

  /**
   * Writes {@code <projectRoot>/mlops.yaml} atomically (temporary file, then rename).
   *
   * @param projectRoot the project's root folder
   * @throws NullPointerException if projectRoot is null
   * @throws MlopsException if the file cannot be written
   */
  public void save(Path projectRoot) {
    Path file = Require.nonNull(projectRoot, "projectRoot").resolve(FILE_NAME);
    StringBuilder sb = new StringBuilder("# mlops4j project settings: commit this file\n");
    String r = remote;
    if (r != null) {
      sb.append("remote: '").append(r.replace("'", "''")).append("'\n");
    }
    AtomicFiles.save(file, sb.toString(), AtomicFiles.Durability.ATOMIC);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProjectConfig c && java.util.Objects.equals(remote, c.remote);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hashCode(remote);
  }

  /** {@code ProjectConfig[remote=<url>]}, or {@code ProjectConfig[]} when nothing is set. */
  @Override
  public String toString() {
    return remote == null ? "ProjectConfig[]" : "ProjectConfig[remote=" + remote + "]";
  }
}
