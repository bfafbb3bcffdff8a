package org.mlops4j.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "loss",
        "train/loss",
        "path with space",
        "a.b-c_d",
        "température",
        "損失",
        "x/y/z",
        "a/..b",
        "a..b"
      })
  void validKeys_areAccepted(String key) {
    assertThat(Names.validateKey("metric key", key)).isEqualTo(key);
  }

  @Test
  void pathTraversal_isRejectedWithExactMessage() {
    assertThatThrownBy(() -> Names.validateKey("metric key", "../x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "metric key must match ^[/\\w.\\- ]*$ and be a normalised relative path (no leading"
                + " '/', no '.' or '..' segment, no '//'), but was '../x'");
  }

  @Test
  void forbiddenCharacter_isRejectedWithExactMessage() {
    assertThatThrownBy(() -> Names.validateKey("param key", "a;b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "param key must match ^[/\\w.\\- ]*$ (letters, digits, '_', '-', '.', '/' and space),"
                + " but was 'a;b'");
  }

  @Test
  void emptyName_isRejectedWithExactMessage() {
    assertThatThrownBy(() -> Names.validateKey("tag key", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tag key must not be empty");
  }

  @Test
  void nullName_isRejectedWithExactMessage() {
    assertThatThrownBy(() -> Names.validateKey("tag key", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("tag key must not be null");
  }

  @Test
  void nameLongerThan250_isRejectedWithExactMessage() {
    String longName = "a".repeat(251);
    assertThatThrownBy(() -> Names.validateKey("metric key", longName))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "metric key must be at most 250 characters long, but was 251 characters long: '"
                + "a".repeat(40)
                + "...'");
    assertThat(Names.validateKey("metric key", "a".repeat(250))).hasSize(250);
  }

  // CVE-2023-1177, -2356, -2780, -6730, -6831, CVE-2024-1560 came through names like these.
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/etc/passwd",
        "a\\b",
        "..\\x",
        "%2e%2e/x",
        "a//b",
        "a/./b",
        "a/",
        ".",
        "..",
        "x/../../y",
        "C:/x",
        "a\nb",
        "a\u0000b",
        "~/x",
        "a:b",
        "file:///etc"
      })
  void dangerousNames_areRejected(String name) {
    assertThatThrownBy(() -> Names.validateKey("artifact path", name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("artifact path must ");
  }

  @Test
  void runIds_areCheckedBeforeTouchingPaths() {
    assertThat(Names.validateRunId("0f90d402448544a18a627c7ff77b7637"))
        .isEqualTo("0f90d402448544a18a627c7ff77b7637");
    assertThatThrownBy(() -> Names.validateRunId("../0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("run id must match ^[a-zA-Z0-9][\\w\\-]{0,255}$, but was '../0'");
  }

  // Names that are one name to a person or to another file system (issue 11). MLflow's regex, as
  // Python evaluates it, refuses the decomposed and invisible ones too (checked with Python 3.11's
  // re module on the pattern and each of these names).

  @Test
  void aDecomposedName_isRejected_itsComposedSpellingAccepted() {
    assertThat(Names.validateKey("param key", "caf\u00e9")).isEqualTo("caf\u00e9");
    assertThatThrownBy(() -> Names.validateKey("param key", "cafe\u0301"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "param key must be in Unicode normalization form NFC ('caf\u00e9'), but was"
                + " 'cafe\\u0301'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a\u200bb", // zero-width space
        "a\u200cb", // zero-width non-joiner
        "a\u200db", // zero-width joiner
        "a\u2060b", // word joiner
        "\ufeffab", // byte order mark
        "a\u034fb", // combining grapheme joiner
        "a\ufe0fb", // variation selector 16
        "a\u00adb", // soft hyphen
        "a\u202eb" // right-to-left override
      })
  void invisibleCharacters_areRejectedNamingTheRule(String name) {
    assertThatThrownBy(() -> Names.validateKey("metric key", name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("metric key must not contain invisible characters");
  }

  @Test
  void anInvisibleCharacter_isShownEscapedInTheMessage() {
    assertThatThrownBy(() -> Names.validateKey("metric key", "lo\u200bss"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "metric key must not contain invisible characters (zero-width spaces and joiners,"
                + " word joiner, byte order mark, other format characters, variation selectors),"
                + " but was 'lo\\u200Bss'");
  }

  @Test
  void combiningMarksLeftInANormalisedName_areRejectedAsMlflowRejectsThem() {
    // Devanagari: NFC, but the vowel sign and virama are marks, which Python's word class lacks
    assertThatThrownBy(() -> Names.validateKey("tag key", "\u0939\u093f\u0928\u094d\u0926\u0940"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tag key must match ^[/\\w.\\- ]*$ as MLflow (Python) reads \\w");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CON",
        "con",
        "Prn",
        "AUX",
        "nul",
        "COM1",
        "com9",
        "COM0",
        "LPT1",
        "lpt9",
        "aux.txt",
        "NUL.tar.gz",
        "nul .txt",
        "logs/con",
        "a/Aux.json/b",
        "CON/x"
      })
  void windowsReservedDeviceNames_areRejectedAsAnySegment(String name) {
    assertThatThrownBy(() -> Names.validateKey("artifact path", name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "artifact path must not have a segment that Windows reserves for a device (CON, PRN,"
                + " AUX, NUL, COM0-COM9, LPT0-LPT9, in any case, also with an extension), but was '"
                + name
                + "'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "console",
        "auxiliary",
        "com10",
        "lpt",
        "CONFIG.txt",
        "nullable",
        "a.con",
        "x/com"
      })
  void namesThatOnlyStartLikeADevice_areAccepted(String name) {
    assertThat(Names.validateKey("artifact path", name)).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.", "a ", "dir./x", "dir /x", "x/y.", "...", "x/ "})
  void segmentsEndingInADotOrASpace_areRejected(String name) {
    assertThatThrownBy(() -> Names.validateKey("tag key", name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "tag key must not have a segment that ends in '.' or ' ' (Windows drops them, so 'a.'"
                + " and 'a' are one file there), but was '"
                + name
                + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"loss.", "aux", "x ", "val:loss", "x\u00b2", "train/loss", "a/..b"})
  void aLookupKey_followsMlflowsRuleOnly_soThatStoresWrittenByMlflowStillRead(String name) {
    assertThat(Names.validateLookupKey("metric key", name)).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../x",
        "/etc/passwd",
        "a\\b",
        "a//b",
        ".",
        "a;b",
        "",
        "..a",
        "cafe\u0301",
        "a\u200db"
      })
  void aLookupKey_stillCannotLeaveTheStore(String name) {
    assertThatThrownBy(() -> Names.validateLookupKey("metric key", name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("metric key must ");
  }

  // ------------------------------------------------------------ issue 10: MLflow's rule, exactly

  /**
   * The table Python wrote once (python-re-word.txt: Python 3.11.7, Unicode 14.0.0, {@code
   * re.fullmatch(r'\w', ch)} for every code point).
   */
  private static BitSet pythonWord() throws IOException {
    BitSet set = new BitSet(0x110000);
    try (InputStream in =
            Objects.requireNonNull(NamesTest.class.getResourceAsStream("python-re-word.txt"));
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        int dash = line.indexOf('-');
        set.set(
            Integer.parseInt(line.substring(0, dash), 16),
            Integer.parseInt(line.substring(dash + 1), 16) + 1);
      }
    }
    assertThat(set.cardinality()).isEqualTo(133_548);
    return set;
  }

  private static boolean mlflowAccepts(BitSet word, int cp) {
    return word.get(cp) || cp == '/' || cp == '.' || cp == '-' || cp == ' ' || cp == ':';
  }

  private static boolean accepted(Runnable check) {
    try {
      check.run();
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Test
  void theLookupRule_isExactlyMlflowsForEveryCodePoint() throws IOException {
    BitSet word = pythonWord();
    List<String> disagreements = new ArrayList<>();
    for (int cp = 0; cp <= 0x10FFFF; cp++) {
      String name = "a" + new String(Character.toChars(cp)) + "a";
      boolean ours = accepted(() -> Names.validateLookupKey("metric key", name));
      if (ours != mlflowAccepts(word, cp) && disagreements.size() < 20) {
        disagreements.add(String.format("U+%04X ours=%s", cp, ours));
      }
    }
    assertThat(disagreements).isEmpty();
  }

  /**
   * Every key written is one MLflow reads; what MLflow accepts and the write rule refuses is one of
   * the documented extra refusals (Names, rules 2 to 5).
   */
  @Test
  void theWriteRule_isASubsetOfMlflowsWithOnlyTheDocumentedRefusals() throws IOException {
    BitSet word = pythonWord();
    List<String> unexplained = new ArrayList<>();
    int[] refusedByReason = new int[6];
    for (int cp = 0; cp <= 0x10FFFF; cp++) {
      String name = "a" + new String(Character.toChars(cp)) + "a";
      boolean ours = accepted(() -> Names.validateKey("metric key", name));
      boolean mlflow = mlflowAccepts(word, cp);
      if (ours && !mlflow) {
        unexplained.add(String.format("U+%04X accepted but MLflow refuses it", cp));
      } else if (!ours && mlflow) {
        int type = Character.getType(cp);
        int reason;
        if (cp == ':') {
          reason = 0; // MLflow refuses it on Windows
        } else if (type == Character.OTHER_NUMBER) {
          reason = 1; // '²', '①', '½'
        } else if (type == Character.UNASSIGNED) {
          reason = 2; // added by Unicode 14, unknown to Java 17
        } else if (Names.firstInvisible(name) >= 0) {
          reason = 3; // Hangul fillers
        } else if (!Normalizer.isNormalized(name, Normalizer.Form.NFC)) {
          reason = 4; // compatibility ideographs and other singletons
        } else {
          reason = 5;
          unexplained.add(String.format("U+%04X refused (type %d)", cp, type));
        }
        refusedByReason[reason]++;
      }
    }
    assertThat(unexplained).isEmpty();
    assertThat(refusedByReason[0]).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a\ufffeb", "a\uffffb", "a\ufdd0b", "a\ufdefb", "a\ud83f\udffeb", "\udbff\udfff"})
  void nonCharacters_areRefusedInWrittenKeys(String name) {
    assertThatThrownBy(() -> Names.validateKey("metric key", name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("metric key must not contain a lone surrogate or a non-character");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\ud800b", "a\udc00b", "\ud800", "ab\udbff"})
  void loneSurrogates_areRefusedInsteadOfWrittenAsQuestionMarks(String name) {
    assertThatThrownBy(() -> Names.validateKey("param key", name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("param key must not contain a lone surrogate or a non-character");
  }

  @Test
  void aSegmentLongerThan255BytesInUtf8_isRefused_evenUnder250Characters() {
    String ok = "\u00e9".repeat(127); // 254 bytes
    assertThat(Names.validateKey("metric key", ok)).isEqualTo(ok);
    String two = "\u00e9".repeat(120) + "/" + "\u00e9".repeat(120); // 481 bytes, 241 characters
    assertThat(Names.validateKey("metric key", two)).isEqualTo(two);
    String tooLong = "\u00e9".repeat(128); // 256 bytes, 128 characters
    assertThatThrownBy(() -> Names.validateKey("metric key", tooLong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "metric key must have segments of at most 255 bytes in UTF-8 (the longest file name),"
                + " but was 256 bytes long in a segment");
  }

  @ParameterizedTest
  @ValueSource(strings = {"..a", "..x/y", "...b/c"})
  void aLeadingDoubleDot_isRefusedAsMlflowsPathNotUniqueRefusesIt(String name) {
    assertThatThrownBy(() -> Names.validateKey("tag key", name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "tag key must not start with '..' (MLflow's path_not_unique refuses it), but was '"
                + name
                + "'");
    assertThatThrownBy(() -> Names.validateLookupKey("tag key", name))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theLengthLimit_countsCharactersAsPythonDoes_notUtf16Units() {
    String script = "\ud835\udcb3".repeat(250); // U+1D4B3, a letter outside the BMP
    assertThat(Names.validateLookupKey("metric key", script)).isEqualTo(script);
  }
}
