/**
 * mlops4j core: experiment tracking in a local store that MLflow reads ({@code
 * org.mlops4j.core.tracking}) and the {@link org.mlops4j.core.Provenance} of every run.
 *
 * @since 0.1.0
 */
package org.mlops4j.core;
