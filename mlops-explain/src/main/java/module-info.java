/**
 * mlops4j explain: model-agnostic interpretability for any predict function: permutation
 * importance, partial dependence and ICE curves, and Kernel SHAP. The implementation in {@code
 * org.mlops4j.explain.internal} is not exported.
 */
module org.mlops4j.explain {
  requires transitive org.mlops4j.api;
  requires transitive org.mlops4j.report;
  requires transitive org.mlops4j.fairness;
  requires org.apache.commons.statistics.distribution;
  requires static org.jspecify;

  exports org.mlops4j.explain;
}
