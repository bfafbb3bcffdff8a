package org.mlops4j.privacy.internal;

import java.util.ArrayList;
import java.util.List;
import org.mlops4j.api.MlopsException;

/**
 * CSV as RFC 4180 writes it: fields separated by commas, records by CRLF or LF, a field with a
 * comma, a quote or a line break in double quotes, a quote inside doubled. The first record is the
 * header.
 */
public final class Csv {
  private Csv() {}

  /**
   * Parses CSV text into records.
   *
   * @param text the text
   * @param source where it came from, for messages
   * @return the records, the header first
   * @throws MlopsException {@code <source>: not CSV: <why>} on an unclosed quote
   */
  public static List<List<String>> parse(String text, String source) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int n = text.length();
    int start = text.startsWith("\uFEFF") ? 1 : 0;
    for (int i = start; i < n; i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
        continue;
      }
      switch (c) {
        case '"' -> {
          quoted = true;
          any = true;
        }
        case ',' -> {
          record.add(field.toString());
          field.setLength(0);
          any = true;
        }
        case '\r' -> {
          // part of CRLF; a lone CR is kept out as well
        }
        case '\n' -> {
          record.add(field.toString());
          field.setLength(0);
          records.add(record);
          record = new ArrayList<>();
          any = false;
        }
        default -> {
          field.append(c);
          any = true;
        }
      }
    }
    if (quoted) {
      throw new MlopsException(source + ": not CSV: a quoted field is not closed");
    }
    if (any || field.length() > 0) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }

  /**
   * @param records the records, the header first
   * @return CSV text, LF line ends, fields quoted only where needed
   */
  public static String write(List<List<String>> records) {
    StringBuilder sb = new StringBuilder();
    for (List<String> r : records) {
      for (int i = 0; i < r.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        String f = r.get(i);
        if (f.indexOf(',') >= 0
            || f.indexOf('"') >= 0
            || f.indexOf('\n') >= 0
            || f.indexOf('\r') >= 0) {
          sb.append('"').append(f.replace("\"", "\"\"")).append('"');
        } else {
          sb.append(f);
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
