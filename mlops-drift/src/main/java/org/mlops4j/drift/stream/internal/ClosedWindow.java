package org.mlops4j.drift.stream.internal;

import org.mlops4j.drift.stream.DriftState;

/**
 * A window copied out of the observation buffer when it closed, with the feedback counters since
 * the previous window, waiting to be evaluated.
 *
 * @param index the window's index, from 0
 * @param start start time (epoch ms): a time window's start, a count window's first observation
 * @param end end time (epoch ms): a time window's end (exclusive), a count window's last
 *     observation
 * @param scores the window's scores, oldest first
 * @param columns one array of values per feature, oldest first
 * @param feedback labelled feedback since the previous window
 * @param errors how many of them were errors
 * @param conceptDrifts concept drifts since the previous window
 * @param conceptState the concept-drift detector's state when the window closed
 */
public record ClosedWindow(
    long index,
    long start,
    long end,
    double[] scores,
    double[][] columns,
    long feedback,
    long errors,
    long conceptDrifts,
    DriftState conceptState) {}
