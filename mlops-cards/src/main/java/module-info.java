/**
 * mlops4j cards: model cards generated from what the library recorded (registry versions, tracking
 * runs, fairness, drift and slice reports), as Model Card Toolkit JSON, Hugging Face Markdown and
 * one HTML page. The implementation is package-private in {@code org.mlops4j.cards}.
 */
module org.mlops4j.cards {
  requires transitive org.mlops4j.api;
  requires transitive org.mlops4j.report;
  requires transitive org.mlops4j.core;
  requires transitive org.mlops4j.drift;
  requires transitive org.mlops4j.fairness;
  requires transitive org.mlops4j.registry;
  requires transitive org.mlops4j.slices;
  requires static org.jspecify;
  requires com.fasterxml.jackson.databind;

  exports org.mlops4j.cards;
}
