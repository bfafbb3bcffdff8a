package org.mlops4j.api.tracking;

import org.mlops4j.api.internal.Require;

/**
 * A param of a run: an immutable key/value pair, for example {@code lr = 0.01}.
 *
 * @param key the param's key
 * @param value the param's value, exactly as logged
 * @since 0.1.0
 */
public record Param(String key, String value) {

  /** Canonical constructor. */
  public Param {
    Require.nonNull(key, "key");
    Require.nonNull(value, "value");
  }
}
