package org.mlops4j.fairness.individual;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.mlops4j.api.internal.Require;

/**
 * A counterfactual audit (a flip test): each row is given to the model twice, as it is and with its
 * sensitive attribute swapped to the counterfactual group (and every declared proxy attribute set
 * to the value that goes with that group); a row <em>flips</em> if the two decisions differ. This
 * is the attribute-swap check used for counterfactual fairness audits (compare Kusner et al., 2017,
 * "Counterfactual Fairness", and the "flip rate" of Black, Yeom and Fredrikson, 2020, "FlipTest:
 * Fairness Testing via Optimal Transport", which maps individuals more carefully than a plain
 * swap).
 *
 * <pre>
 *   flip rate = #{rows with model(row) != model(counterfactual(row))} / #rows
 * </pre>
 *
 * reported overall and per original group (direction "A→B"), with the decision transitions ("0→1":
 * count) and up to {@code maxExamples} flipped rows (default 10). Decisions are compared with
 * {@link Object#equals}, so return the same type for both calls (an Integer 1 and a Long 1 differ).
 *
 * <pre>{@code
 * CounterfactualResult r = Counterfactual.builder("sex").swap("F", "M")
 *     .proxy("title", Map.of("F", "Ms", "M", "Mr"))
 *     .build()
 *     .audit(rows, row -> model.approve(row) ? 1 : 0);
 * }</pre>
 *
 * <p>Rows are {@code Map<String, Object>} (for example {@code Map.of("sex", "F", "income",
 * 42_000)}); the model receives an unmodifiable copy of each row and its counterfactual.
 *
 * @since 0.1.0
 */
public final class Counterfactual {

  private final String attribute;
  private final Map<Object, Object> counterfactual;
  private final Map<String, Map<Object, Object>> proxies;
  private final int maxExamples;

  private Counterfactual(Builder b) {
    this.attribute = b.attribute;
    this.counterfactual = Collections.unmodifiableMap(new LinkedHashMap<>(b.counterfactual));
    Map<String, Map<Object, Object>> p = new LinkedHashMap<>();
    b.proxies.forEach((k, v) -> p.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    this.proxies = Collections.unmodifiableMap(p);
    this.maxExamples = b.maxExamples;
  }

  /**
   * Starts a counterfactual audit of a sensitive attribute.
   *
   * @param attribute the column holding the sensitive attribute, for example "sex"
   * @return a builder; declare at least one {@link Builder#swap swap} or {@link Builder#map map}
   * @throws NullPointerException if attribute is null
   * @throws IllegalArgumentException if attribute is blank
   */
  public static Builder builder(String attribute) {
    return new Builder(Require.nonBlank(attribute, "attribute"));
  }

  /**
   * Audits a model: gives it every row and the row's counterfactual and counts changed decisions.
   *
   * @param rows the rows, each holding the sensitive attribute with a declared value
   * @param model the decision function; must not return null
   * @return flip rates overall and by direction, with examples
   * @throws NullPointerException if rows, a row or model is null, or the model returns null
   * @throws IllegalArgumentException if rows is empty, or a row lacks the attribute or has a value
   *     without a counterfactual
   */
  public CounterfactualResult audit(
      List<? extends Map<String, ?>> rows, Function<? super Map<String, Object>, ?> model) {
    Require.nonNull(rows, "rows");
    Require.nonNull(model, "model");
    Require.argument(!rows.isEmpty(), "rows", "non-empty", "an empty list");
    Map<String, Direction> directions = new LinkedHashMap<>();
    List<CounterfactualResult.FlipExample> examples = new ArrayList<>();
    int flips = 0;
    for (int i = 0; i < rows.size(); i++) {
      Map<String, ?> row = rows.get(i);
      if (row == null) {
        Require.nonNull(row, "rows[" + i + "]");
      }
      if (!row.containsKey(attribute)) {
        throw new IllegalArgumentException(
            Require.mustBe(
                "rows[" + i + "]",
                "a row with the attribute '" + attribute + "'",
                "a row without it"));
      }
      Object group = row.get(attribute);
      if (!counterfactual.containsKey(group)) {
        throw new IllegalArgumentException(
            Require.mustBe(
                "rows[" + i + "]." + attribute,
                "one of the groups with a counterfactual " + counterfactual.keySet(),
                "'" + group + "'"));
      }
      Object target = counterfactual.get(group);
      Map<String, Object> original = new HashMap<>(row);
      Map<String, Object> swapped = new HashMap<>(row);
      swapped.put(attribute, target);
      for (Map.Entry<String, Map<Object, Object>> proxy : proxies.entrySet()) {
        swapped.put(proxy.getKey(), proxy.getValue().get(target));
      }
      Object before = decide(model, original, i, "model(rows[");
      Object after = decide(model, swapped, i, "model(counterfactual of rows[");
      String key = group + "→" + target;
      Direction dir = directions.computeIfAbsent(key, k -> new Direction(group, target));
      dir.rows++;
      if (!before.equals(after)) {
        flips++;
        dir.flips++;
        dir.transitions.merge(before + "→" + after, 1, Integer::sum);
        if (examples.size() < maxExamples) {
          examples.add(
              new CounterfactualResult.FlipExample(
                  i,
                  String.valueOf(group),
                  String.valueOf(target),
                  String.valueOf(before),
                  String.valueOf(after)));
        }
      }
    }
    List<CounterfactualResult.GroupFlips> byGroup = new ArrayList<>();
    for (Direction d : directions.values()) {
      byGroup.add(
          new CounterfactualResult.GroupFlips(
              String.valueOf(d.group),
              String.valueOf(d.target),
              d.rows,
              d.flips,
              (double) d.flips / d.rows,
              d.transitions));
    }
    return new CounterfactualResult(
        attribute, rows.size(), flips, (double) flips / rows.size(), byGroup, examples);
  }

  private static Object decide(
      Function<? super Map<String, Object>, ?> model, Map<String, Object> row, int i, String what) {
    Object decision = model.apply(Collections.unmodifiableMap(row));
    if (decision == null) {
      Require.nonNull(decision, what + i + "])");
    }
    return decision;
  }

  private static final class Direction {
    final Object group;
    final Object target;
    int rows;
    int flips;
    final Map<String, Integer> transitions = new TreeMap<>();

    Direction(Object group, Object target) {
      this.group = group;
      this.target = target;
    }
  }

  @Override
  public String toString() {
    return "Counterfactual[attribute="
        + attribute
        + ", counterfactual="
        + counterfactual
        + ", proxies="
        + proxies
        + ", maxExamples="
        + maxExamples
        + "]";
  }

  /**
   * Settings for a {@link Counterfactual}; made by {@link Counterfactual#builder(String)}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final String attribute;
    private final Map<Object, Object> counterfactual = new LinkedHashMap<>();
    private final Map<String, Map<Object, Object>> proxies = new LinkedHashMap<>();
    private int maxExamples = 10;

    private Builder(String attribute) {
      this.attribute = attribute;
    }

    /**
     * Declares two groups as each other's counterfactual: a → b and b → a.
     *
     * @param a a group, for example "F"
     * @param b the other group, for example "M"
     * @return this builder
     * @throws NullPointerException if a or b is null
     * @throws IllegalArgumentException if a equals b, or either already has a counterfactual
     */
    public Builder swap(Object a, Object b) {
      Require.nonNull(a, "a");
      Require.nonNull(b, "b");
      Require.argument(!a.equals(b), "b", "different from a ('" + a + "')", "'" + b + "'");
      map(a, b);
      return map(b, a);
    }

    /**
     * Declares the counterfactual of one group (for attributes with more than two values).
     *
     * @param from the original group
     * @param to the group its rows are swapped to
     * @return this builder
     * @throws NullPointerException if from or to is null
     * @throws IllegalArgumentException if from already has a counterfactual
     */
    public Builder map(Object from, Object to) {
      Require.nonNull(from, "from");
      Require.nonNull(to, "to");
      if (counterfactual.containsKey(from)) {
        throw new IllegalArgumentException(
            Require.mustBe(
                "from",
                "a group without a counterfactual yet",
                "'" + from + "', already mapped to '" + counterfactual.get(from) + "'"));
      }
      counterfactual.put(from, to);
      return this;
    }

    /**
     * Declares a proxy attribute, set in each counterfactual row to the value for the
     * counterfactual group (for example the title "Mr" for "M").
     *
     * @param column the proxy column
     * @param valueByGroup the proxy's value for each group that is a counterfactual target
     * @return this builder
     * @throws NullPointerException if column or valueByGroup is null
     * @throws IllegalArgumentException if column is blank or the sensitive attribute
     */
    public Builder proxy(String column, Map<?, ?> valueByGroup) {
      Require.nonBlank(column, "column");
      Require.argument(
          !column.equals(attribute),
          "column",
          "a proxy, not the sensitive attribute itself",
          "'" + column + "'");
      Require.nonNull(valueByGroup, "valueByGroup");
      proxies.put(column, new LinkedHashMap<>(valueByGroup));
      return this;
    }

    /**
     * @param maxExamples how many flipped rows to keep as examples (default 10)
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder maxExamples(int maxExamples) {
      this.maxExamples = Require.nonNegative(maxExamples, "maxExamples");
      return this;
    }

    /**
     * @return the configured audit
     * @throws IllegalStateException if no counterfactual is declared, or a proxy has no value for a
     *     counterfactual target group
     */
    public Counterfactual build() {
      Require.state(
          !counterfactual.isEmpty(),
          "no counterfactual declared for '" + attribute + "': call swap(a, b) or map(from, to)");
      for (Map.Entry<String, Map<Object, Object>> p : proxies.entrySet()) {
        for (Object target : counterfactual.values()) {
          Require.state(
              p.getValue().containsKey(target),
              "proxy '"
                  + p.getKey()
                  + "' has no value for group '"
                  + target
                  + "': give one in proxy(column, valueByGroup)");
        }
      }
      return new Counterfactual(this);
    }
  }
}
