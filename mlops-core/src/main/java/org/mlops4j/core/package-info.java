/**
 * mlops4j core: experiment tracking in a local store that MLflow reads ({@code
 * org.mlops4j.core.tracking}) and the {@link org.mlops4j.core.Provenance} of every run.
 *
 * <p>Every parameter and return value is non-null unless annotated {@code @Nullable}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.core;

import org.jspecify.annotations.NullMarked;
