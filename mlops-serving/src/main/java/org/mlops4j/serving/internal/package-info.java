/**
 * Implementation of the serving module; not exported.
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.serving.internal;

import org.jspecify.annotations.NullMarked;
