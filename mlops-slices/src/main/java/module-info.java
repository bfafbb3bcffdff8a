/**
 * mlops4j slices: error analysis by slice: finds the slices of the data where a model fails
 * significantly more often than on the rest ({@code org.mlops4j.slices}), and AssertJ assertions
 * for users' unit tests ({@code org.mlops4j.slices.assertj}, which needs assertj-core, an optional
 * dependency). The implementation in {@code org.mlops4j.slices.internal} is not exported.
 */
module org.mlops4j.slices {
  requires transitive org.mlops4j.api;
  requires transitive org.mlops4j.report;
  requires transitive org.mlops4j.fairness;
  requires org.apache.commons.statistics.distribution;
  requires static org.assertj.core;
  requires static org.jspecify;

  exports org.mlops4j.slices;
  exports org.mlops4j.slices.assertj;
}
