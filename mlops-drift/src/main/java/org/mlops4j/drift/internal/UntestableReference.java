package org.mlops4j.drift.internal;

import org.mlops4j.api.internal.Require;
import org.mlops4j.drift.ColumnKind;
import org.mlops4j.drift.ColumnType;
import org.mlops4j.drift.DriftMethod;

/**
 * The fitted reference of a column that no test can compare: one without a value ({@link
 * ColumnKind#EMPTY}) or an identifier-like categorical or numeric column ({@link
 * ColumnKind#IDENTIFIER}). It keeps the row and missing counts (a report still tests the missing
 * rate), the method the column would have had, why it is not tested, and nothing of the values.
 * Immutable.
 */
public final class UntestableReference implements FeatureReference {
  final String name;
  final ColumnType type;
  final ColumnKind kind;
  final String kindReason;
  final String note;
  final DriftMethod method;
  final long rows;
  final long missing;
  final long infinite;

  UntestableReference(
      String name,
      ColumnType type,
      ColumnKind kind,
      String kindReason,
      String note,
      DriftMethod method,
      long rows,
      long missing,
      long infinite) {
    Require.argument(!kind.testable(), "kind", "empty, identifier or excluded", kind);
    this.name = name;
    this.type = type;
    this.kind = kind;
    this.kindReason = kindReason;
    this.note = note;
    this.method = method;
    this.rows = rows;
    this.missing = missing;
    this.infinite = infinite;
  }

  /** A column with no value in the reference. */
  static UntestableReference empty(
      String name, ColumnType type, DriftMethod method, long rows, long missing, long infinite) {
    String counts = counts(type, rows, missing, infinite);
    return new UntestableReference(
        name,
        type,
        ColumnKind.EMPTY,
        "empty: no value in the reference (" + counts + ")",
        "not tested: the reference has no value (" + counts + ")",
        method,
        rows,
        missing,
        infinite);
  }

  /**
   * A column the caller left out ({@code Columns.Builder#untested}): no rows, the caller's reason
   * as the kind's reason and, after "not tested: ", as the note.
   */
  public static UntestableReference leftOut(
      String name, ColumnType type, ColumnKind kind, String reason, DriftMethod method) {
    return new UntestableReference(
        name, type, kind, reason, "not tested: " + reason, method, 0, 0, 0);
  }

  /** An identifier-like categorical column: distinct values in count non-missing ones. */
  static UntestableReference identifier(
      String name,
      DriftMethod method,
      long rows,
      long missing,
      long distinct,
      long count,
      double identifierShare) {
    String share = Texts.percent((double) distinct / count);
    String limit = Texts.percentOf(identifierShare);
    return new UntestableReference(
        name,
        ColumnType.CATEGORICAL,
        ColumnKind.IDENTIFIER,
        "identifier-like: "
            + distinct
            + " distinct values in "
            + count
            + " ("
            + share
            + ", above identifierShare "
            + limit
            + ")",
        "not tested: identifier-like column ("
            + distinct
            + " distinct values in "
            + count
            + ", "
            + share
            + ", above identifierShare "
            + limit
            + "); set a method for the column to test it",
        method,
        rows,
        missing,
        0);
  }

  /**
   * An identifier-like numeric column: distinct integers among count finite values, over a range
   * min..max at most {@code DriftDetector.IDENTIFIER_RANGE} times their number.
   */
  static UntestableReference numericIdentifier(
      String name,
      DriftMethod method,
      long rows,
      long missing,
      long infinite,
      long distinct,
      long count,
      long min,
      long max) {
    String what =
        distinct
            + " distinct integers of "
            + count
            + " values, over "
            + min
            + ".."
            + max
            + ", a range at most "
            + org.mlops4j.drift.DriftDetector.IDENTIFIER_RANGE
            + " times their number";
    return new UntestableReference(
        name,
        ColumnType.NUMERIC,
        ColumnKind.IDENTIFIER,
        "identifier: " + what,
        "not tested: identifier-like column (" + what + "); set a method for the column to test it",
        method,
        rows,
        missing,
        infinite);
  }

  /** {@code "<rows> rows: <missing> missing[, <infinite> infinite]"}. */
  static String counts(ColumnType type, long rows, long missing, long infinite) {
    return rows
        + " rows: "
        + missing
        + " missing"
        + (type == ColumnType.NUMERIC ? ", " + infinite + " infinite" : "");
  }

  /**
   * @return the message a fit would have refused the column with before columns without a value
   *     were reported: {@code "reference column '<name>' must be non-empty after leaving out ..."}
   */
  public String emptyMessage() {
    return type == ColumnType.NUMERIC
        ? Require.mustBe(
            "reference column '" + name + "'",
            "non-empty after leaving out missing and infinite values",
            rows + " rows: " + missing + " missing, " + infinite + " infinite")
        : Require.mustBe(
            "reference column '" + name + "'",
            "non-empty after leaving out missing values",
            rows + " rows: " + missing + " missing");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ColumnType type() {
    return type;
  }

  @Override
  public ColumnKind kind() {
    return kind;
  }

  @Override
  public String kindReason() {
    return kindReason;
  }

  /**
   * @return why the column is not tested, the note of its reports
   */
  public String note() {
    return note;
  }

  @Override
  public DriftMethod method() {
    return method;
  }

  @Override
  public long rows() {
    return rows;
  }

  @Override
  public long missing() {
    return missing;
  }

  /**
   * @return the reference's infinite values (numeric)
   */
  public long infinite() {
    return infinite;
  }

  @Override
  public String toString() {
    return name + ":" + kind.key() + " (not tested)";
  }
}
