package org.mlops4j.privacy;

import java.time.Instant;
import org.mlops4j.api.internal.Require;

/**
 * One line of the consent log: a subject granted or withdrew consent to a purpose, at a time,
 * through a source (a form, a call centre, an import).
 *
 * @param subject the subject's identifier (or pseudonym)
 * @param purpose the purpose, one the registry declares
 * @param granted true for a grant, false for a withdrawal
 * @param at when the subject gave or withdrew it
 * @param source where the event came from ("" if unknown)
 * @since 0.1.0
 */
public record ConsentEvent(
    String subject, String purpose, boolean granted, Instant at, String source) {
  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if subject or purpose is blank
   */
  public ConsentEvent {
    Require.nonBlank(subject, "subject");
    Require.nonBlank(purpose, "purpose");
    Require.nonNull(at, "at");
    Require.nonNull(source, "source");
  }

  @Override
  public String toString() {
    return at
        + " "
        + subject
        + (granted ? " granted " : " withdrew ")
        + purpose
        + (source.isEmpty() ? "" : " (" + source + ")");
  }
}
