package org.mlops4j.registry;

import org.mlops4j.api.MlopsException;

/**
 * A promotion was refused because a gate failed; the message is the whole table of gate results.
 *
 * @since 0.1.0
 */
public final class PromotionRefusedException extends MlopsException {
  private static final long serialVersionUID = 1L;

  private final transient PromotionResult result;

  /**
   * @param result the refused promotion
   */
  public PromotionRefusedException(PromotionResult result) {
    super(result.toString().stripTrailing());
    this.result = result;
  }

  /**
   * @return the refused promotion, with every gate's result
   */
  public PromotionResult result() {
    return result;
  }
}
