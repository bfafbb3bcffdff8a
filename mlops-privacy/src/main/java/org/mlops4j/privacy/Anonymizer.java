package org.mlops4j.privacy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlops4j.api.internal.Require;

/**
 * Generalises quasi-identifiers, then suppresses the rows of the equivalence classes still smaller
 * than the target k, so that what is left is k-anonymous (Sweeney 2002, "Achieving k-anonymity
 * privacy protection using generalization and suppression", IJUFKS 10(5): generalisation first,
 * record suppression for the outliers).
 *
 * <pre>{@code
 * Anonymizer anonymizer = Anonymizer.builder(auditor)        // quasi-identifiers, target k
 *     .generalize("age", Generalizer.band(10))
 *     .generalize("zip", Generalizer.prefix(3))
 *     .build();
 * AnonymizedData out = anonymizer.anonymize(data);          // out.data(), out.report()
 * }</pre>
 *
 * <p>The generalisations are applied in the order declared, each to its column; the suppression
 * removes whole rows (every column), and the share removed is reported. Defaults: no
 * generalisation, suppression on, at most 10% of the rows suppressed (above that the result says
 * the target was not reached and nothing is suppressed: generalise further instead).
 *
 * @since 0.1.0
 */
public final class Anonymizer {
  private final AnonymityAuditor auditor;
  private final Map<String, Generalizer> generalizers;
  private final double maxSuppressed;

  private Anonymizer(Builder b) {
    this.auditor = b.auditor;
    this.generalizers = new LinkedHashMap<>(b.generalizers);
    this.maxSuppressed = b.maxSuppressed;
  }

  /**
   * @param auditor the quasi-identifiers, the sensitive column and the target k to reach
   * @return a builder
   */
  public static Builder builder(AnonymityAuditor auditor) {
    return new Builder(Require.nonNull(auditor, "auditor"));
  }

  /**
   * Generalises, audits, suppresses the rows of classes below k (unless more than the allowed share
   * would go) and audits again.
   *
   * @param data the table
   * @return the anonymised table, the rows suppressed and the report on what is left
   * @throws IllegalArgumentException for a generalised or quasi-identifier column the table lacks,
   *     or a value a generalizer cannot read
   */
  public AnonymizedData anonymize(PersonalData data) {
    Require.nonNull(data, "data");
    PersonalData g = data;
    for (Map.Entry<String, Generalizer> e : generalizers.entrySet()) {
      g = g.map(e.getKey(), e.getValue());
    }
    KAnonymityReport before = auditor.audit(g);
    int limit = (int) Math.floor(maxSuppressed * data.size());
    if (before.rowsBelowK() == 0 || before.rowsBelowK() > limit) {
      return new AnonymizedData(g, 0, before.rowsBelowK() == 0, before);
    }
    List<String> qi = auditor.quasiIdentifiers();
    int[] idx = new int[qi.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = g.indexOf(qi.get(i));
    }
    Map<List<String>, Integer> sizes = new HashMap<>();
    for (List<String> row : g.rows()) {
      sizes.merge(key(row, idx), 1, Integer::sum);
    }
    int k = auditor.k();
    PersonalData kept = g.filter(row -> sizes.get(key(row, idx)) >= k);
    KAnonymityReport after = auditor.audit(kept);
    return new AnonymizedData(kept, g.size() - kept.size(), after.kAnonymous(), after);
  }

  private static List<String> key(List<String> row, int[] idx) {
    String[] k = new String[idx.length];
    for (int i = 0; i < idx.length; i++) {
      k[i] = row.get(idx[i]);
    }
    return List.of(k);
  }

  @Override
  public String toString() {
    return "Anonymizer["
        + auditor
        + ", generalize "
        + generalizers.keySet()
        + ", max suppressed "
        + maxSuppressed
        + "]";
  }

  /**
   * Settings of an {@link Anonymizer}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final AnonymityAuditor auditor;
    private final Map<String, Generalizer> generalizers = new LinkedHashMap<>();
    private double maxSuppressed = 0.1;

    private Builder(AnonymityAuditor auditor) {
      this.auditor = auditor;
    }

    /**
     * @param column a column to generalise (replacing an earlier generalizer of it)
     * @param generalizer how
     * @return this
     */
    public Builder generalize(String column, Generalizer generalizer) {
      generalizers.put(
          Require.nonNull(column, "column"), Require.nonNull(generalizer, "generalizer"));
      return this;
    }

    /**
     * @param share the largest share of rows that may be suppressed, in [0, 1]; default 0.1
     * @return this
     */
    public Builder maxSuppressed(double share) {
      this.maxSuppressed = Require.closedUnit(share, "share");
      return this;
    }

    /**
     * @return the anonymizer
     */
    public Anonymizer build() {
      return new Anonymizer(this);
    }
  }
}
