/**
 * Individual fairness: similar individuals should be treated similarly.
 *
 * <ul>
 *   <li>{@link org.mlops4j.fairness.individual.Consistency} &mdash; the k-nearest-neighbour
 *       consistency score of Zemel et al. (2013), as AIF360 computes it;
 *   <li>{@link org.mlops4j.fairness.individual.LipschitzAudit} &mdash; a sampled audit of the
 *       Lipschitz condition of Dwork et al. (2012);
 *   <li>{@link org.mlops4j.fairness.individual.FlipTest} &mdash; a counterfactual test that swaps
 *       the sensitive attribute (and declared proxies) and counts changed decisions.
 * </ul>
 *
 * <p>Every result is an immutable record with a readable {@code toString()}, a {@code toJson()}
 * with stable field names and a {@code logTo(Run)} that logs its figures as metrics. Arguments are
 * never null; bad input fails with an {@link IllegalArgumentException} that names the argument.
 * For unit tests, {@code org.mlops4j.fairness.assertj.FairnessAssertions.assertThat(result)}
 * offers {@code hasConsistencyAtLeast}, {@code hasNoFlips}, {@code hasNoViolations} and more.
 *
 * @since 0.1.0
 */
package org.mlops4j.fairness.individual;
