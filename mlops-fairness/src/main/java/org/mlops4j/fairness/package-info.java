/**
 * Group fairness and group calibration of binary classifiers, with confidence intervals.
 *
 * <p>Entry point: {@link org.mlops4j.fairness.Fairness}.
 *
 * <pre>{@code
 * FairnessReport report = Fairness.of(labels, predictions)
 *     .groups("race", race)
 *     .groups("sex", sex)
 *     .reference("race=White|sex=Male")
 *     .build();
 * report.equalizedOddsDifference();   // Fairlearn's equalized_odds_difference
 * report.fourFifthsRule().passed();
 * }</pre>
 *
 * <p>Per-group counts accumulate in the mergeable {@link org.mlops4j.fairness.GroupCounts}. A rate
 * whose denominator is zero is an undefined {@link org.mlops4j.fairness.Rate} with a reason, never
 * a NaN. Nothing in this package returns null unless documented.
 *
 * @since 0.1.0
 */
package org.mlops4j.fairness;
