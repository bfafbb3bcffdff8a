/**
 * Internals of {@link org.mlops4j.core.tracking.LocalTracker}: name validation, Python float
 * syntax, the YAML emitter, atomic files, the FileStore reader and the background metric writer.
 * Not an API: may change in any release.
 */
package org.mlops4j.core.tracking.internal;
