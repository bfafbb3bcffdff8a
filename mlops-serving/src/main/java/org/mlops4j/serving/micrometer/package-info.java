/**
 * The Micrometer binder of a {@code ModelService}. Micrometer is an optional dependency: this
 * package is loaded only by users who have it.
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.serving.micrometer;

import org.jspecify.annotations.NullMarked;
