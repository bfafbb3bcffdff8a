package org.mlops4j.cli.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.Require;

/**
 * A streaming RFC 4180 record reader: one record in memory at a time, fields decoded lazily.
 *
 * <p>Grammar (RFC 4180, section 2, made lenient where files in the wild differ): records end with
 * CRLF, LF or CR; a field is either unquoted text without quotes, delimiters or line breaks, or a
 * double-quoted text in which {@code ""} is one quote and delimiters and line breaks are literal.
 * The delimiter is a comma unless another is given (a semicolon, a tab, a pipe...). A final line
 * break before end of input is optional; a blank line (not inside quotes) is skipped. A leading
 * UTF-8 byte-order mark is dropped. A quote inside an unquoted field, text after a closing quote,
 * or end of input inside quotes is a format error naming the line.
 *
 * <p>Hand-written rather than jackson-dataformat-csv so that the tool streams with one reusable
 * character buffer, creates a {@code String} only for the cells a command asks for, and can name
 * the record and physical line of every error without another dependency in the shaded jar.
 */
public final class CsvReader implements AutoCloseable {

  private static final int EOF = -1;

  private final Reader in;
  private final String source;
  private final char delimiter;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int limit;

  private char[] text = new char[256];
  private int textLength;
  private int[] fieldEnd = new int[16];
  private int fieldCount;

  private long line = 1; // physical line of the next character
  private long recordLine; // physical line where the current record starts
  private long recordNumber; // 1-based count of records returned, header included
  private boolean bomChecked;

  /**
   * @param in the characters to read; closed by {@link #close()}
   * @param source the file name used in error messages
   */
  public CsvReader(Reader in, String source) {
    this(in, source, ',');
  }

  /**
   * @param in the characters to read; closed by {@link #close()}
   * @param source the file name used in error messages
   * @param delimiter the field delimiter; not a quote or a line break
   */
  public CsvReader(Reader in, String source, char delimiter) {
    Require.argument(
        delimiter != '"' && delimiter != '\n' && delimiter != '\r',
        "delimiter",
        "neither a quote nor a line break",
        TerminalText.escape(String.valueOf(delimiter)));
    this.in = in;
    this.source = source;
    this.delimiter = delimiter;
  }

  /**
   * Reads the next record.
   *
   * @return false at end of input
   * @throws MlopsException on a read failure or a malformed record
   */
  public boolean next() {
    fieldCount = 0;
    textLength = 0;
    int c = read();
    if (!bomChecked) {
      bomChecked = true;
      if (c == '\uFEFF') {
        c = read();
      }
    }
    while (c == '\n' || c == '\r') { // blank lines between records
      newline(c);
      c = read();
    }
    if (c == EOF) {
      return false;
    }
    recordLine = line;
    recordNumber++;
    while (true) {
      if (c == '"') {
        c = quotedField();
      } else {
        while (c != delimiter && c != '\n' && c != '\r' && c != EOF) {
          if (c == '"') {
            throw error("a quote inside an unquoted field (quote the field and double the quote)");
          }
          append((char) c);
          c = read();
        }
      }
      endField();
      if (c == delimiter) {
        c = read();
        continue;
      }
      if (c == '\n' || c == '\r') {
        newline(c);
      }
      return true;
    }
  }

  /** Reads a quoted field whose opening quote was just consumed; returns the char after it. */
  private int quotedField() {
    long startLine = line;
    while (true) {
      int c = read();
      if (c == EOF) {
        throw new MlopsException(
            source
                + ": line "
                + startLine
                + ": a quoted field is never closed (end of file inside quotes)");
      }
      if (c == '"') {
        int d = read();
        if (d == '"') {
          append('"');
          continue;
        }
        if (d != delimiter && d != '\n' && d != '\r' && d != EOF) {
          throw error("text after the closing quote of a field");
        }
        return d;
      }
      if (c == '\n') {
        line++;
      } else if (c == '\r') {
        int d = peek();
        if (d != '\n') {
          line++;
        }
      }
      append((char) c);
    }
  }

  /** Finishes consuming a line break whose first char c was just read. */
  private void newline(int c) {
    line++;
    if (c == '\r' && peek() == '\n') {
      pos++;
    }
  }

  private void append(char ch) {
    if (textLength == text.length) {
      text = Arrays.copyOf(text, text.length * 2);
    }
    text[textLength++] = ch;
  }

  private void endField() {
    if (fieldCount == fieldEnd.length) {
      fieldEnd = Arrays.copyOf(fieldEnd, fieldEnd.length * 2);
    }
    fieldEnd[fieldCount++] = textLength;
  }

  private int read() {
    if (pos == limit && !fill()) {
      return EOF;
    }
    return buf[pos++];
  }

  private int peek() {
    if (pos == limit && !fill()) {
      return EOF;
    }
    return buf[pos];
  }

  private boolean fill() {
    try {
      int n = in.read(buf, 0, buf.length);
      if (n <= 0) {
        return false;
      }
      pos = 0;
      limit = n;
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new MlopsException(source + ": not valid UTF-8 text (save the file as UTF-8)", e);
    } catch (IOException e) {
      throw new MlopsException(source + ": cannot read: " + e.getMessage(), e);
    }
  }

  private MlopsException error(String problem) {
    return new MlopsException(source + ": line " + line + ": " + problem);
  }

  /**
   * @return the number of fields of the current record
   */
  public int fieldCount() {
    return fieldCount;
  }

  /**
   * @return field i of the current record, decoded
   */
  public String field(int i) {
    int start = i == 0 ? 0 : fieldEnd[i - 1];
    return new String(text, start, fieldEnd[i] - start);
  }

  /**
   * @return whether field i of the current record is empty
   */
  public boolean isEmpty(int i) {
    int start = i == 0 ? 0 : fieldEnd[i - 1];
    return fieldEnd[i] == start;
  }

  /**
   * Parses field i as a decimal number: optional sign, digits with an optional fraction, optional
   * exponent ({@code 1}, {@code -2.5}, {@code .5}, {@code 1e-3}). Surrounding spaces are allowed;
   * {@code NaN}, {@code Infinity}, hexadecimal and Java suffixes such as {@code 1d} are not
   * numbers.
   *
   * @return the value, or NaN if the field is not a number in that grammar, is empty, or overflows
   *     a double
   */
  public double number(int i) {
    int start = i == 0 ? 0 : fieldEnd[i - 1];
    int end = fieldEnd[i];
    while (start < end && text[start] == ' ') {
      start++;
    }
    while (end > start && text[end - 1] == ' ') {
      end--;
    }
    if (!isDecimal(text, start, end)) {
      return Double.NaN;
    }
    // Fast path for plain integers of up to 15 digits, exact in a double.
    int p = start;
    boolean negative = false;
    if (text[p] == '-' || text[p] == '+') {
      negative = text[p] == '-';
      p++;
    }
    if (end - p <= 15) {
      long v = 0;
      int q = p;
      while (q < end && text[q] >= '0' && text[q] <= '9') {
        v = v * 10 + (text[q] - '0');
        q++;
      }
      if (q == end) {
        return negative ? -(double) v : (double) v;
      }
    }
    double v = Double.parseDouble(new String(text, start, end - start));
    return Double.isInfinite(v) ? Double.NaN : v;
  }

  /**
   * Parses field i as an ISO-8601 date or date-time ({@link IsoTime}).
   *
   * @return the seconds since 1970-01-01T00:00Z, or NaN if the field is not a date
   */
  public double date(int i) {
    int start = i == 0 ? 0 : fieldEnd[i - 1];
    return IsoTime.epochSeconds(text, start, fieldEnd[i]);
  }

  static boolean isDecimal(char[] s, int start, int end) {
    int p = start;
    if (p < end && (s[p] == '+' || s[p] == '-')) {
      p++;
    }
    int digits = 0;
    while (p < end && s[p] >= '0' && s[p] <= '9') {
      p++;
      digits++;
    }
    if (p < end && s[p] == '.') {
      p++;
      while (p < end && s[p] >= '0' && s[p] <= '9') {
        p++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (p < end && (s[p] == 'e' || s[p] == 'E')) {
      p++;
      if (p < end && (s[p] == '+' || s[p] == '-')) {
        p++;
      }
      int expDigits = 0;
      while (p < end && s[p] >= '0' && s[p] <= '9') {
        p++;
        expDigits++;
      }
      if (expDigits == 0) {
        return false;
      }
    }
    return p == end;
  }

  /**
   * @return the physical line (1-based) where the current record starts
   */
  public long recordLine() {
    return recordLine;
  }

  /**
   * @return the 1-based number of the current record, the header being record 1
   */
  public long recordNumber() {
    return recordNumber;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new MlopsException(source + ": cannot close: " + e.getMessage(), e);
    }
  }
}
