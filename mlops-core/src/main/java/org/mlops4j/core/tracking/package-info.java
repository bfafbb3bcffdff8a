/**
 * Experiment tracking in a local folder that MLflow reads: {@link
 * org.mlops4j.core.tracking.LocalTracker}, the implementation of {@link
 * org.mlops4j.api.tracking.Tracker}. The file format is documented on {@code LocalTracker}.
 *
 * <p>Every parameter and return value is non-null unless annotated {@code @Nullable}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.core.tracking;

import org.jspecify.annotations.NullMarked;
