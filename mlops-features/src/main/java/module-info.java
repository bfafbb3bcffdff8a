/**
 * mlops4j features: one processing path for training and serving: a data schema with validation,
 * fitted feature transforms saved as versioned JSON, and training/serving skew reports. The
 * implementation in {@code org.mlops4j.features.internal} is not exported.
 */
module org.mlops4j.features {
  requires transitive org.mlops4j.api;
  requires transitive org.mlops4j.report;
  requires transitive org.mlops4j.drift;
  requires com.fasterxml.jackson.databind;
  requires static org.jspecify;

  exports org.mlops4j.features;
}
