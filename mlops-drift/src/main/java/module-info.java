/**
 * mlops4j drift: two-sample tests and distances, the {@code DriftDetector} engine with its {@code
 * DriftReport} and fitted {@code DriftBaseline}, concept-drift detectors on streams and the
 * production {@code DriftMonitor}. Exports its API packages only; the {@code internal} packages are
 * not exported.
 */
module org.mlops4j.drift {
  requires transitive org.mlops4j.api;
  requires transitive org.mlops4j.report;
  requires com.fasterxml.jackson.databind;
  requires org.apache.commons.statistics.distribution;
  requires org.apache.commons.numbers.gamma;
  requires datasketches.java;
  requires org.apache.datasketches.memory;
  requires HdrHistogram;
  requires org.slf4j;
  requires static org.jspecify;

  exports org.mlops4j.drift;
  exports org.mlops4j.drift.stream;
}
