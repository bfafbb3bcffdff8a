/**
 * The vocabulary of experiment tracking: {@link org.mlops4j.api.tracking.Run} and {@link
 * org.mlops4j.api.tracking.RunStatus}, in MLflow's terms, so that a store written by mlops4j reads
 * in MLflow's own tools.
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.api.tracking;

import org.jspecify.annotations.NullMarked;
