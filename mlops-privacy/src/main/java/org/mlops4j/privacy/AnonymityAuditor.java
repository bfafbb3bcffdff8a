package org.mlops4j.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mlops4j.api.internal.Require;

/**
 * Checks a table for k-anonymity and distinct l-diversity over declared quasi-identifiers.
 *
 * <pre>{@code
 * AnonymityAuditor auditor = AnonymityAuditor.builder()
 *     .quasiIdentifiers("race", "birth", "gender", "zip")
 *     .sensitive("problem")
 *     .k(2).l(2)
 *     .build();
 * KAnonymityReport report = auditor.audit(data);
 * }</pre>
 *
 * <p>Definitions. An equivalence class is the set of rows with equal values on every
 * quasi-identifier (values compared as text). The table is <em>k-anonymous</em> when every class
 * has at least k rows (Sweeney 2002, "k-anonymity: a model for protecting privacy", IJUFKS 10(5));
 * the k reported is the smallest class size. It is <em>distinct l-diverse</em> when every class
 * holds at least l distinct values of the sensitive column (Machanavajjhala et al. 2007,
 * "l-diversity: privacy beyond k-anonymity", ACM TKDD 1(1), section 4.1's simplest instance; not
 * the entropy or recursive (c,l) variants); the l reported is the smallest such count. Remaining
 * risk, under the prosecutor model (the attacker knows the person is in the table): the largest
 * re-identification probability is {@code 1 / min class size}; the average is {@code classes /
 * rows}; and the share of rows in classes smaller than the target k.
 *
 * <p>Defaults: target {@code k = 5}, target {@code l = 2} (checked only with a sensitive column),
 * the 10 smallest classes listed in the report.
 *
 * @since 0.1.0
 */
public final class AnonymityAuditor {
  private final List<String> quasiIdentifiers;
  private final Optional<String> sensitive;
  private final int k;
  private final int l;
  private final int listed;

  private AnonymityAuditor(Builder b) {
    this.quasiIdentifiers = List.copyOf(b.quasiIdentifiers);
    this.sensitive = Optional.ofNullable(b.sensitive);
    this.k = b.k;
    this.l = b.l;
    this.listed = b.listed;
  }

  /**
   * @return a builder; quasi-identifiers are required
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return a builder that starts from this configuration
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.quasiIdentifiers.addAll(quasiIdentifiers);
    b.sensitive = sensitive.orElse(null);
    b.k = k;
    b.l = l;
    b.listed = listed;
    return b;
  }

  /**
   * @return the quasi-identifier columns, in order
   */
  public List<String> quasiIdentifiers() {
    return quasiIdentifiers;
  }

  /**
   * @return the target k
   */
  public int k() {
    return k;
  }

  /**
   * Groups the rows into equivalence classes and measures them.
   *
   * @param data the table
   * @return the report
   * @throws IllegalArgumentException {@code quasiIdentifiers must be one of the columns [...], but
   *     was 'x'} (or {@code sensitive ...}) for a column the table does not have
   */
  public KAnonymityReport audit(PersonalData data) {
    Require.nonNull(data, "data");
    int[] idx = new int[quasiIdentifiers.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = data.index(quasiIdentifiers.get(i), "quasiIdentifiers");
    }
    int s = sensitive.isPresent() ? data.index(sensitive.get(), "sensitive") : -1;
    Map<List<String>, int[]> sizes = new LinkedHashMap<>();
    Map<List<String>, Set<String>> values = new HashMap<>();
    for (List<String> row : data.rows()) {
      List<String> key = new ArrayList<>(idx.length);
      for (int i : idx) {
        key.add(row.get(i));
      }
      sizes.computeIfAbsent(key, x -> new int[1])[0]++;
      if (s >= 0) {
        values.computeIfAbsent(key, x -> new HashSet<>()).add(row.get(s));
      }
    }
    List<EquivalenceClass> classes = new ArrayList<>(sizes.size());
    sizes.forEach(
        (key, n) ->
            classes.add(new EquivalenceClass(key, n[0], s >= 0 ? values.get(key).size() : 0)));
    classes.sort(
        Comparator.comparingInt(EquivalenceClass::size)
            .thenComparingInt(EquivalenceClass::distinctSensitive));
    int minK = classes.isEmpty() ? 0 : classes.get(0).size();
    int minL = 0;
    int rowsBelowK = 0;
    int classesBelowK = 0;
    int classesBelowL = 0;
    if (s >= 0 && !classes.isEmpty()) {
      minL = Integer.MAX_VALUE;
    }
    for (EquivalenceClass c : classes) {
      if (c.size() < k) {
        rowsBelowK += c.size();
        classesBelowK++;
      }
      if (s >= 0) {
        minL = Math.min(minL, c.distinctSensitive());
        if (c.distinctSensitive() < l) {
          classesBelowL++;
        }
      }
    }
    List<EquivalenceClass> smallest = classes.subList(0, Math.min(listed, classes.size()));
    return new KAnonymityReport(
        quasiIdentifiers,
        sensitive,
        k,
        l,
        data.size(),
        classes.size(),
        minK,
        minL,
        classesBelowK,
        rowsBelowK,
        classesBelowL,
        smallest);
  }

  @Override
  public String toString() {
    return "AnonymityAuditor[quasiIdentifiers "
        + quasiIdentifiers
        + sensitive.map(x -> ", sensitive " + x).orElse("")
        + ", k "
        + k
        + ", l "
        + l
        + "]";
  }

  /**
   * Settings of an {@link AnonymityAuditor}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final List<String> quasiIdentifiers = new ArrayList<>();
    private @org.jspecify.annotations.Nullable String sensitive;
    private int k = 5;
    private int l = 2;
    private int listed = 10;

    private Builder() {}

    /**
     * @param columns the quasi-identifier columns (replacing earlier ones), at least one, distinct
     * @return this
     * @throws IllegalArgumentException if none is given or a name repeats
     */
    public Builder quasiIdentifiers(String... columns) {
      Require.noNulls(columns, "columns");
      Require.argument(columns.length > 0, "quasiIdentifiers", "at least one column", "none");
      Require.argument(
          Set.of(columns).size() == columns.length,
          "quasiIdentifiers",
          "distinct",
          List.of(columns));
      quasiIdentifiers.clear();
      quasiIdentifiers.addAll(List.of(columns));
      return this;
    }

    /**
     * @param column the sensitive column, for l-diversity
     * @return this
     */
    public Builder sensitive(String column) {
      this.sensitive = Require.nonBlank(column, "sensitive");
      return this;
    }

    /**
     * @param k the target k, at least 1; default 5
     * @return this
     */
    public Builder k(int k) {
      this.k = Require.positive(k, "k");
      return this;
    }

    /**
     * @param l the target l, at least 1; default 2
     * @return this
     */
    public Builder l(int l) {
      this.l = Require.positive(l, "l");
      return this;
    }

    /**
     * @param classes how many of the smallest classes the report lists, at least 1; default 10
     * @return this
     */
    public Builder listed(int classes) {
      this.listed = Require.positive(classes, "classes");
      return this;
    }

    /**
     * @return the auditor
     * @throws IllegalStateException if no quasi-identifier was declared, or the sensitive column is
     *     one of them
     */
    public AnonymityAuditor build() {
      Require.state(
          !quasiIdentifiers.isEmpty(),
          "Declare the quasi-identifiers first: builder().quasiIdentifiers(\"zip\", \"age\")");
      Require.state(
          sensitive == null || !quasiIdentifiers.contains(sensitive),
          "The sensitive column '" + sensitive + "' is also a quasi-identifier: pick one role");
      return new AnonymityAuditor(this);
    }
  }
}
