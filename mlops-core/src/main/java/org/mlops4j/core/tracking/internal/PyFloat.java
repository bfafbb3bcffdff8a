package org.mlops4j.core.tracking.internal;

import java.math.BigDecimal;

/**
 * Doubles in Python's float syntax, the syntax of MLflow's metric files. {@link #repr(double)}
 * gives what Python's {@code repr(float)} gives: the shortest decimal that reads back to the same
 * double, fixed notation for {@code 1e-4 <= |x| < 1e16} ({@code 0.1}, {@code 3.0}), scientific
 * otherwise ({@code 1e-05}, {@code 1.5e+16}), and {@code nan}, {@code inf}, {@code -inf}. {@link
 * #parse(String)} reads what Python's {@code float()} reads in such files.
 */
public final class PyFloat {

  private PyFloat() {}

  /**
   * @param v any double
   * @return Python's {@code repr(v)}
   */
  public static String repr(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0.0) {
      return Double.doubleToRawLongBits(v) == 0L ? "0.0" : "-0.0";
    }
    String s = Double.toString(v);
    int len = s.length();
    int i = 0;
    boolean negative = s.charAt(0) == '-';
    if (negative) {
      i = 1;
    }
    long digits = 0;
    int nd = 0;
    int fracLen = 0;
    int exp = 0;
    boolean point = false;
    boolean sci = false;
    for (; i < len; i++) {
      char c = s.charAt(i);
      if (c == '.') {
        point = true;
      } else if (c == 'E') {
        exp = Integer.parseInt(s, i + 1, len, 10);
        sci = true;
        break;
      } else {
        int d = c - '0';
        if (point) {
          fracLen++;
        }
        if (nd == 0 && d == 0) {
          continue;
        }
        if (nd == 18) {
          return reprSlow(v, s); // more digits than a long holds: never seen, but stay correct
        }
        digits = digits * 10 + d;
        nd++;
      }
    }
    int q = exp - fracLen; // |v| == digits * 10^q
    while (digits % 10 == 0) {
      digits /= 10;
      q++;
      nd--;
    }
    boolean subnormal = Math.abs(v) < Double.MIN_NORMAL;
    if (nd <= 15 && !sci && !subnormal) {
      // Java's plain range [1e-3, 1e7) lies inside Python's fixed range, and a decimal of at most
      // 15 significant digits that reads back to v is the only one of its length: s is repr(v).
      return s;
    }
    if (nd >= 16 || subnormal) {
      // Java 17's Double.toString is sometimes longer than needed (JDK-4511638), and subnormals
      // have fewer significant bits: try one digit fewer while the result still reads back to v.
      double abs = Math.abs(v);
      while (nd > 1) {
        long head = digits / 10;
        int rem = (int) (digits % 10);
        long first;
        long second = -1;
        if (rem > 5) {
          first = head + 1;
        } else if (rem < 5) {
          first = head;
        } else {
          first = (head & 1) == 0 ? head : head + 1; // exact tie: the even candidate first
          second = first == head ? head + 1 : head;
        }
        long found = -1;
        int foundQ = 0;
        for (long cand : new long[] {first, second}) {
          if (cand <= 0) {
            continue;
          }
          long c = cand;
          int cq = q + 1;
          while (c % 10 == 0) {
            c /= 10;
            cq++;
          }
          if (value(c, cq) == abs) {
            found = c;
            foundQ = cq;
            break;
          }
        }
        if (found < 0) {
          break;
        }
        digits = found;
        q = foundQ;
        nd = Long.toString(digits).length();
      }
    }
    return format(negative, Long.toString(digits), q);
  }

  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  /**
   * The double nearest to c * 10^p: exact with one IEEE operation when c < 2^53 and |p| <= 22
   * (Clinger's fast path: both operands exact, one correctly rounded operation), else parsed.
   */
  private static double value(long c, int p) {
    if (c < (1L << 53) && p >= -22 && p <= 22) {
      return p >= 0 ? c * POW10[p] : c / POW10[-p];
    }
    return Double.parseDouble(c + "E" + p);
  }

  /** The digit-string version of {@link #repr(double)}, for outputs longer than 18 digits. */
  private static String reprSlow(double v, String s) {
    boolean negative = v < 0;
    int ePos = s.indexOf('E');
    int mantEnd = ePos < 0 ? s.length() : ePos;
    int exp = ePos < 0 ? 0 : Integer.parseInt(s, ePos + 1, s.length(), 10);
    StringBuilder all = new StringBuilder(24);
    int fracLen = 0;
    boolean afterPoint = false;
    for (int i = negative ? 1 : 0; i < mantEnd; i++) {
      char c = s.charAt(i);
      if (c == '.') {
        afterPoint = true;
      } else {
        all.append(c);
        if (afterPoint) {
          fracLen++;
        }
      }
    }
    int lead = 0;
    while (lead < all.length() - 1 && all.charAt(lead) == '0') {
      lead++;
    }
    int end = all.length();
    int trailing = 0;
    while (end - 1 > lead && all.charAt(end - 1) == '0') {
      end--;
      trailing++;
    }
    String digits = all.substring(lead, end);
    int q = trailing - fracLen + exp;
    double abs = Math.abs(v);
    while (digits.length() > 1) {
      String[] candidates = roundCandidates(digits, digits.length() - 1);
      String found = null;
      int foundQ = 0;
      for (String cand : candidates) {
        if (cand == null) {
          continue;
        }
        String stripped = stripTrailingZeros(cand);
        int sq = q + 1 + (cand.length() - stripped.length());
        if (parse(stripped, sq) == abs) {
          found = stripped;
          foundQ = sq;
          break;
        }
      }
      if (found == null) {
        break;
      }
      digits = found;
      q = foundQ;
    }
    return format(negative, digits, q);
  }

  /** Rounds a digit string to n digits: the nearest first, then for an exact tie the other one. */
  private static String[] roundCandidates(String digits, int n) {
    String head = digits.substring(0, n);
    String rest = digits.substring(n);
    String up = increment(head);
    char first = rest.charAt(0);
    boolean tie = first == '5' && rest.substring(1).chars().allMatch(c -> c == '0');
    if (tie) {
      // Prefer the even candidate, as correct rounding would.
      boolean headEven = (head.charAt(head.length() - 1) - '0') % 2 == 0;
      return headEven ? new String[] {head, up} : new String[] {up, head};
    }
    return first >= '5' ? new String[] {up, null} : new String[] {head, null};
  }

  /** Adds one unit in the last place of a digit string; "999" becomes "1000". */
  private static String increment(String head) {
    char[] c = head.toCharArray();
    int i = c.length - 1;
    while (i >= 0 && c[i] == '9') {
      c[i] = '0';
      i--;
    }
    if (i < 0) {
      return "1" + new String(c);
    }
    c[i]++;
    return new String(c);
  }

  private static String stripTrailingZeros(String d) {
    int end = d.length();
    while (end > 1 && d.charAt(end - 1) == '0') {
      end--;
    }
    return d.substring(0, end);
  }

  private static double parse(String digits, int q) {
    return Double.parseDouble(digits + "E" + q);
  }

  private static String format(boolean negative, String digits, int q) {
    int n = digits.length();
    int e = q + n - 1; // scientific exponent: d.ddd x 10^e
    StringBuilder sb = new StringBuilder(n + 8);
    if (negative) {
      sb.append('-');
    }
    if (e >= -4 && e < 16) {
      if (e >= n - 1) {
        sb.append(digits);
        sb.append("0".repeat(e - (n - 1)));
        sb.append(".0");
      } else if (e >= 0) {
        sb.append(digits, 0, e + 1).append('.').append(digits, e + 1, n);
      } else {
        sb.append("0.").append("0".repeat(-e - 1)).append(digits);
      }
    } else {
      sb.append(digits.charAt(0));
      if (n > 1) {
        sb.append('.').append(digits, 1, n);
      }
      sb.append('e').append(e < 0 ? '-' : '+');
      int abs = Math.abs(e);
      if (abs < 10) {
        sb.append('0');
      }
      sb.append(abs);
    }
    return sb.toString();
  }

  /**
   * Reads a value as Python's {@code float()} does for the values found in metric files: decimal
   * and scientific notation, {@code nan}, {@code inf} and {@code infinity} in any case with an
   * optional sign.
   *
   * @throws NumberFormatException if the text is not such a value
   */
  public static double parse(String text) {
    String t = text;
    String unsigned = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
    boolean neg = t.startsWith("-");
    if (unsigned.equalsIgnoreCase("nan")) {
      return Double.NaN;
    }
    if (unsigned.equalsIgnoreCase("inf") || unsigned.equalsIgnoreCase("infinity")) {
      return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (unsigned.isEmpty()) {
      throw new NumberFormatException("empty number: '" + text + "'");
    }
    for (int i = 0; i < unsigned.length(); i++) {
      char c = unsigned.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
      if (!ok) {
        throw new NumberFormatException("not a Python float: '" + text + "'");
      }
    }
    return Double.parseDouble(t);
  }

  /**
   * @return the exact decimal value of v, for diagnostics
   */
  static String exact(double v) {
    return new BigDecimal(v).toString();
  }
}
