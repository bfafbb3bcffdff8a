package org.mlops4j.api.internal;

import java.nio.charset.StandardCharsets;
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
 *   <li>not empty, at most {@value #MAX_KEY_LENGTH} characters (code points, as MLflow counts
 *       them);
 *   <li>no invisible character: the format characters (Unicode category Cf: zero-width space
 *       U+200B, zero-width non-joiner and joiner U+200C and U+200D, word joiner U+2060, byte order
 *       mark U+FEFF, soft hyphen, the bidirectional controls...), the combining grapheme joiner
 *       U+034F, the variation selectors and the Hangul fillers: {@code loss} and {@code lo},
 *       U+200B, {@code ss} look the same to a person;
 *   <li>no lone surrogate and no non-character (U+FDD0..U+FDEF and the last two code points of
 *       every plane, U+FFFE, U+FFFF, U+1FFFE, ...): a lone surrogate has no UTF-8 form (Java would
 *       write {@code ?}), and PyYAML refuses non-characters in the files that name them;
 *   <li>in Unicode normalization form NFC: {@code café} spelt with U+00E9 and spelt with {@code e}
 *       and the combining acute accent U+0301 are one name to a person and to macOS's file systems,
 *       two to Linux's;
 *   <li>MLflow's key pattern as MLflow runs it on Windows, {@value #KEY_REGEX}, with {@code \w} the
 *       characters that MLflow's (Python 3.11's {@code re}, {@link PythonWord}) {@code \w} matches
 *       and that Java 17 also calls letters (Unicode category L), decimal digits (Nd) or letter
 *       numbers (Nl), and {@code _}. Refused although MLflow's POSIX rule accepts them: the colon
 *       (MLflow refuses it on Windows), the other numbers ({@code ²}, {@code ①}, {@code ½}:
 *       category No) and letters that Unicode 14 added and Java 17 does not know;
 *   <li>a normalised relative path: no leading or trailing {@code /}, no empty, {@code .} or {@code
 *       ..} segment, not starting with {@code ..} (MLflow's {@code path_not_unique});
 *   <li>no segment longer than {@value #MAX_SEGMENT_BYTES} bytes in UTF-8: each segment is a file
 *       or folder name;
 *   <li>no segment that Windows reserves for a device: {@code CON}, {@code PRN}, {@code AUX},
 *       {@code NUL}, {@code COM0}..{@code COM9}, {@code LPT0}..{@code LPT9}, in any case, also with
 *       an extension ({@code aux.txt}, {@code NUL.tar.gz}): such a file cannot be created or copied
 *       there;
 *   <li>no segment that ends in {@code .} or a space: Windows drops them, so {@code a.} and {@code
 *       a} are one file there.
 * </ol>
 *
 * Rules 2 to 5 and 7 to 9 are stricter than MLflow's own checks (rule 5 as Python reads it already
 * refuses the decomposed accents and zero-width characters); every written key is one MLflow reads
 * (NamesTest checks it for every code point). Such names are <b>rejected, never normalised</b>: a
 * normalised name would be stored under another key than the one the caller logged and looks up,
 * and MLflow, which writes keys as they are given, would not find it under the caller's key either.
 * NFC is checked with {@link Normalizer}; to log a decomposed name, pass {@code
 * Normalizer.normalize(name, Normalizer.Form.NFC)}. Two names that differ only in case ({@code
 * Loss} and {@code loss}) are still two keys, as in MLflow; on a case-insensitive file system
 * (macOS, Windows) they share one file.
 *
 * <h2>What is looked up: {@link #validateLookupKey}</h2>
 *
 * A key that only reads (a metric's history, the best run by a metric) follows MLflow's POSIX rule
 * exactly (rules 1, 6 and {@value #LOOKUP_KEY_REGEX} with Python's {@code \w}, for every code
 * point): a store written by MLflow may hold a key such as {@code val:loss}, {@code x²}, {@code
 * loss.} or {@code aux}, and reading it must not fail. Rule 6 is what keeps a lookup inside the
 * store.
 *
 * <p>Every message shows the name with control, format and combining characters escaped (a
 * backslash, {@code u} and four hexadecimal digits), so that it can be read and is safe to print on
 * a terminal.
 */
public final class Names {

  /**
   * The pattern of the keys this library writes: MLflow's pattern on Windows, which is its POSIX
   * pattern {@value #LOOKUP_KEY_REGEX} without the colon.
   */
  public static final String KEY_REGEX = "^[/\\w.\\- ]*$";

  /**
   * MLflow's pattern for param, metric and tag keys on POSIX systems ({@code
   * validate_param_and_metric_name}), {@code \w} as Python's {@code re} reads it: the rule of
   * lookups.
   */
  public static final String LOOKUP_KEY_REGEX = "^[/\\w.\\- :]*$";

  /** Longest key MLflow accepts, in characters (code points, as Python counts them). */
  public static final int MAX_KEY_LENGTH = 250;

  /** Longest file or folder name on ext4, XFS, APFS and NTFS, in bytes of UTF-8. */
  public static final int MAX_SEGMENT_BYTES = 255;

  /** Java's Unicode {@code \w}, only to choose the message of a refused character. */
  private static final Pattern JAVA_WORD = Pattern.compile("\\w", Pattern.UNICODE_CHARACTER_CLASS);

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
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      if ((cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) || isNonCharacter(cp)) {
        throw new IllegalArgumentException(
            what
                + " must not contain a lone surrogate or a non-character (U+FFFE, U+FFFF,"
                + " U+FDD0..U+FDEF, the last two of every plane): they cannot be written to a file"
                + " name in UTF-8 or read by PyYAML, but was '"
                + printable(name)
                + "'");
      }
      i += Character.charCount(cp);
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
    boolean javaOrPythonWord = true;
    boolean written = true;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      if (!isKeyCharacter(cp)) {
        written = false;
        if (!isLookupKeyCharacter(cp) && !JAVA_WORD.matcher(Character.toString(cp)).matches()) {
          javaOrPythonWord = false;
        }
      }
      i += Character.charCount(cp);
    }
    if (!written && !javaOrPythonWord) {
      throw new IllegalArgumentException(
          what
              + " must match "
              + KEY_REGEX
              + " (letters, digits, '_', '-', '.', '/' and space), but was '"
              + printable(name)
              + "'");
    }
    if (!written) {
      throw new IllegalArgumentException(
          what
              + " must match "
              + KEY_REGEX
              + " as MLflow (Python) reads \\w and Java 17 knows it: letters, decimal digits and"
              + " letter numbers, but no combining marks, no connector punctuation other than '_',"
              + " no other numbers such as '\u00b2', no ':' (MLflow refuses it on Windows), but was"
              + " '"
              + printable(name)
              + "'");
    }
    checkNormalisedPath(what, name);
    for (String segment : name.split("/", -1)) {
      int bytes = segment.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_SEGMENT_BYTES) {
        throw new IllegalArgumentException(
            what
                + " must have segments of at most "
                + MAX_SEGMENT_BYTES
                + " bytes in UTF-8 (the longest file name), but was "
                + bytes
                + " bytes long in a segment: '"
                + printable(shortened(name))
                + "'");
      }
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
    checkNoLeadingDots(what, name);
    return name;
  }

  /**
   * Checks a key that only looks up something already stored (a metric's history, the best run by a
   * metric): exactly MLflow's rule on POSIX systems (not empty, at most {@value #MAX_KEY_LENGTH}
   * characters, {@value #LOOKUP_KEY_REGEX} with {@code \w} as Python 3.11's {@code re} reads it,
   * and not {@code path_not_unique}: {@code posixpath.normpath} leaves it unchanged and it does not
   * start with {@code ..} or {@code /}), so that every key a store written by MLflow may hold can
   * be read, and none leads out of the store.
   *
   * @param what what the name is, for the message, e.g. {@code "metric key"}
   * @param name the name
   * @return the name
   * @throws NullPointerException {@code "<what> must not be null"}
   * @throws IllegalArgumentException naming {@code what}, the rule and the name if it is not valid
   */
  public static String validateLookupKey(String what, String name) {
    checkLengthAndNull(what, name);
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      if (!isLookupKeyCharacter(cp)) {
        throw new IllegalArgumentException(
            what
                + " must match "
                + LOOKUP_KEY_REGEX
                + " (MLflow's rule, \\w as Python reads it: letters, digits, '_', '-', '.', '/',"
                + " ':' and space), but was '"
                + printable(name)
                + "'");
      }
      i += Character.charCount(cp);
    }
    checkNormalisedPath(what, name);
    checkNoLeadingDots(what, name);
    return name;
  }

  /**
   * @param cp a code point
   * @return whether MLflow's key pattern {@value #LOOKUP_KEY_REGEX} accepts it (Python 3.11's
   *     {@code \w}, {@code /}, {@code .}, {@code -}, space, {@code :})
   */
  static boolean isLookupKeyCharacter(int cp) {
    return cp == '/' || cp == '.' || cp == '-' || cp == ' ' || cp == ':' || PythonWord.isWord(cp);
  }

  /**
   * @param cp a code point
   * @return whether a written key may hold it: {@link #isLookupKeyCharacter} but not {@code :}, and
   *     for {@code \w} only what Java 17 also calls a letter, a decimal digit or a letter number
   *     (or {@code _})
   */
  static boolean isKeyCharacter(int cp) {
    if (cp == '/' || cp == '.' || cp == '-' || cp == ' ' || cp == '_') {
      return true;
    }
    if (!PythonWord.isWord(cp)) {
      return false;
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER ->
          true;
      default -> false;
    };
  }

  /**
   * @param cp a code point
   * @return whether it is a Unicode non-character: U+FDD0..U+FDEF and the last two code points of
   *     every plane (U+FFFE, U+FFFF, U+1FFFE, ...)
   */
  static boolean isNonCharacter(int cp) {
    return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
  }

  private static String shortened(String name) {
    int cps = name.codePointCount(0, name.length());
    return cps <= 40 ? name : name.substring(0, name.offsetByCodePoints(0, 40)) + "...";
  }

  private static void checkLengthAndNull(String what, String name) {
    if (name == null) {
      throw new NullPointerException(what + " must not be null");
    }
    if (name.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    int length = name.codePointCount(0, name.length());
    if (length > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          what
              + " must be at most "
              + MAX_KEY_LENGTH
              + " characters long, but was "
              + length
              + " characters long: '"
              + printable(name.substring(0, name.offsetByCodePoints(0, 40)))
              + "...'");
    }
  }

  private static void checkNoLeadingDots(String what, String name) {
    if (name.startsWith("..")) {
      throw new IllegalArgumentException(
          what
              + " must not start with '..' (MLflow's path_not_unique refuses it), but was '"
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
