package org.mlops4j.api;

/**
 * The one exception type of mlops4j for I/O and format failures: a store that cannot be read or
 * written, a file in an unexpected format, a corrupt lock or baseline. Bad arguments get {@link
 * IllegalArgumentException} and calls in the wrong order {@link IllegalStateException} instead;
 * this type is for the world outside the caller's control. The message names the path or resource
 * involved.
 *
 * @since 0.1.0
 */
public class MlopsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, naming the path or resource
   */
  public MlopsException(String message) {
    super(message);
  }

  /**
   * @param message what failed, naming the path or resource
   * @param cause the underlying failure
   */
  public MlopsException(String message, Throwable cause) {
    super(message, cause);
  }
}
