package org.mlops4j.cards;

import java.util.List;
import org.mlops4j.api.internal.Require;

/**
 * What a model card still lacks: the recommended sections of Mitchell et al. (2018) that are
 * missing or empty, and the quantitative analyses that lack an interval or a group breakdown. A
 * strict check ({@link #orThrow()}, {@link ModelCard.Builder#strict()}) fails on any of them; a CLI
 * exits with 1 unless {@link #complete()}.
 *
 * @param card the card's name and version, e.g. {@code churn v3}
 * @param missingSections the recommended sections missing or empty, e.g. {@code intended use:
 *     out-of-scope uses}
 * @param weakAnalyses the quantitative analyses lacking an interval or a breakdown, e.g. {@code
 *     accuracy [all rows]: no interval}
 * @since 0.1.0
 */
public record CardCompleteness(
    String card, List<String> missingSections, List<String> weakAnalyses) {

  /**
   * Copies the lists.
   *
   * @throws NullPointerException if a part is null
   */
  public CardCompleteness {
    Require.nonNull(card, "card");
    missingSections = List.copyOf(Require.nonNull(missingSections, "missingSections"));
    weakAnalyses = List.copyOf(Require.nonNull(weakAnalyses, "weakAnalyses"));
  }

  /**
   * @return true if nothing is missing and every analysis has its interval and breakdown
   */
  public boolean complete() {
    return missingSections.isEmpty() && weakAnalyses.isEmpty();
  }

  /**
   * @return this, if the card is complete
   * @throws IllegalStateException listing what is missing, if it is not
   */
  public CardCompleteness orThrow() {
    Require.state(
        complete(),
        "the model card of "
            + card
            + " is incomplete; fill in the missing sections through ModelCard.builder() or a card"
            + " text file, and give every analysis its interval:\n"
            + this);
    return this;
  }

  static String counts(CardCompleteness c) {
    int m = c.missingSections.size();
    int w = c.weakAnalyses.size();
    return m
        + (m == 1 ? " section" : " sections")
        + " missing, "
        + w
        + (w == 1 ? " analysis" : " analyses")
        + " lacking";
  }

  /** The verdict, then one line per gap. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("Model card of ").append(card).append(": ");
    sb.append(complete() ? "complete" : "incomplete (" + counts(this) + ")");
    sb.append('\n');
    missingSections.forEach(s -> sb.append("  missing: ").append(s).append('\n'));
    weakAnalyses.forEach(s -> sb.append("  lacking: ").append(s).append('\n'));
    return sb.toString();
  }
}
