/**
 * mlops4j cards: model cards generated from what the library recorded. The implementation in {@code
 * org.mlops4j.cards.internal} is not exported.
 */
module org.mlops4j.cards {
  requires transitive org.mlops4j.api;
  requires transitive org.mlops4j.report;
  requires org.mlops4j.core;
  requires org.mlops4j.drift;
  requires org.mlops4j.fairness;
  requires org.mlops4j.registry;
  requires static org.jspecify;
// exports org.mlops4j.cards; (added with the first public type)
}
