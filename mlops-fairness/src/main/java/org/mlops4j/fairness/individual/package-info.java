/**
 * Individual fairness: similar individuals should be treated similarly. Each tool is an engine with
 * one verb, {@code audit}, that returns an immutable result.
 *
 * <ul>
 *   <li>{@link org.mlops4j.fairness.individual.Consistency} &mdash; the k-nearest-neighbour
 *       consistency score of Zemel et al. (2013), as AIF360 computes it: {@code
 *       Consistency.defaults().audit(features, predictions)};
 *   <li>{@link org.mlops4j.fairness.individual.LipschitzAudit} &mdash; a sampled audit of the
 *       Lipschitz condition of Dwork et al. (2012): {@code LipschitzAudit.defaults().audit(model,
 *       points)};
 *   <li>{@link org.mlops4j.fairness.individual.Counterfactual} &mdash; a counterfactual test that
 *       swaps the sensitive attribute (and declared proxies) and counts changed decisions: {@code
 *       Counterfactual.builder("sex").swap("F", "M").build().audit(rows, model)}.
 * </ul>
 *
 * <p>Every result is an immutable record with a readable {@code toString()}, a {@code toJson()} in
 * the one JSON convention of mlops4j (a header with {@code format}, {@code formatVersion}, library
 * version and creation time; camelCase fields; an undefined number {@code null} with a sibling
 * {@code <name>Reason}), a {@code save(Path)} and a {@code logTo(Run)} that logs its figures as
 * metrics {@code fairness.individual.*}. Arguments are never null (a null is a {@link
 * NullPointerException} naming the argument); a bad value is an {@link IllegalArgumentException}
 * that names it. For unit tests, {@code
 * org.mlops4j.fairness.assertj.FairnessAssertions.assertThat(result)} offers {@code
 * hasConsistencyAtLeast}, {@code hasNoFlips}, {@code hasNoViolations} and more.
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.fairness.individual;

import org.jspecify.annotations.NullMarked;
