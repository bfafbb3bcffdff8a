/**
 * The mergeable per-column state that one Spark aggregation fills, and its reading into the drift,
 * fairness and profile results. Internal: not exported.
 */
@NullMarked
package org.mlops4j.spark.internal;

import org.jspecify.annotations.NullMarked;
