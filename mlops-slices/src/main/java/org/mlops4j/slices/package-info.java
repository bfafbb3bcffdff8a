/**
 * mlops4j slices: error analysis by slice: finds the slices of the data where a model fails
 * significantly more often than on the rest.
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.slices;

import org.jspecify.annotations.NullMarked;
