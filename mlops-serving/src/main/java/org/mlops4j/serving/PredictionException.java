package org.mlops4j.serving;

import org.mlops4j.api.MlopsException;

/**
 * The served model threw: the cause is the model's exception; the failure was counted before this
 * was thrown.
 *
 * @since 0.1.0
 */
public final class PredictionException extends MlopsException {
  private static final long serialVersionUID = 1L;

  /** The version that threw. */
  private final int version;

  /**
   * @param message what failed
   * @param version the version that threw
   * @param cause the model's exception
   */
  public PredictionException(String message, int version, Throwable cause) {
    super(message, cause);
    this.version = version;
  }

  /**
   * @return the version that threw
   */
  public int version() {
    return version;
  }
}
