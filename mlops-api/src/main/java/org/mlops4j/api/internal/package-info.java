/**
 * Internals shared by the mlops4j modules, one copy per job: atomic and durable file writes ({@link
 * org.mlops4j.api.internal.AtomicFiles}), argument checks with one message shape ({@link
 * org.mlops4j.api.internal.Require}), the library version ({@link
 * org.mlops4j.api.internal.LibraryVersion}) and metric keys ({@link
 * org.mlops4j.api.internal.MetricKeys}). Exported only to the sibling modules (qualified exports in
 * {@code module-info.java}); not an API, may change in any release.
 */
@NullMarked
package org.mlops4j.api.internal;

import org.jspecify.annotations.NullMarked;
