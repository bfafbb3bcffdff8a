package org.mlops4j.serving;

import java.util.Locale;

/**
 * Running totals of a {@link ModelService} since it was built. Every request ends in exactly one
 * of: a champion answer, a canary answer, a failure ({@code requests = championAnswers +
 * canaryAnswers + failures} once no request is in flight). A canary that throws is counted in
 * {@code canaryErrors} and the request falls back to the champion.
 *
 * @param model the model's name
 * @param championVersion the champion version serving now
 * @param challengerVersion the challenger version loaded now, 0 if none
 * @param requests predict calls
 * @param championAnswers answers by the champion
 * @param canaryAnswers answers by the canary
 * @param failures calls on which the champion threw (rethrown as {@link PredictionException})
 * @param canaryErrors calls on which the canary threw (answered by the champion)
 * @param shadowSent requests copied to the shadow
 * @param shadowDropped requests not copied because the shadow queue was full
 * @param shadowCompared requests the shadow answered
 * @param shadowAgreements of those, answers that agreed with the champion
 * @param labelled labelled feedbacks matched to a request
 * @param swaps versions swapped in after the build (champion and challenger; the first loads at
 *     build are not swaps)
 * @param loadFailures versions that failed to load
 * @param rollbacks canary rollbacks
 * @param canaryActive whether the canary receives traffic now
 * @since 0.1.0
 */
public record ServingStats(
    String model,
    int championVersion,
    int challengerVersion,
    long requests,
    long championAnswers,
    long canaryAnswers,
    long failures,
    long canaryErrors,
    long shadowSent,
    long shadowDropped,
    long shadowCompared,
    long shadowAgreements,
    long labelled,
    long swaps,
    long loadFailures,
    long rollbacks,
    boolean canaryActive) {

  /**
   * @return the share of answers given by the canary, 0 without answers
   */
  public double canaryShare() {
    long answers = championAnswers + canaryAnswers;
    return answers == 0 ? 0.0 : (double) canaryAnswers / answers;
  }

  /**
   * @return the share of shadow answers that agreed with the champion, NaN if none
   */
  public double shadowAgreement() {
    return shadowCompared == 0 ? Double.NaN : (double) shadowAgreements / shadowCompared;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "ServingStats %s: champion v%d, challenger %s%n"
            + "  requests %d = champion %d + canary %d + failed %d  (canary errors %d, canary %s)%n"
            + "  shadow   sent %d  dropped %d  compared %d  agreed %d%n"
            + "  labelled %d  swaps %d  load failures %d  rollbacks %d%n",
        model,
        championVersion,
        challengerVersion == 0 ? "-" : "v" + challengerVersion,
        requests,
        championAnswers,
        canaryAnswers,
        failures,
        canaryErrors,
        canaryActive ? "active" : "inactive",
        shadowSent,
        shadowDropped,
        shadowCompared,
        shadowAgreements,
        labelled,
        swaps,
        loadFailures,
        rollbacks);
  }
}
