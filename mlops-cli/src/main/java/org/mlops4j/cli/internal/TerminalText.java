package org.mlops4j.cli.internal;

import java.util.Locale;

/**
 * Text from data (run and experiment names, param and tag values, CSV column names and values, file
 * names, error messages that quote them) made safe for a terminal: {@link #escape(String)} writes
 * every character that could move the cursor, break a table's lines, change colours or the window
 * title, or reorder what the reader sees as a visible escape, so that a name prints as exactly one
 * line of ordinary characters. The command line's JSON is left exact (JSON escapes control
 * characters on its own); the terminal form is for reading only, and a backslash in the data is not
 * doubled.
 *
 * <p>What is escaped, and how:
 *
 * <ul>
 *   <li>line feed, carriage return and tab: backslash {@code n}, {@code r}, {@code t};
 *   <li>every other C0 control (U+0000 to U+001F), DEL (U+007F) and every C1 control (U+0080 to
 *       U+009F, among them the 8-bit CSI U+009B): backslash {@code x} and two lowercase hex digits,
 *       ESC (U+001B) as {@code \x1b};
 *   <li>the line and paragraph separators U+2028 and U+2029, the bidirectional embeddings and
 *       overrides U+202A to U+202E and the bidirectional isolates U+2066 to U+2069 (the "Trojan
 *       Source" characters): backslash {@code u} and four lowercase hex digits.
 * </ul>
 *
 * Everything else, including non-ASCII letters and emoji, is printed as it is.
 */
public final class TerminalText {

  private TerminalText() {}

  /**
   * @param text text that may come from data
   * @return the text with every character listed above escaped; the same string when there is none
   */
  public static String escape(String text) {
    int first = 0;
    while (first < text.length() && !needsEscape(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    sb.append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!needsEscape(c)) {
        sb.append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c <= 0x9f) {
        sb.append("\\x").append(String.format(Locale.ROOT, "%02x", (int) c));
      } else {
        sb.append("\\u").append(String.format(Locale.ROOT, "%04x", (int) c));
      }
    }
    return sb.toString();
  }

  /**
   * Escapes each line of a multi-line text (a library's {@code toString()} table) and ends it with
   * exactly one line feed.
   *
   * @param text lines separated by LF, CRLF or CR
   * @return each line escaped ({@link #escape(String)}), joined by LF, with one final LF
   */
  public static String escapeLines(String text) {
    String[] lines = text.split("\\R", -1);
    int end = lines.length;
    while (end > 0 && lines[end - 1].isEmpty()) {
      end--;
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < end; i++) {
      sb.append(escape(lines[i])).append('\n');
    }
    return sb.toString();
  }

  /**
   * @return whether {@link #escape(String)} escapes the character
   */
  static boolean needsEscape(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == 0x2028
        || c == 0x2029
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
  }
}
