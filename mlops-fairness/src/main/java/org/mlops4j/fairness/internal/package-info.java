/**
 * The implementation of group fairness: counting, bootstrap, Wilson intervals, calibration curves,
 * JSON and HTML. Not exported from the module; not an API, may change in any release.
 */
@NullMarked
package org.mlops4j.fairness.internal;

import org.jspecify.annotations.NullMarked;
