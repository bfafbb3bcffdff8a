package org.mlops4j.registry;

import org.mlops4j.api.MlopsException;

/**
 * Another process (or thread) is changing the same model: its lock is held. The message names the
 * lock file and its holder (process id, host, operation, since when). Nothing was changed; try
 * again once the other change is done.
 *
 * @since 0.1.0
 */
public final class RegistryConflictException extends MlopsException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is held, by whom
   */
  public RegistryConflictException(String message) {
    super(message);
  }
}
