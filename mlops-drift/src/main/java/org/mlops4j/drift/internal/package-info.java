/**
 * Internals of {@code org.mlops4j.drift}: the numerical kernels (Kolmogorov–Smirnov statistic and
 * distributions, Cramér–von Mises and Anderson–Darling, sorting, binning), the fitted per-feature
 * references and their evaluation, and the JSON and HTML writers. Not API: not exported by the
 * module, may change without notice.
 */
@NullMarked
package org.mlops4j.drift.internal;

import org.jspecify.annotations.NullMarked;
