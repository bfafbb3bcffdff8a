package org.mlops4j.drift;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlops4j.api.internal.Require;

/**
 * A table whose columns are given as what a distributed engine merges from its partitions rather
 * than as rows: a numeric column as its values (any order: a sample held exactly) or as a {@link
 * NumericSummary} (a KLL sketch and exact counts), a categorical column as its label counts ({@link
 * CategoryCounts}). {@link DriftDetector#fit(ColumnSummaries)} fits a {@link DriftBaseline} from it
 * and {@link DriftBaseline#compare(ColumnSummaries)} compares one with it, into the same types as
 * from {@link Columns}: a column given exactly (values, counts) gives exactly the numbers of the
 * row path; a summarized numeric column gives the sketch-based statistics that {@link
 * NumericSummary} describes, with the KS error bound in the feature's metric {@code ks_error_bound}
 * and its note.
 *
 * <pre>{@code
 * ColumnSummaries reference = ColumnSummaries.builder()
 *     .numeric("age", ageValues)                                  // double[], NaN missing
 *     .numeric("income", NumericSummary.of(kllBytes, 3, 0, 0, 0, mean, std))
 *     .categorical("city", CategoryCounts.create().add("Oslo", 120).add("Lima", 80))
 *     .build();
 * DriftBaseline baseline = DriftDetector.defaults().fit(reference);
 * }</pre>
 *
 * <p>A categorical column's vocabulary is in the order of its counts (first added first; a cluster
 * has no row order, so a distributed engine sorts its labels first). The builder copies the counts
 * and holds the value arrays without copying them (a large column is not copied twice): do not
 * modify them afterwards. Immutable.
 *
 * @since 0.1.0
 */
public final class ColumnSummaries {

  /** The counts of a categorical column, copied. */
  record Labels(Map<String, Long> counts, long missing) {}

  private final Map<String, Object> columns;

  private ColumnSummaries(Map<String, Object> columns) {
    this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }

  /**
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the column names, in the order they were added
   */
  public List<String> names() {
    return List.copyOf(columns.keySet());
  }

  /**
   * @param name a column's name
   * @return whether the table has the column
   */
  public boolean has(String name) {
    return columns.containsKey(name);
  }

  /**
   * @param name a column's name
   * @return the column's type
   * @throws IllegalArgumentException if the column is unknown
   */
  public ColumnType type(String name) {
    return column(name) instanceof Labels ? ColumnType.CATEGORICAL : ColumnType.NUMERIC;
  }

  /**
   * @param name a column's name
   * @return whether the column is a summary rather than values or counts held exactly
   * @throws IllegalArgumentException if the column is unknown
   */
  public boolean isSummarized(String name) {
    return column(name) instanceof NumericSummary;
  }

  /** The column: double[], NumericSummary or Labels. */
  Object column(String name) {
    Object c = columns.get(Require.nonNull(name, "name"));
    if (c == null) {
      throw new IllegalArgumentException(
          Require.mustBe("name", "one of " + columns.keySet(), "'" + name + "'"));
    }
    return c;
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Object> e : columns.entrySet()) {
      Object c = e.getValue();
      String what;
      if (c instanceof double[] d) {
        what = "numeric, " + d.length + " values";
      } else if (c instanceof NumericSummary s) {
        what = "numeric, " + s;
      } else {
        Labels l = (Labels) c;
        what = "categorical, " + l.counts().size() + " labels, " + l.missing() + " missing";
      }
      parts.add(e.getKey() + " (" + what + ")");
    }
    return "ColumnSummaries" + parts;
  }

  /**
   * Builds a {@link ColumnSummaries}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Map<String, Object> columns = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a numeric column held exactly: every row's value (NaN missing, infinities counted
     * apart), in any order. Not copied: do not modify the array afterwards.
     *
     * @param name the column's name
     * @param values the values
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is blank or taken
     */
    public Builder numeric(String name, double[] values) {
      return put(name, Require.nonNull(values, "values"));
    }

    /**
     * Adds a numeric column as a summary.
     *
     * @param name the column's name
     * @param summary the summary
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is blank or taken
     */
    public Builder numeric(String name, NumericSummary summary) {
      return put(name, Require.nonNull(summary, "summary"));
    }

    /**
     * Adds a categorical column as its label counts (copied; missing labels from {@link
     * CategoryCounts#missing()}).
     *
     * @param name the column's name
     * @param counts the counts
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is blank or taken
     */
    public Builder categorical(String name, CategoryCounts counts) {
      Require.nonNull(counts, "counts");
      return put(name, new Labels(new LinkedHashMap<>(counts.counts()), counts.missing()));
    }

    private Builder put(String name, Object column) {
      Require.nonBlank(name, "name");
      Require.argument(!columns.containsKey(name), "name", "a new column", "'" + name + "' twice");
      columns.put(name, column);
      return this;
    }

    /**
     * @return the table
     * @throws IllegalStateException if no column was added
     */
    public ColumnSummaries build() {
      Require.state(!columns.isEmpty(), "no column added: add a numeric or categorical column");
      return new ColumnSummaries(columns);
    }
  }
}
