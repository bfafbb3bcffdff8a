package org.mlops4j.registry;

import org.mlops4j.api.internal.Require;

/**
 * One file of a model version: its path inside the version (relative, {@code /} separated), the
 * SHA-256 of its bytes (64 lowercase hexadecimal digits) and its size in bytes.
 *
 * @param path the relative path, e.g. {@code model.onnx} or {@code tokenizer/vocab.txt}
 * @param sha256 the SHA-256 of the content
 * @param size the size in bytes
 * @since 0.1.0
 */
public record ArtifactFile(String path, String sha256, long size) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if the hash is not 64 lowercase hex digits or size is negative
   */
  public ArtifactFile {
    Require.nonNull(path, "path");
    Require.nonNull(sha256, "sha256");
    Require.argument(
        sha256.matches("[0-9a-f]{64}"), "sha256", "64 lowercase hexadecimal digits", sha256);
    Require.nonNegative(size, "size");
  }

  @Override
  public String toString() {
    return path + " (" + size + " bytes, sha256 " + sha256.substring(0, 12) + "...)";
  }
}
