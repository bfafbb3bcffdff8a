package org.mlops4j.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mlops4j.drift.Columns;

/**
 * The drift tests' data, defined by formulas that numpy reproduces (see SparkDriftTest): row i of
 * the reference (n = 2000) and the current (m = 1500).
 *
 * <ul>
 *   <li>x (double): reference ((7919 i) mod 1000) / 100, NaN when i mod 101 = 0; current ((104729
 *       i) mod 1000) / 100 * 1.1 + 0.3, null when i mod 97 = 0;
 *   <li>n (int): i mod 7; current i mod 9;
 *   <li>b (int, binary): 1 when i mod 3 = 0; current 1 when i mod 2 = 0;
 *   <li>c (string): "abc"[i mod 3]; current "abcd"[i mod 4], null when i mod 50 = 0;
 *   <li>flag (boolean): i mod 2 = 0; current i mod 3 = 0.
 * </ul>
 */
final class DriftData {
  static final int N = 2000;
  static final int M = 1500;
  static final StructType SCHEMA =
      new StructType()
          .add("x", DataTypes.DoubleType)
          .add("n", DataTypes.IntegerType)
          .add("b", DataTypes.IntegerType)
          .add("c", DataTypes.StringType)
          .add("flag", DataTypes.BooleanType);

  private DriftData() {}

  static double x(int i, boolean current) {
    if (current) {
      return i % 97 == 0 ? Double.NaN : ((i * 104729L) % 1000) / 100.0 * 1.1 + 0.3;
    }
    return i % 101 == 0 ? Double.NaN : ((i * 7919L) % 1000) / 100.0;
  }

  static int n(int i, boolean current) {
    return current ? i % 9 : i % 7;
  }

  static int b(int i, boolean current) {
    return current ? (i % 2 == 0 ? 1 : 0) : (i % 3 == 0 ? 1 : 0);
  }

  static String c(int i, boolean current) {
    if (current) {
      return i % 50 == 0 ? null : String.valueOf("abcd".charAt(i % 4));
    }
    return String.valueOf("abc".charAt(i % 3));
  }

  static boolean flag(int i, boolean current) {
    return current ? i % 3 == 0 : i % 2 == 0;
  }

  static Dataset<Row> frame(boolean current) {
    int rows = current ? M : N;
    List<Row> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      double x = x(i, current);
      // the reference's missing x is a NaN, the current's a null: both are missing
      Object xv = x;
      if (Double.isNaN(x) && current) {
        xv = null;
      }
      out.add(RowFactory.create(xv, n(i, current), b(i, current), c(i, current), flag(i, current)));
    }
    return LocalSpark.frame(out, SCHEMA);
  }

  static Columns columns(boolean current) {
    int rows = current ? M : N;
    double[] x = new double[rows];
    int[] n = new int[rows];
    int[] b = new int[rows];
    String[] c = new String[rows];
    String[] flag = new String[rows];
    for (int i = 0; i < rows; i++) {
      x[i] = x(i, current);
      n[i] = n(i, current);
      b[i] = b(i, current);
      c[i] = c(i, current);
      flag[i] = Boolean.toString(flag(i, current));
    }
    return Columns.builder()
        .numeric("x", x)
        .numeric("n", n)
        .numeric("b", b)
        .categorical("c", c)
        .categorical("flag", flag)
        .build();
  }
}
