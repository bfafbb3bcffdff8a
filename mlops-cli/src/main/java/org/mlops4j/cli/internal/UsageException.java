package org.mlops4j.cli.internal;

/** Bad use of a command that picocli's parser cannot see (conflicting or malformed options). */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the problem, naming the option
   */
  public UsageException(String message) {
    super(message);
  }
}
