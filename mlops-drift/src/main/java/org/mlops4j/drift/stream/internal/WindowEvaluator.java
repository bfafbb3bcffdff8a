package org.mlops4j.drift.stream.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.Columns;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.stream.FeatureDriftCheck;
import org.mlops4j.drift.stream.LatencySummary;
import org.mlops4j.drift.stream.WindowReport;

/**
 * Evaluates a closed window: data drift by the {@link FeatureDriftCheck} (one numeric column per
 * feature, giving the window's {@link DriftReport}), prediction drift by the PSI of the scores
 * against the reference scores ({@link ScorePsi}, drift when above the threshold), and the window's
 * {@link WindowReport}. Stateless apart from its settings.
 */
public final class WindowEvaluator {
  private final List<String> features;
  private final @Nullable FeatureDriftCheck check;
  private final @Nullable ScorePsi psi;
  private final double psiThreshold;

  /**
   * @param features the feature names, in the order of a window's columns
   * @param check the data-drift check, or null for none
   * @param psi the fitted reference scores, or null for no prediction drift
   * @param psiThreshold PSI above which the scores drifted
   */
  public WindowEvaluator(
      List<String> features,
      @Nullable FeatureDriftCheck check,
      @Nullable ScorePsi psi,
      double psiThreshold) {
    this.features = List.copyOf(features);
    this.check = check;
    this.psi = psi;
    this.psiThreshold = psiThreshold;
  }

  /**
   * @param w the closed window
   * @param latency the latency of the calls since the previous window
   * @return the window's report
   * @throws IllegalStateException if the check returned null
   */
  public WindowReport evaluate(ClosedWindow w, LatencySummary latency) {
    Optional<DriftReport> report = Optional.empty();
    if (check != null) {
      Columns.Builder table = Columns.builder();
      for (int d = 0; d < features.size(); d++) {
        table.numeric(features.get(d), w.columns()[d]);
      }
      DriftReport got = check.check(table.build());
      Require.state(
          got != null,
          "featureDriftCheck returned null for window " + w.index() + ": return a DriftReport");
      report = Optional.of(got);
    }
    boolean dataDrift = report.isPresent() && !report.get().drifted().isEmpty();
    OptionalDouble psiValue = OptionalDouble.empty();
    boolean predictionDrift = false;
    if (psi != null) {
      double value = psi.psi(w.scores(), w.scores().length);
      psiValue = OptionalDouble.of(value);
      predictionDrift = value > psiThreshold;
    }
    return new WindowReport(
        w.index(),
        Instant.ofEpochMilli(w.start()),
        Instant.ofEpochMilli(w.end()),
        w.scores().length,
        report,
        dataDrift,
        psiValue,
        predictionDrift,
        w.feedback(),
        w.errors(),
        w.conceptDrifts(),
        w.conceptState(),
        latency);
  }

  /**
   * @return the PSI above which the scores drifted
   */
  public double psiThreshold() {
    return psiThreshold;
  }
}
