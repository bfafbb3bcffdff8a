/**
 * mlops4j spark: drift, fairness and column profiles over Apache Spark DataFrames, into the same
 * result types as the JVM API. The implementation in {@code org.mlops4j.spark.internal} is not
 * exported.
 */
module org.mlops4j.spark {
  requires transitive org.mlops4j.api;
  requires transitive org.mlops4j.report;
  requires org.mlops4j.drift;
  requires org.mlops4j.fairness;
  requires datasketches.java;
  requires org.apache.datasketches.memory;
  requires com.fasterxml.jackson.databind;
  requires static org.jspecify;

  exports org.mlops4j.spark;
}
