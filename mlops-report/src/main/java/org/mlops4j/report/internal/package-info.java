/** The one JSON mapper and header of mlops4j; exported to the sibling modules only. */
@NullMarked
package org.mlops4j.report.internal;

import org.jspecify.annotations.NullMarked;
