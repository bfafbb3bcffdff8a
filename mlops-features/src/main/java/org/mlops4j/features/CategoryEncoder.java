package org.mlops4j.features;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.internal.Require;

/**
 * How a categorical field of a {@link FeaturePipeline} becomes numbers, before fitting: one-hot,
 * ordinal or hashed, with an optional imputation of missing ({@code null}) labels.
 *
 * <ul>
 *   <li>{@link #oneHot(UnseenPolicy)}: the training labels sorted (by {@link String#compareTo}, as
 *       scikit-learn's OneHotEncoder), one output {@code <field>=<label>} each, plus {@code
 *       <field>=<unknown>} under {@link UnseenPolicy#UNKNOWN};
 *   <li>{@link #ordinal(UnseenPolicy)}: one output, the label's index in that sorted list;
 *   <li>{@link #hashing(int)}: n outputs {@code <field>#<i>}; the string {@code <field>=<label>}
 *       (UTF-8) is hashed by MurmurHash3 x86 32-bit with seed 0 to a signed h, the index is {@code
 *       |h| mod n} and the value {@code +1} if h &ge; 0 else {@code -1}: scikit-learn's {@code
 *       FeatureHasher(n, input_type="dict", alternate_sign=True)} on {@code {field: label}}.
 * </ul>
 *
 * A missing label without imputation gives all zeros (one-hot, hashing) or NaN (ordinal). {@link
 * #imputeMostFrequent()} fills it with the most frequent training label (the first in sorted order
 * among ties), {@link #imputeConstant(String)} with a given label.
 *
 * @since 0.1.0
 */
public final class CategoryEncoder {

  /** The encodings. */
  enum Encoding {
    ONE_HOT,
    ORDINAL,
    HASHING;

    String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Encoding encoding;
  private final UnseenPolicy unseen;
  private final int features;
  private final String imputation;
  private final @Nullable String constant;

  CategoryEncoder(
      Encoding encoding,
      UnseenPolicy unseen,
      int features,
      String imputation,
      @Nullable String constant) {
    this.encoding = encoding;
    this.unseen = unseen;
    this.features = features;
    this.imputation = imputation;
    this.constant = constant;
  }

  /**
   * @param unseen what to do with a label not seen in training
   * @return one-hot encoding
   * @throws NullPointerException if unseen is null
   */
  public static CategoryEncoder oneHot(UnseenPolicy unseen) {
    return new CategoryEncoder(
        Encoding.ONE_HOT, Require.nonNull(unseen, "unseen"), 0, "none", null);
  }

  /**
   * @param unseen what to do with a label not seen in training
   * @return ordinal encoding
   * @throws NullPointerException if unseen is null
   */
  public static CategoryEncoder ordinal(UnseenPolicy unseen) {
    return new CategoryEncoder(
        Encoding.ORDINAL, Require.nonNull(unseen, "unseen"), 0, "none", null);
  }

  /**
   * @param features the number of outputs n, at least 1
   * @return feature hashing into n outputs
   * @throws IllegalArgumentException if features is below 1
   */
  public static CategoryEncoder hashing(int features) {
    return new CategoryEncoder(
        Encoding.HASHING,
        UnseenPolicy.IGNORE,
        Require.positive(features, "features"),
        "none",
        null);
  }

  /**
   * @return a copy that fills a missing label with the most frequent training label
   */
  public CategoryEncoder imputeMostFrequent() {
    return new CategoryEncoder(encoding, unseen, features, "most_frequent", null);
  }

  /**
   * @param label the label put in place of a missing one
   * @return a copy that fills a missing label with this one
   * @throws NullPointerException if label is null
   */
  public CategoryEncoder imputeConstant(String label) {
    return new CategoryEncoder(
        encoding, unseen, features, "constant", Require.nonNull(label, "label"));
  }

  Encoding encoding() {
    return encoding;
  }

  UnseenPolicy unseen() {
    return unseen;
  }

  int features() {
    return features;
  }

  String imputation() {
    return imputation;
  }

  @Nullable String constant() {
    return constant;
  }

  @Override
  public String toString() {
    return encoding.key()
        + (encoding == Encoding.HASHING ? "(" + features + ")" : "(unseen " + unseen.key() + ")")
        + (imputation.equals("none")
            ? ""
            : ", impute " + imputation + (constant == null ? "" : " '" + constant + "'"));
  }
}
