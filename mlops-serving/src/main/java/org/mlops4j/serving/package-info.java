/**
 * mlops4j serving: a model service behind a registry alias, with hot swap, shadow and canary
 * releases, monitoring (Micrometer optional) and retraining.
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.serving;

import org.jspecify.annotations.NullMarked;
