/**
 * Vocabulary shared by every mlops4j module: {@link org.mlops4j.api.MlopsException}, the one
 * exception type for I/O and format failures. Arguments are non-null unless a parameter says
 * otherwise.
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.api;

import org.jspecify.annotations.NullMarked;
