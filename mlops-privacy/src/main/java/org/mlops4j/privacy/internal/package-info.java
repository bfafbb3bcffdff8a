/** Internals of mlops4j privacy: CSV, text tables, file writes, lineage scans. Not exported. */
@NullMarked
package org.mlops4j.privacy.internal;

import org.jspecify.annotations.NullMarked;
