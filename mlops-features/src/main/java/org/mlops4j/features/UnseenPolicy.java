package org.mlops4j.features;

import java.util.Locale;

/**
 * What a one-hot or ordinal {@link CategoryEncoder} does with a label not seen in training.
 *
 * @since 0.1.0
 */
public enum UnseenPolicy {
  /** Throw {@link IllegalArgumentException} naming the field and the label; key {@code error}. */
  ERROR,
  /** One-hot: all zeros; ordinal: NaN; key {@code ignore}. */
  IGNORE,
  /**
   * One-hot: a 1 in an extra last slot named {@code <field>=<unknown>}; ordinal: the code {@code k}
   * (one past the last seen label); key {@code unknown}.
   */
  UNKNOWN;

  /**
   * @return the stable key in JSON: the lower-case name
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
