package org.mlops4j.registry;

import java.util.Locale;
import org.mlops4j.api.internal.Require;

/**
 * The classic stages of a model version, as MLflow 2 names them in {@code current_stage} of a
 * version's {@code meta.yaml}: {@code None}, {@code Staging}, {@code Production}, {@code Archived}.
 * At most one version of a model is in {@link #PRODUCTION}: a transition that would make a second
 * one is refused unless the caller archives the current one.
 *
 * @since 0.1.0
 */
public enum ModelStage {
  /** No stage (a new version). */
  NONE("None"),
  /** Being tried before it goes live. */
  STAGING("Staging"),
  /** Live. */
  PRODUCTION("Production"),
  /** Retired. */
  ARCHIVED("Archived");

  private final String key;

  ModelStage(String key) {
    this.key = key;
  }

  /**
   * @return the name in MLflow's files, {@code None}, {@code Staging}, {@code Production} or {@code
   *     Archived}
   */
  public String key() {
    return key;
  }

  /**
   * Looks a stage up by its MLflow name, in any case (MLflow's {@code get_canonical_stage}).
   *
   * @param key a stage name, e.g. {@code "production"}
   * @return the stage
   * @throws IllegalArgumentException naming the value if it is no stage
   */
  public static ModelStage fromKey(String key) {
    Require.nonNull(key, "stage");
    for (ModelStage s : values()) {
      if (s.key.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        Require.mustBe("stage", "one of None, Staging, Production, Archived", "'" + key + "'"));
  }

  @Override
  public String toString() {
    return key;
  }
}
