/**
 * mlops4j features: one processing path for training and serving: a data schema with validation,
 * fitted feature transforms saved as versioned JSON, and training/serving skew reports.
 *
 * @since 0.1.0
 */
@NullMarked
package org.mlops4j.features;

import org.jspecify.annotations.NullMarked;
