package org.mlops4j.slices.internal;

import org.mlops4j.api.Binning;

/**
 * The settings of a search, checked by the finder's builder. Internal.
 *
 * @param alpha the false discovery rate of the Benjamini–Hochberg procedure
 * @param minSupport the fewest rows a slice may have
 * @param minEffectSize the smallest effect size of a significant slice
 * @param maxDepth the most conditions in a slice, 1 to 3
 * @param budget the most slices examined
 * @param bins the bins of a numeric feature
 * @param binning how a numeric feature is cut
 * @param level the confidence level of the intervals
 * @param maxValues the most values of a feature that can make a slice
 */
public record SearchSettings(
    double alpha,
    int minSupport,
    double minEffectSize,
    int maxDepth,
    int budget,
    int bins,
    Binning binning,
    double level,
    int maxValues) {}
