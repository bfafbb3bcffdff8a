/**
 * mlops4j spark: drift, fairness and column profiles over Apache Spark DataFrames, computed in one
 * aggregation pass over mergeable state and returned as the JVM API's result types.
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.spark;

import org.jspecify.annotations.NullMarked;
