package org.mlops4j.api.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validation of names that become paths in a store (param, metric and tag keys, seed names,
 * artifact paths and the names of logged files) and of ids read from callers, before they touch the
 * file system. Path traversal through such names was the root of CVE-2023-1177, CVE-2023-2356,
 * CVE-2023-2780, CVE-2023-6730, CVE-2023-6831 and CVE-2024-1560 in MLflow.
 *
 * <h2>What is written: {@link #validateKey}</h2>
 *
 * A name is checked in this order; the first rule it breaks is named in the {@link
 * IllegalArgumentException}:
 *
 * <ol>
 *   <li>not empty, at most {@value #MAX_KEY_LENGTH} characters (MLflow's limit);
 *   <li>no invisible character: the format characters (Unicode category Cf: zero-width space
 *       U+200B, zero-width non-joiner and joiner U+200C and U+200D, word joiner U+2060, byte order
 *       mark U+FEFF, soft hyphen, the bidirectional controls...), the combining grapheme joiner
 *       U+034F, the variation selectors and the Hangul fillers: {@code loss} and {@code lo},
 *       U+200B, {@code ss} look the same to a person;
 *   <li>in Unicode normalization form NFC: {@code café} spelt with U+00E9 and spelt with {@code e}
 *       and the combining acute accent U+0301 are one name to a person and to macOS's file systems,
 *       two to Linux's;
 *   <li>MLflow's key pattern {@value #KEY_REGEX}, with {@code \w} the characters that both MLflow's
 *       (Python's {@code re}) and Java's {@code \w} match: letters (Unicode category L), decimal
 *       digits (Nd), letter numbers (Nl) and {@code _}. Java's {@code \w} with {@link
 *       Pattern#UNICODE_CHARACTER_CLASS} also matches the combining marks, connector punctuation
 *       and the joiners U+200C and U+200D, which MLflow refuses; Python's also matches other
 *       numbers such as {@code ²}, which this class never accepted;
 *   <li>a normalised relative path: no leading or trailing {@code /}, no empty, {@code .} or {@code
 *       ..} segment (MLflow's {@code path_not_unique});
 *   <li>no segment that Windows reserves for a device: {@code CON}, {@code PRN}, {@code AUX},
 *       {@code NUL}, {@code COM0}..{@code COM9}, {@code LPT0}..{@code LPT9}, in any case, also with
 *       an extension ({@code aux.txt}, {@code NUL.tar.gz}): such a file cannot be created or copied
 *       there;
 *   <li>no segment that ends in {@code .} or a space: Windows drops them, so {@code a.} and {@code
 *       a} are one file there.
 * </ol>
 *
 * Rules 2, 3, 6 and 7 are stricter than MLflow's own checks (rule 4 as Python reads it already
 * refuses the decomposed accents and zero-width characters). Such names are <b>rejected, never
 * normalised</b>: a normalised name would be stored under another key than the one the caller
 * logged and looks up, and MLflow, which writes keys as they are given, would not find it under the
 * caller's key either. NFC is checked with {@link Normalizer}; to log a decomposed name, pass
 * {@code Normalizer.normalize(name, Normalizer.Form.NFC)}. Two names that differ only in case
 * ({@code Loss} and {@code loss}) are still two keys, as in MLflow; on a case-insensitive file
 * system (macOS, Windows) they share one file.
 *
 * <h2>What is looked up: {@link #validateLookupKey}</h2>
 *
 * A key that only reads (a metric's history, the best run by a metric) follows MLflow's rule alone
 * (rules 1, 4 with Java's Unicode {@code \w}, and 5), the rule this class applied to every name
 * before the stricter ones: a store written by MLflow may hold a key such as {@code loss.} or
 * {@code aux}, and reading it must not fail. Rule 5 is what keeps a lookup inside the store.
 *
 * <p>Every message shows the name with control, format and combining characters escaped (a
 * backslash, {@code u} and four hexadecimal digits), so that it can be read and is safe to print on
 * a terminal.
 */
public final class Names {

  /** MLflow's pattern for param, metric and tag keys. */
  public static final String KEY_REGEX = "^[/\\w.\\- ]*$";

  /** Longest key MLflow accepts. */
  public static final int MAX_KEY_LENGTH = 250;

  /** {@link #KEY_REGEX} with Java's Unicode {@code \w}: the rule of lookups. */
  private static final Pattern KEY = Pattern.compile(KEY_REGEX, Pattern.UNICODE_CHARACTER_CLASS);

  /** {@link #KEY_REGEX} with {@code \w} as Python reads it (letters, decimal digits, Nl, _). */
  private static final Pattern KEY_AS_MLFLOW_READS_IT =
      Pattern.compile("^[/\\p{L}\\p{Nd}\\p{Nl}_.\\- ]*$");

  private static final Pattern RUN_ID = Pattern.compile("^[a-zA-Z0-9][\\w\\-]{0,255}$");
  private static final Pattern EXPERIMENT_ID = Pattern.compile("^[a-zA-Z0-9][\\w\\-]{0,63}$");

  /** The device names Windows reserves, upper case; COM0 and LPT0 as in Microsoft's list. */
  private static final Set<String> WINDOWS_DEVICES =
      Set.of(
          "CON",
          "PRN",
          "AUX",
          "NUL",
          "COM0",
          "COM1",
          "COM2",
          "COM3",
          "COM4",
          "COM5",
          "COM6",
          "COM7",
          "COM8",
          "COM9",
          "COM\u00b9",
          "COM\u00b2",
          "COM\u00b3",
          "LPT0",
          "LPT1",
          "LPT2",
          "LPT3",
          "LPT4",
          "LPT5",
          "LPT6",
          "LPT7",
          "LPT8",
          "LPT9",
          "LPT\u00b9",
          "LPT\u00b2",
          "LPT\u00b3");

  private Names() {}

  /**
   * Checks a key or relative path that is about to be written: all the rules of the class
   * description.
   *
   * @param what what the name is, for the message, e.g. {@code "metric key"}
   * @param name the name
   * @return the name
   * @throws NullPointerException {@code "<what> must not be null"}
   * @throws IllegalArgumentException naming {@code what}, the rule and the name if it is not valid
   */
  public static String validateKey(String what, String name) {
    checkLengthAndNull(what, name);
    int invisible = firstInvisible(name);
    if (invisible >= 0) {
      throw new IllegalArgumentException(
          what
              + " must not contain invisible characters (zero-width spaces and joiners, word"
              + " joiner, byte order mark, other format characters, variation selectors), but was '"
              + printable(name)
              + "'");
    }
    if (!Normalizer.isNormalized(name, Normalizer.Form.NFC)) {
      throw new IllegalArgumentException(
          what
              + " must be in Unicode normalization form NFC ('"
              + printable(Normalizer.normalize(name, Normalizer.Form.NFC))
              + "'), but was '"
              + printable(name)
              + "'");
    }
    checkPattern(what, name);
    if (!KEY_AS_MLFLOW_READS_IT.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what
              + " must match "
              + KEY_REGEX
              + " as MLflow (Python) reads \\w: letters and digits, but no combining marks or"
              + " connector punctuation other than '_', but was '"
              + printable(name)
              + "'");
    }
    checkNormalisedPath(what, name);
    for (String segment : name.split("/", -1)) {
      if (isWindowsDevice(segment)) {
        throw new IllegalArgumentException(
            what
                + " must not have a segment that Windows reserves for a device (CON, PRN, AUX, NUL,"
                + " COM0-COM9, LPT0-LPT9, in any case, also with an extension), but was '"
                + printable(name)
                + "'");
      }
      if (segment.endsWith(".") || segment.endsWith(" ")) {
        throw new IllegalArgumentException(
            what
                + " must not have a segment that ends in '.' or ' ' (Windows drops them, so 'a.'"
                + " and 'a' are one file there), but was '"
                + printable(name)
                + "'");
      }
    }
    return name;
  }

  /**
   * Checks a key that only looks up something already stored (a metric's history, the best run by a
   * metric): MLflow's rule alone (not empty, at most {@value #MAX_KEY_LENGTH} characters, {@value
   * #KEY_REGEX} with Java's Unicode {@code \w}, a normalised relative path), so that every key a
   * store written by MLflow may hold can be read, and none leads out of the store.
   *
   * @param what what the name is, for the message, e.g. {@code "metric key"}
   * @param name the name
   * @return the name
   * @throws NullPointerException {@code "<what> must not be null"}
   * @throws IllegalArgumentException naming {@code what}, the rule and the name if it is not valid
   */
  public static String validateLookupKey(String what, String name) {
    checkLengthAndNull(what, name);
    checkPattern(what, name);
    checkNormalisedPath(what, name);
    return name;
  }

  private static void checkLengthAndNull(String what, String name) {
    if (name == null) {
      throw new NullPointerException(what + " must not be null");
    }
    if (name.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    if (name.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          what
              + " must be at most "
              + MAX_KEY_LENGTH
              + " characters long, but was "
              + name.length()
              + " characters long: '"
              + printable(name.substring(0, 40))
              + "...'");
    }
  }

  private static void checkPattern(String what, String name) {
    if (!KEY.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what
              + " must match "
              + KEY_REGEX
              + " (letters, digits, '_', '-', '.', '/' and space), but was '"
              + printable(name)
              + "'");
    }
  }

  private static void checkNormalisedPath(String what, String name) {
    if (!isNormalisedRelativePath(name)) {
      throw new IllegalArgumentException(
          what
              + " must match "
              + KEY_REGEX
              + " and be a normalised relative path (no leading '/', no '.' or '..' segment, no"
              + " '//'), but was '"
              + printable(name)
              + "'");
    }
  }

  /**
   * @return whether the name is a relative POSIX path equal to its normal form: no leading or
   *     trailing {@code /}, no empty, {@code .} or {@code ..} segment
   */
  public static boolean isNormalisedRelativePath(String name) {
    if (name.startsWith("/") || name.endsWith("/")) {
      return false;
    }
    int start = 0;
    while (start <= name.length()) {
      int slash = name.indexOf('/', start);
      int end = slash < 0 ? name.length() : slash;
      String seg = name.substring(start, end);
      if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
        return false;
      }
      if (slash < 0) {
        break;
      }
      start = slash + 1;
    }
    return true;
  }

  /**
   * @return whether a path segment names a Windows device: its part before the first {@code .},
   *     trailing spaces removed, is {@code CON}, {@code PRN}, {@code AUX}, {@code NUL}, {@code
   *     COM0}..{@code COM9} or {@code LPT0}..{@code LPT9} (also with a superscript 1, 2 or 3), in
   *     any case
   */
  public static boolean isWindowsDevice(String segment) {
    int dot = segment.indexOf('.');
    String stem = dot < 0 ? segment : segment.substring(0, dot);
    int end = stem.length();
    while (end > 0 && stem.charAt(end - 1) == ' ') {
      end--;
    }
    stem = stem.substring(0, end);
    return stem.length() >= 3
        && stem.length() <= 4
        && WINDOWS_DEVICES.contains(stem.toUpperCase(Locale.ROOT));
  }

  /**
   * @return the index of the first invisible character of the name (a format character, the
   *     combining grapheme joiner, a variation selector, a Hangul filler, a Mongolian free
   *     variation selector, a Khmer inherent vowel), or -1
   */
  static int firstInvisible(String name) {
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      if (isInvisible(cp)) {
        return i;
      }
      i += Character.charCount(cp);
    }
    return -1;
  }

  /** Unicode's Default_Ignorable_Code_Point, as far as the JDK's character data tell it. */
  private static boolean isInvisible(int cp) {
    return Character.getType(cp) == Character.FORMAT
        || cp == 0x034F // combining grapheme joiner
        || (cp >= 0x180B && cp <= 0x180F) // Mongolian free variation selectors
        || (cp >= 0xFE00 && cp <= 0xFE0F) // variation selectors
        || (cp >= 0xE0100 && cp <= 0xE01EF) // variation selectors supplement
        || cp == 0x115F
        || cp == 0x1160
        || cp == 0x3164
        || cp == 0xFFA0 // Hangul fillers
        || cp == 0x17B4
        || cp == 0x17B5; // Khmer inherent vowels
  }

  /**
   * The name as it can be shown in a message: control, format, combining, invisible and non-space
   * whitespace characters escaped as a backslash, {@code u} and four hexadecimal digits (each
   * UTF-16 unit), every other character as it is.
   *
   * @param name the name
   * @return the printable form
   */
  public static String printable(String name) {
    StringBuilder sb = null;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      int n = Character.charCount(cp);
      if (needsEscape(cp)) {
        if (sb == null) {
          sb = new StringBuilder(name.length() + 16).append(name, 0, i);
        }
        for (int k = i; k < i + n; k++) {
          sb.append(String.format(Locale.ROOT, "\\u%04X", (int) name.charAt(k)));
        }
      } else if (sb != null) {
        sb.append(name, i, i + n);
      }
      i += n;
    }
    return sb == null ? name : sb.toString();
  }

  private static boolean needsEscape(int cp) {
    if (cp == ' ') {
      return false;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR,
          Character.UNASSIGNED,
          Character.PRIVATE_USE,
          Character.SURROGATE ->
          true;
      default -> isInvisible(cp);
    };
  }

  /**
   * @return the run id
   * @throws NullPointerException if it is null
   * @throws IllegalArgumentException if it is not {@code ^[a-zA-Z0-9][\w\-]{0,255}$} (MLflow's)
   */
  public static String validateRunId(String runId) {
    Require.nonNull(runId, "run id");
    if (!RUN_ID.matcher(runId).matches()) {
      throw new IllegalArgumentException(
          "run id must match ^[a-zA-Z0-9][\\w\\-]{0,255}$, but was '" + printable(runId) + "'");
    }
    return runId;
  }

  /**
   * @return whether the folder name can be an experiment id ({@code ^[a-zA-Z0-9][\w-]{0,63}$})
   */
  public static boolean isExperimentId(String id) {
    return id != null && EXPERIMENT_ID.matcher(id).matches();
  }

  /**
   * @return whether the folder name can be a run id
   */
  public static boolean isRunId(String id) {
    return id != null && RUN_ID.matcher(id).matches();
  }
}
