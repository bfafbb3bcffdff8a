/**
 * mlops4j fairness: group fairness and group calibration of binary classifiers with intervals
 * ({@code org.mlops4j.fairness}), individual fairness ({@code org.mlops4j.fairness.individual}) and
 * AssertJ assertions for users' unit tests ({@code org.mlops4j.fairness.assertj}, which needs
 * assertj-core, an optional dependency). The implementation in {@code
 * org.mlops4j.fairness.internal} is not exported.
 */
module org.mlops4j.fairness {
  requires transitive org.mlops4j.api;
  requires transitive org.mlops4j.report;
  requires org.apache.commons.statistics.distribution;
  requires org.apache.commons.rng.api;
  requires static org.assertj.core;
  requires static org.jspecify;

  exports org.mlops4j.fairness;
  exports org.mlops4j.fairness.individual;
  exports org.mlops4j.fairness.assertj;
  exports org.mlops4j.fairness.internal to
      org.mlops4j.slices;
}
