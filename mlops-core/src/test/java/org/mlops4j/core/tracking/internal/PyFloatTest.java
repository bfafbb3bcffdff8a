package org.mlops4j.core.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PyFloatTest {

  /**
   * Lines "bits repr" written by CPython 3.11.7: repr() of 3,848 doubles (see the file's header).
   */
  private static List<String[]> pythonReprs() throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                PyFloatTest.class.getResourceAsStream("python-float-repr.txt"),
                StandardCharsets.US_ASCII))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.startsWith("#")) {
          rows.add(line.split(" "));
        }
      }
    }
    return rows;
  }

  @Test
  void repr_equalsPythonReprForEveryReferenceValue() throws IOException {
    // expected: CPython 3.11.7 repr(float), python-float-repr.txt
    List<String[]> rows = pythonReprs();
    assertThat(rows).hasSize(3848);
    List<String> mismatches = new ArrayList<>();
    for (String[] row : rows) {
      double v = Double.longBitsToDouble(Long.parseUnsignedLong(row[0], 16));
      String got = PyFloat.repr(v);
      if (!got.equals(row[1])) {
        mismatches.add(row[0] + ": python " + row[1] + " java " + got);
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void parse_readsEveryPythonReprBackExactly() throws IOException {
    for (String[] row : pythonReprs()) {
      double expected = Double.longBitsToDouble(Long.parseUnsignedLong(row[0], 16));
      assertThat(Double.doubleToLongBits(PyFloat.parse(row[1])))
          .isEqualTo(Double.doubleToLongBits(expected));
    }
  }

  @Test
  void repr_ofWellKnownValues() {
    // expected: CPython 3.11.7, repr(x) typed in the REPL
    assertThat(PyFloat.repr(0.1)).isEqualTo("0.1");
    assertThat(PyFloat.repr(1e-5)).isEqualTo("1e-05");
    assertThat(PyFloat.repr(1e16)).isEqualTo("1e+16");
    assertThat(PyFloat.repr(3.0)).isEqualTo("3.0");
    assertThat(PyFloat.repr(2e23)).isEqualTo("2e+23");
    assertThat(PyFloat.repr(Double.NaN)).isEqualTo("nan");
    assertThat(PyFloat.repr(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    assertThat(PyFloat.repr(-0.0)).isEqualTo("-0.0");
  }

  @Test
  void parse_acceptsPythonSpellingsOfSpecialValues() {
    assertThat(PyFloat.parse("nan")).isNaN();
    assertThat(PyFloat.parse("NaN")).isNaN();
    assertThat(PyFloat.parse("inf")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(PyFloat.parse("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(PyFloat.parse("1e-3")).isEqualTo(0.001);
  }

  @Test
  void parse_rejectsJavaOnlySyntax() {
    assertThatThrownBy(() -> PyFloat.parse("1.0d")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> PyFloat.parse("0x1p3")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> PyFloat.parse("")).isInstanceOf(NumberFormatException.class);
  }

  @Property(tries = 2000)
  void repr_roundTripsEveryDouble(@ForAll double v) {
    double back = PyFloat.parse(PyFloat.repr(v));
    assertThat(Double.doubleToLongBits(back)).isEqualTo(Double.doubleToLongBits(v));
  }

  @Property(tries = 2000)
  void repr_isNeverLongerThanJavasOwnShortestCandidate(@ForAll double v) {
    // Java's Double.toString never has fewer significant digits than the shortest round-trip form.
    String repr = PyFloat.repr(v);
    String java = Double.toString(v);
    assertThat(significantDigits(repr)).isLessThanOrEqualTo(Math.max(1, significantDigits(java)));
  }

  private static int significantDigits(String s) {
    String mant = s.split("[eE]")[0].replace("-", "").replace(".", "");
    mant = mant.replaceFirst("^0+", "").replaceFirst("0+$", "");
    return mant.length();
  }
}
