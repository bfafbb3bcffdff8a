package org.mlops4j.cards;

import java.util.Collections;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.mlops4j.api.internal.Require;

/**
 * A dataset a card describes: the training or the evaluation data, with what is known of it (rows,
 * the SHA-256 of its files from the pipeline lock or the registration).
 *
 * @param name the dataset's name
 * @param description what it is, how it was collected and preprocessed, or {@code ""}
 * @param rows the number of rows, if known
 * @param hashes file path to SHA-256, in path order
 * @since 0.1.0
 */
public record CardDataset(
    String name, String description, OptionalLong rows, Map<String, String> hashes) {

  /**
   * Copies the map.
   *
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if the name is blank
   */
  public CardDataset {
    Require.nonBlank(name, "name");
    Require.nonNull(description, "description");
    Require.nonNull(rows, "rows");
    hashes = Collections.unmodifiableMap(new TreeMap<>(Require.nonNull(hashes, "hashes")));
  }

  /**
   * @param name the dataset's name
   * @param description what it is
   * @return a dataset with no known rows or hashes
   */
  public static CardDataset of(String name, String description) {
    return new CardDataset(name, description, OptionalLong.empty(), Map.of());
  }

  /**
   * @param count the number of rows
   * @return a copy with that number of rows
   * @throws IllegalArgumentException if it is negative
   */
  public CardDataset withRows(long count) {
    return new CardDataset(
        name, description, OptionalLong.of(Require.nonNegative(count, "count")), hashes);
  }

  /**
   * @param more file path to SHA-256
   * @return a copy with these hashes added
   */
  public CardDataset withHashes(Map<String, String> more) {
    Map<String, String> m = new TreeMap<>(hashes);
    m.putAll(Require.nonNull(more, "more"));
    return new CardDataset(name, description, rows, m);
  }

  /**
   * @param text a description
   * @return a copy with that description
   */
  public CardDataset withDescription(String text) {
    return new CardDataset(name, Require.nonNull(text, "text"), rows, hashes);
  }

  @Override
  public String toString() {
    return name
        + (rows.isPresent() ? " (" + rows.getAsLong() + " rows)" : "")
        + (description.isEmpty() ? "" : ": " + description)
        + (hashes.isEmpty()
            ? ""
            : ", " + hashes.size() + (hashes.size() == 1 ? " hashed file" : " hashed files"));
  }
}
