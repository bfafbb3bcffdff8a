/**
 * mlops4j registry: the model registry: registered models and versions (artifacts stored by
 * SHA-256), aliases and stages in MLflow's registry FileStore layout, lineage, gated promotion and
 * an append-only audit log.
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.registry;

import org.jspecify.annotations.NullMarked;
