/**
 * mlops4j slices: error analysis by slice: finds the slices of the data where a model fails
 * significantly more often than on the rest. The implementation in {@code
 * org.mlops4j.slices.internal} is not exported.
 */
module org.mlops4j.slices {
  requires transitive org.mlops4j.api;
  requires transitive org.mlops4j.report;
  requires org.mlops4j.fairness;
  requires static org.jspecify;

// exports org.mlops4j.slices; (added with the first public type)
}
