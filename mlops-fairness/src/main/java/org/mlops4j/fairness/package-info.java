/**
 * Group fairness and group calibration of binary classifiers, with confidence intervals.
 *
 * <p>Audit a model's decisions: the data in {@link org.mlops4j.fairness.Decisions}, the settings in
 * a {@link org.mlops4j.fairness.FairnessAuditor}, the result a {@link
 * org.mlops4j.fairness.FairnessReport}.
 *
 * <pre>{@code
 * FairnessAuditor auditor = FairnessAuditor.builder().reference("race=White|sex=Male").build();
 * FairnessReport report = auditor.audit(Decisions.of(labels, predictions)
 *     .groups("race", race)
 *     .groups("sex", sex));
 * report.equalizedOddsDifference();   // Fairlearn's equalized_odds_difference
 * report.fourFifthsRule().passed();
 * }</pre>
 *
 * <p>Per-group counts accumulate in the mergeable {@link org.mlops4j.fairness.GroupCounts}, which
 * the auditor audits as well. A rate whose denominator is zero is an undefined {@link
 * org.mlops4j.fairness.Rate} with a reason, never a NaN. Every parameter and return value is
 * non-null unless marked {@code @Nullable}; an absent value is an {@link java.util.Optional}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.fairness;

import org.jspecify.annotations.NullMarked;
