/**
 * The one JSON mapper and header of mlops4j, and the drawing helpers of the report toolkit (nice
 * ticks, SVG writer, axes, legends, chart styles, the page's stylesheet); exported to the sibling
 * modules only.
 */
@NullMarked
package org.mlops4j.report.internal;

import org.jspecify.annotations.NullMarked;
