/**
 * Internals of {@link org.mlops4j.core.tracking.LocalTracker}: Python float syntax, the YAML
 * emitter, the FileStore reader, the background metric writer and the DVCLive writer. Name checks,
 * atomic writes and argument checks are the shared ones of {@code org.mlops4j.api.internal}. Not an
 * API: may change in any release.
 */
@NullMarked
package org.mlops4j.core.tracking.internal;

import org.jspecify.annotations.NullMarked;
