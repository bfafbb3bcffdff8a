package org.mlops4j.api.tracking;

/**
 * Whether an experiment or a run is in use or has been deleted (moved to the trash), with the
 * labels MLflow writes in {@code meta.yaml}: {@code active} and {@code deleted}.
 *
 * @since 0.1.0
 */
public enum LifecycleStage {
  /** In use ({@code active}). */
  ACTIVE("active"),
  /** Deleted but still on disk ({@code deleted}). */
  DELETED("deleted");

  private final String label;

  LifecycleStage(String label) {
    this.label = label;
  }

  /**
   * @return the label as written in {@code meta.yaml}: {@code active} or {@code deleted}
   */
  public String label() {
    return label;
  }

  /**
   * @param label {@code active} or {@code deleted}
   * @return the stage with that label
   * @throws IllegalArgumentException for any other label
   */
  public static LifecycleStage ofLabel(String label) {
    for (LifecycleStage s : values()) {
      if (s.label.equals(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "lifecycle stage must be 'active' or 'deleted', but was '" + label + "'");
  }
}
