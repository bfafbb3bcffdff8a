package org.mlops4j.registry;

import org.mlops4j.api.MlopsException;

/**
 * An artifact file of a version does not match the SHA-256 recorded when it was registered (or is
 * missing): the version is never handed to a loader. The message names the file, the expected and
 * the actual hash.
 *
 * @since 0.1.0
 */
public final class ArtifactIntegrityException extends MlopsException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the file and both hashes
   */
  public ArtifactIntegrityException(String message) {
    super(message);
  }
}
