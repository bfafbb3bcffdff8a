/**
 * mlops4j privacy: pseudonymisation under a key held apart from the data, k-anonymity and
 * l-diversity checks, a consent registry, and the right to erasure through lineage.
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.privacy;

import org.jspecify.annotations.NullMarked;
