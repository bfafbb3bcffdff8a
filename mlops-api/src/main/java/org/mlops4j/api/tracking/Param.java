package org.mlops4j.api.tracking;

import java.util.Objects;

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
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
