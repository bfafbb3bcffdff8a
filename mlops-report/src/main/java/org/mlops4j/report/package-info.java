/**
 * Rendering of results for people and programs: {@link org.mlops4j.report.Html} escapes text for
 * HTML pages. The JSON convention every report follows is described in {@code docs/CONVENTIONS.md};
 * its implementation is internal.
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.report;

import org.jspecify.annotations.NullMarked;
