package org.mlops4j.registry;

import org.mlops4j.api.internal.Require;

/**
 * The kinds of promotion gate, each with its stable key (used in JSON and the audit log).
 *
 * @since 0.1.0
 */
public enum GateKind {
  /** A logged metric of the version must be at least the threshold. */
  METRIC_MIN("metric_min"),
  /** A logged metric of the version must be at most the threshold. */
  METRIC_MAX("metric_max"),
  /**
   * McNemar's test of the candidate's and the current version's correctness on the same examples:
   * refused when the candidate is significantly worse (p below alpha and more examples only the
   * current version gets right).
   */
  MCNEMAR("mcnemar"),
  /**
   * Paired bootstrap interval of a metric's difference, candidate minus current: refused unless the
   * interval's lower end is at least the minimum effect.
   */
  BOOTSTRAP("bootstrap"),
  /** A fairness criterion of a {@code FairnessReport} must be at most the threshold. */
  FAIRNESS_MAX("fairness_max"),
  /** A fairness criterion of a {@code FairnessReport} must be at least the threshold. */
  FAIRNESS_MIN("fairness_min"),
  /** The four-fifths rule of a {@code FairnessReport} must pass. */
  FOUR_FIFTHS("four_fifths"),
  /** The drifted share of a {@code DriftReport} must be at most the threshold. */
  DRIFT_SHARE_MAX("drift_share_max"),
  /** p50 and p99 latency of the predict function must be within budget. */
  LATENCY("latency"),
  /** The version's artifact bytes must be at most the threshold. */
  SIZE_MAX("size_max");

  private final String key;

  GateKind(String key) {
    this.key = key;
  }

  /**
   * @return the stable key, e.g. {@code metric_min}
   */
  public String key() {
    return key;
  }

  /**
   * @param key a kind's key
   * @return the kind
   * @throws IllegalArgumentException naming the value if no kind has this key
   */
  public static GateKind fromKey(String key) {
    Require.nonNull(key, "key");
    for (GateKind k : values()) {
      if (k.key.equals(key)) {
        return k;
      }
    }
    StringBuilder keys = new StringBuilder();
    for (GateKind k : values()) {
      keys.append(keys.length() == 0 ? "" : ", ").append(k.key);
    }
    throw new IllegalArgumentException(
        Require.mustBe("gate kind", "one of " + keys, "'" + key + "'"));
  }
}
