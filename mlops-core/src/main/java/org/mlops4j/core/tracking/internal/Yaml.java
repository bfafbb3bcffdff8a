package org.mlops4j.core.tracking.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

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

  // PyYAML's implicit resolvers (yaml/resolver.py), YAML 1.1.
  private static final Pattern BOOL =
      Pattern.compile("yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
  private static final Pattern FLOAT =
      Pattern.compile(
          "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9_]+(?:[eE][-+][0-9]+)?"
              + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
  private static final Pattern INT =
      Pattern.compile(
          "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
  private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
  private static final Pattern TIMESTAMP =
      Pattern.compile("[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?.*");
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
