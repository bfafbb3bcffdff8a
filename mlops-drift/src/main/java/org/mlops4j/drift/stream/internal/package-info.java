/**
 * Internals of the production monitor: windowing by count or time, the observation buffer, the
 * window evaluation, alerts and the retraining trigger, latency recording, the PSI of scores. Not
 * API: not exported by the module, may change without notice.
 */
@NullMarked
package org.mlops4j.drift.stream.internal;

import org.jspecify.annotations.NullMarked;
