/**
 * Internal helpers of mlops4j explain: safe model calls, parallel loops, k-means, linear algebra.
 */
@NullMarked
package org.mlops4j.explain.internal;

import org.jspecify.annotations.NullMarked;
