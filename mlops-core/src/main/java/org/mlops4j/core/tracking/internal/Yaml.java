package org.mlops4j.core.tracking.internal;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A minimal YAML emitter for flat mappings, producing what PyYAML's {@code safe_dump} (MLflow's
 * writer) produces for the same data: keys in sorted order, one {@code key: value} per line,
 * integers and {@code null} bare, strings plain unless PyYAML's YAML 1.1 resolvers would read them
 * as another type ({@code '0'}, {@code ''}) or they contain characters that need quoting. For
 * strings beyond MLflow's own (free-text run and experiment names) the quoting style can differ
 * from PyYAML's ({@code 'x#'} where PyYAML writes {@code x#}, {@code "\n"} escapes, non-ASCII
 * kept), but PyYAML reads each emitted scalar back as the same string.
 */
public final class Yaml {

  // PyYAML's implicit resolvers (yaml/resolver.py, PyYAML 6.0), YAML 1.1, exactly.
  private static final Pattern BOOL =
      Pattern.compile("yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
  private static final Pattern FLOAT =
      Pattern.compile(
          "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
              + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
  private static final Pattern INT =
      Pattern.compile(
          "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
  private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|["
              + " \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?(?:[ "
              + "\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?");
  private static final Pattern SAFE_PLAIN =
      Pattern.compile("(?:[A-Za-z0-9_./]|-(?=[^ ]))[A-Za-z0-9_./@+:='\\- ]*");

  private Yaml() {}

  /**
   * Emits a mapping, keys sorted. Values may be String, Integer, Long, null, an empty List or an
   * empty Map.
   */
  public static String mapping(Map<String, ? extends @Nullable Object> map) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, ?> e : new TreeMap<>(map).entrySet()) {
      sb.append(string(e.getKey())).append(": ").append(value(e.getValue())).append('\n');
    }
    return sb.toString();
  }

  private static String value(@Nullable Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Integer || v instanceof Long) {
      return v.toString();
    }
    if (v instanceof List<?> l && l.isEmpty()) {
      return "[]";
    }
    if (v instanceof Map<?, ?> m && m.isEmpty()) {
      return "{}";
    }
    if (v instanceof String s) {
      return string(s);
    }
    throw new IllegalArgumentException("unsupported YAML value type: " + v.getClass().getName());
  }

  /**
   * @return whether PyYAML would read the plain scalar as something other than a string
   */
  public static boolean resolvesToNonString(String s) {
    return NULL.matcher(s).matches()
        || BOOL.matcher(s).matches()
        || INT.matcher(s).matches()
        || FLOAT.matcher(s).matches()
        || TIMESTAMP.matcher(s).matches()
        || s.equals("<<")
        || s.equals("=");
  }

  /**
   * Resolves a plain (unquoted) scalar as PyYAML's {@code safe_load} does (YAML 1.1): {@code null},
   * a {@link Boolean}, a {@link BigInteger} (also {@code 0x}, {@code 0b}, leading-zero octal,
   * {@code _} separators and base 60), a {@link Double} ({@code 1.5}, {@code .5}, {@code 1.5e+3},
   * {@code .inf}, {@code .nan}, base 60), else the text itself. {@code 1e3} and {@code 1.5e3} are
   * strings to PyYAML (its float needs a dot and a signed exponent), and so they are here. A
   * timestamp stays its text.
   *
   * @param plain the scalar's text
   * @return the value PyYAML reads
   */
  public static @Nullable Object resolvePlain(String plain) {
    if (NULL.matcher(plain).matches()) {
      return null;
    }
    if (BOOL.matcher(plain).matches()) {
      char c = Character.toLowerCase(plain.charAt(0));
      return c == 'y' || c == 't' || plain.equalsIgnoreCase("on");
    }
    if (INT.matcher(plain).matches()) {
      return parseInt(plain.replace("_", ""));
    }
    if (FLOAT.matcher(plain).matches()) {
      return parseFloat(plain.replace("_", "").toLowerCase(Locale.ROOT));
    }
    return plain;
  }

  private static BigInteger parseInt(String v) {
    int sign = 1;
    if (v.startsWith("-")) {
      sign = -1;
      v = v.substring(1);
    } else if (v.startsWith("+")) {
      v = v.substring(1);
    }
    BigInteger value;
    if (v.equals("0")) {
      value = BigInteger.ZERO;
    } else if (v.startsWith("0b")) {
      value = new BigInteger(v.substring(2), 2);
    } else if (v.startsWith("0x")) {
      value = new BigInteger(v.substring(2), 16);
    } else if (v.startsWith("0")) {
      value = new BigInteger(v, 8);
    } else if (v.contains(":")) {
      value = BigInteger.ZERO;
      for (String digit : v.split(":")) {
        value = value.multiply(BigInteger.valueOf(60)).add(new BigInteger(digit));
      }
    } else {
      value = new BigInteger(v);
    }
    return sign < 0 ? value.negate() : value;
  }

  private static Double parseFloat(String v) {
    double sign = 1;
    if (v.startsWith("-")) {
      sign = -1;
      v = v.substring(1);
    } else if (v.startsWith("+")) {
      v = v.substring(1);
    }
    if (v.equals(".inf")) {
      return sign * Double.POSITIVE_INFINITY;
    }
    if (v.equals(".nan")) {
      return Double.NaN;
    }
    if (v.contains(":")) {
      double value = 0;
      for (String digit : v.split(":")) {
        value = value * 60 + Double.parseDouble(digit);
      }
      return sign * value;
    }
    return sign * Double.parseDouble(v);
  }

  /**
   * Reads a YAML document as PyYAML's {@code safe_load} does for the files of an MLflow store:
   * plain scalars resolved by {@link #resolvePlain} (YAML 1.1, PyYAML's rules, not YAML 1.2's or
   * another library's), quoted scalars as strings, sequences as lists, mappings as maps (a later
   * duplicate key wins, as in PyYAML). The syntax (quoting, escapes, folded lines, comments) is
   * parsed by SnakeYAML, whose resolution of types is not used.
   *
   * @param text the document
   * @return the value of the document: a {@code Map}, a {@code List}, a scalar or null
   * @throws IllegalArgumentException if the text is not YAML
   */
  public static @Nullable Object read(String text) {
    Node node;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(true);
      node =
          new org.yaml.snakeyaml.Yaml(new SafeConstructor(options)).compose(new StringReader(text));
    } catch (YAMLException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return node == null ? null : value(node);
  }

  private static @Nullable Object value(Node node) {
    if (node instanceof ScalarNode scalar) {
      return scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
          ? resolvePlain(scalar.getValue())
          : scalar.getValue();
    }
    if (node instanceof SequenceNode seq) {
      List<@Nullable Object> out = new ArrayList<>();
      for (Node n : seq.getValue()) {
        out.add(value(n));
      }
      return out;
    }
    if (node instanceof MappingNode map) {
      Map<String, @Nullable Object> out = new LinkedHashMap<>();
      for (NodeTuple t : map.getValue()) {
        out.put(String.valueOf(value(t.getKeyNode())), value(t.getValueNode()));
      }
      return out;
    }
    throw new IllegalArgumentException("unsupported YAML node " + node.getNodeId());
  }

  /**
   * @return the string as a YAML scalar: plain when safe, else single- or double-quoted
   */
  public static String string(String s) {
    if (isSafePlain(s) && !resolvesToNonString(s)) {
      return s;
    }
    return quoted(s);
  }

  private static boolean isSafePlain(String s) {
    return SAFE_PLAIN.matcher(s).matches()
        && !s.endsWith(":")
        && !s.endsWith(" ")
        && !s.contains(": ")
        && !s.contains(" #");
  }

  /**
   * @return the string as a YAML scalar that reads back as the same text; numbers and booleans stay
   *     plain so that they read back typed (for DVC's params.yaml)
   */
  public static String typedScalar(String s) {
    if (isSafePlain(s)
        && (INT.matcher(s).matches()
            || FLOAT.matcher(s).matches()
            || BOOL.matcher(s).matches()
            || !resolvesToNonString(s))) {
      return s;
    }
    return quoted(s);
  }

  private static String quoted(String s) {
    boolean printable = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20
          || c == 0x7f
          || (c >= 0x80 && c < 0xa0)
          || c == '\u2028'
          || c == '\u2029'
          || c == '\ufeff') {
        printable = false;
        break;
      }
    }
    if (printable) {
      return "'" + s.replace("'", "''") + "'";
    }
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20
              || c == 0x7f
              || (c >= 0x80 && c < 0xa0)
              || c == '\u2028'
              || c == '\u2029'
              || c == '\ufeff') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
