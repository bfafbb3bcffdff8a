package org.mlops4j.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mlops4j.fairness.Disparity;
import org.mlops4j.fairness.FairnessReport;

/**
 * One {@code --fail-if CRITERION OP BOUND} of {@code mlops fairness}: the criterion is the name of
 * a criterion or disparity of the library's report, as it appears in its JSON ({@code
 * equalized_odds_difference}, {@code demographic_parity_ratio}, {@code disparate_impact}, {@code
 * tpr_difference_to_reference}, ...); the operator is {@code >}, {@code >=}, {@code <} or {@code
 * <=}. The check fails when the value passes the bound, or when the value is undefined.
 *
 * @param text the option's argument, stripped
 * @param criterion the criterion's name
 * @param op the operator
 * @param bound the bound, not NaN
 */
public record FailIf(String text, String criterion, String op, double bound) {

  private static final Pattern SYNTAX =
      Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(>=|<=|>|<)\\s*(\\S+)\\s*");

  /**
   * @param args the {@code --fail-if} arguments, or null when none were given
   * @return the parsed checks, in order
   * @throws UsageException naming the argument that is not {@code CRITERION>VALUE}
   */
  public static List<FailIf> parseAll(@Nullable List<String> args) {
    List<FailIf> out = new ArrayList<>();
    if (args != null) {
      for (String s : args) {
        out.add(parse(s));
      }
    }
    return out;
  }

  /**
   * @param s one {@code --fail-if} argument
   * @return the check
   * @throws UsageException if it is not {@code CRITERION>VALUE} with a number as the value
   */
  public static FailIf parse(String s) {
    Matcher m = SYNTAX.matcher(s);
    if (!m.matches()) {
      throw new UsageException(
          "--fail-if '" + s + "' is not CRITERION>VALUE (operators > >= < <=)");
    }
    double bound;
    try {
      bound = Double.parseDouble(m.group(3));
    } catch (NumberFormatException e) {
      throw new UsageException("--fail-if '" + s + "': '" + m.group(3) + "' is not a number");
    }
    if (Double.isNaN(bound)) {
      throw new UsageException("--fail-if '" + s + "': the bound must not be NaN");
    }
    return new FailIf(s.strip(), m.group(1), m.group(2), bound);
  }

  /**
   * Looks the criterion up in the report ({@link FairnessReport#disparity(String)}) and compares.
   *
   * @param report the library's report
   * @return the outcome
   * @throws UsageException if the report has no criterion or disparity of that name
   */
  public Outcome evaluate(FairnessReport report) {
    Disparity d;
    try {
      d = report.disparity(criterion);
    } catch (IllegalArgumentException e) {
      List<String> criteria = report.criteria().stream().map(Disparity::name).toList();
      throw new UsageException(
          "--fail-if '"
              + text
              + "': unknown criterion '"
              + criterion
              + "' (known: "
              + String.join(", ", criteria)
              + ", or a name under disparities in the JSON, such as"
              + " fpr_difference_between_groups)");
    }
    return new Outcome(this, d, !d.defined() || fails(d.value()));
  }

  private boolean fails(double v) {
    return switch (op) {
      case ">" -> v > bound;
      case ">=" -> v >= bound;
      case "<" -> v < bound;
      default -> v <= bound;
    };
  }

  /**
   * The outcome of one check.
   *
   * @param check the check
   * @param value the report's criterion or disparity
   * @param failed whether the check failed
   */
  public record Outcome(FailIf check, Disparity value, boolean failed) {

    /**
     * @return {@code "<text>: <criterion> = <value> (groups 'A' and 'B')"}, or {@code "<text>:
     *     <criterion> is undefined (<reason>)"}
     */
    public String describe() {
      if (!value.defined()) {
        return check.text() + ": " + check.criterion() + " is undefined (" + value.reason() + ")";
      }
      return check.text()
          + ": "
          + check.criterion()
          + " = "
          + value.value()
          + " (groups '"
          + value.groupA()
          + "' and '"
          + value.groupB()
          + "')";
    }

    /**
     * @return {@code check}, {@code criterion}, {@code value} (null with {@code valueReason} when
     *     undefined) and {@code failed}
     */
    public Map<String, Object> toJson() {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("check", check.text());
      o.put("criterion", check.criterion());
      if (value.defined()) {
        o.put("value", value.value());
      } else {
        o.put("value", null);
        o.put("valueReason", value.reason());
      }
      o.put("failed", failed);
      return o;
    }
  }
}
