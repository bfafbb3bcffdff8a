package org.mlops4j.privacy;

import java.util.List;

/**
 * Where the erasure finds model versions and flags those to retrain: the seam to the model
 * registry. An implementation lists every version with the hashes of the data it was trained on,
 * and records a flag on a version (a tag in the registry).
 *
 * <pre>{@code
 * Erasure erasure = Erasure.builder(root, key).subjectColumn("customer_id")
 *     .models(inventory)          // e.g. over ModelRegistry.models() and versions(name)
 *     .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public interface ModelInventory {

  /** The tag key a registry-backed inventory sets on a version to retrain. */
  String RETRAIN_TAG = "mlops4j.privacy.retrain";

  /**
   * @return every model version known, with its data and artifact hashes
   */
  List<TrainedModel> models();

  /**
   * Records that a version was trained on data that held an erased subject and must be retrained
   * (and its serving replaced). Called once per affected version per erasure.
   *
   * @param model the version
   * @param receiptId the id of the erasure receipt, to put in the flag
   */
  void flagForRetraining(TrainedModel model, String receiptId);
}
