/**
 * Experiment tracking in a local folder that MLflow reads: {@link
 * org.mlops4j.core.tracking.LocalTracker}, the implementation of {@link
 * org.mlops4j.api.tracking.Tracker}. The file format is documented on {@code LocalTracker}.
 *
 * @since 0.1.0
 */
package org.mlops4j.core.tracking;
