/**
 * AssertJ assertions on fairness results, for users' unit tests; entry point {@link
 * org.mlops4j.fairness.assertj.FairnessAssertions#assertThat}. Needs assertj-core on the test class
 * path (an optional dependency of mlops-fairness).
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.fairness.assertj;

import org.jspecify.annotations.NullMarked;
