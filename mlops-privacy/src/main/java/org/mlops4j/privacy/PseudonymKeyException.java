package org.mlops4j.privacy;

import org.mlops4j.api.MlopsException;

/**
 * A pseudonym key is missing, unreadable, of the wrong kind, or not the key a pseudonym was made
 * under. The message names the file or the key ids, never key material or a raw identifier.
 *
 * @since 0.1.0
 */
public final class PseudonymKeyException extends MlopsException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong
   */
  public PseudonymKeyException(String message) {
    super(message);
  }
}
