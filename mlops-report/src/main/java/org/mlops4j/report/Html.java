package org.mlops4j.report;

import org.mlops4j.api.internal.Require;

/**
 * HTML escaping for text and attribute values, the one copy every report uses: {@code & < > " '}
 * become {@code &amp; &lt; &gt; &quot; &#39;} (the five characters OWASP's rule #1 names), so text
 * from data (a feature, group or file name) cannot open a tag or leave a quoted attribute.
 *
 * @since 0.1.0
 */
public final class Html {
  private Html() {}

  /**
   * @return the text with {@code & < > " '} escaped
   * @throws NullPointerException when text is null
   */
  public static String escape(String text) {
    Require.nonNull(text, "text");
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String rep =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (rep != null) {
        if (sb == null) {
          sb = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        sb.append(rep);
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? text : sb.toString();
  }
}
