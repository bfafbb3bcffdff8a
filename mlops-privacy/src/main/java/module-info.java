/**
 * mlops4j privacy: keyed pseudonyms, anonymisation checks, consent and erasure through lineage. The
 * implementation in {@code org.mlops4j.privacy.internal} is not exported.
 */
module org.mlops4j.privacy {
  requires transitive org.mlops4j.api;
  requires transitive org.mlops4j.report;
  requires org.mlops4j.core;
  requires org.mlops4j.pipeline;
  requires static org.jspecify;
// exports org.mlops4j.privacy; (added with the first public type)
}
