package org.mlops4j.fairness;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.Binning;

/**
 * The settings one report was computed with: the auditor's, plus what the decisions said
 * (attributes, whether weighted, the score threshold). Recorded in the {@link FairnessReport}.
 *
 * @param attributes the sensitive attributes, in the order given (empty for counts)
 * @param reference the reference group, or null
 * @param minGroupSize groups with fewer rows are TOO_SMALL
 * @param level the confidence level of every interval
 * @param resamples bootstrap resamples (0: none)
 * @param seed bootstrap seed
 * @param stratified whether bootstrap replicates keep each group's size
 * @param bins calibration bins
 * @param binning how the calibration bins are cut
 * @param weighted whether sample weights were given
 * @param threshold the score threshold, NaN when decisions were given
 */
record AuditSettings(
    List<String> attributes,
    @Nullable String reference,
    int minGroupSize,
    double level,
    int resamples,
    long seed,
    boolean stratified,
    int bins,
    Binning binning,
    boolean weighted,
    double threshold) {

  AuditSettings {
    attributes = List.copyOf(attributes);
  }
}
