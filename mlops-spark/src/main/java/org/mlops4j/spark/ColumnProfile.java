package org.mlops4j.spark;

import java.util.Map;

/**
 * The statistics of one column of a {@link TableProfile}. Numbers that a column does not have are
 * NaN here (a categorical column's mean, an empty column's quantiles) and {@code null} with a
 * reason in the JSON.
 *
 * @param name the column's name
 * @param type {@code "numeric"} or {@code "categorical"}
 * @param rows the rows
 * @param missing null (or NaN) values
 * @param infinite infinite values (numeric)
 * @param distinct distinct values: for a numeric column the HLL estimate (lg k = 12, relative
 *     standard error about 1.6%), for a categorical one exact
 * @param distinctLower the lower bound of about 95% (two standard errors) of the estimate (equal to
 *     distinct when exact)
 * @param distinctUpper the upper bound of about 95%
 * @param mean the mean of the finite values
 * @param std their population standard deviation (ddof = 0)
 * @param min the smallest finite value
 * @param max the largest
 * @param quantiles the KLL sketch's quantiles at levels p01, p05, p25, p50, p75, p95, p99 (keys in
 *     that order)
 * @param rankError the sketch's normalized rank error (99% confidence; 0 while it holds every
 *     value)
 * @param top the most frequent labels with their counts (categorical, at most 5)
 * @since 0.1.0
 */
public record ColumnProfile(
    String name,
    String type,
    long rows,
    long missing,
    long infinite,
    double distinct,
    double distinctLower,
    double distinctUpper,
    double mean,
    double std,
    double min,
    double max,
    Map<String, Double> quantiles,
    double rankError,
    Map<String, Long> top) {

  /** Copies the maps. */
  public ColumnProfile {
    quantiles = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(quantiles));
    top = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(top));
  }
}
