/** The slice search, the statistics and the report writers. Internal: not exported. */
@NullMarked
package org.mlops4j.slices.internal;

import org.jspecify.annotations.NullMarked;
