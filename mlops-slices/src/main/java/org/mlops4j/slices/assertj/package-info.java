/**
 * AssertJ assertions on slice reports, for users' unit tests; entry point {@link
 * org.mlops4j.slices.assertj.SliceAssertions#assertThat}. Needs assertj-core on the test class path
 * (an optional dependency of mlops-slices).
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.slices.assertj;

import org.jspecify.annotations.NullMarked;
