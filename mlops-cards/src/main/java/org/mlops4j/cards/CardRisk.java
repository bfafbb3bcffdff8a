package org.mlops4j.cards;

import org.mlops4j.api.internal.Require;

/**
 * An ethical consideration of a card: a risk and how it is mitigated (the Model Card Toolkit's
 * {@code risk}: {@code name}, {@code mitigation_strategy}).
 *
 * @param name the risk
 * @param mitigation how it is addressed, or {@code ""}
 * @since 0.1.0
 */
public record CardRisk(String name, String mitigation) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if the name is blank
   */
  public CardRisk {
    Require.nonBlank(name, "name");
    Require.nonNull(mitigation, "mitigation");
  }

  @Override
  public String toString() {
    return mitigation.isEmpty() ? name : name + " (mitigation: " + mitigation + ")";
  }
}
