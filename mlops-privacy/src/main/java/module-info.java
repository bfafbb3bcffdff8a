/**
 * mlops4j privacy: keyed pseudonyms, anonymisation checks, consent and erasure through lineage. The
 * implementation in {@code org.mlops4j.privacy.internal} is not exported.
 */
module org.mlops4j.privacy {
  requires transitive org.mlops4j.api;
  requires transitive org.mlops4j.report;
  requires org.mlops4j.core;
  requires transitive org.mlops4j.pipeline;
  requires transitive org.mlops4j.registry;
  requires static org.jspecify;
  requires com.google.crypto.tink;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;

  exports org.mlops4j.privacy;
}
