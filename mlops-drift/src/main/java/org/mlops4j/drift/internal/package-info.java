/**
 * Numerical kernels of the drift package (KS distributions, sorting, binning, Cramér–von Mises);
 * not API, may change without notice.
 */
package org.mlops4j.drift.internal;
