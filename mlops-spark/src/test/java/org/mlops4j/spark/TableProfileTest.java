package org.mlops4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.tracking.InMemoryRun;

/**
 * SparkProfiler and TableProfile on 3000 rows: x = ((7919 i) mod 1000) / 10, null when i mod 50 =
 * 0; c = "abc"[i mod 3]. NumPy on the non-null x:
 *
 * <pre>
 * x = np.array([((i*7919)%1000)/10.0 for i in range(3000) if i%50!=0])
 * len(x), x.mean(), x.std(), x.min(), x.max(), len(np.unique(x))
 * # 2940 50.0 28.86607004772212 0.1 99.9 980
 * </pre>
 */
class TableProfileTest {
  private static Dataset<Row> df;

  @BeforeAll
  static void data() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      rows.add(
          RowFactory.create(
              i % 50 == 0 ? null : ((i * 7919L) % 1000) / 10.0,
              String.valueOf("abc".charAt(i % 3)),
              i));
    }
    StructType t =
        new StructType()
            .add("x", DataTypes.DoubleType)
            .add("c", DataTypes.StringType)
            .add("i", DataTypes.IntegerType);
    df = LocalSpark.frame(rows, t).cache();
  }

  @Test
  void statisticsAgreeWithNumpy() {
    TableProfile p = SparkProfiler.defaults().profile(df);
    ColumnProfile x = p.column("x");
    assertEquals(3000, x.rows());
    assertEquals(60, x.missing());
    assertEquals(50.0, x.mean(), 1e-12);
    assertEquals(28.86607004772212, x.std(), 1e-12);
    assertEquals(0.1, x.min());
    assertEquals(99.9, x.max());
    assertTrue(x.distinctLower() <= 980 && 980 <= x.distinctUpper(), x.toString());
    // np.quantile(x, 0.5, method='inverted_cdf') = 49.9; the sketch's median lies within its rank
    // error: the values spread evenly over 0.1..99.9, so a rank error r moves it by about 100 r
    double rankError = x.rankError();
    assertEquals(49.9, x.quantiles().get("p50"), 100 * rankError + 0.1);
    ColumnProfile c = p.column("c");
    assertEquals(3.0, c.distinct());
    assertEquals(1000L, c.top().get("a"));
    assertTrue(p.toString().contains("categorical"), p.toString());
  }

  @Test
  void twoDaysMergeIntoTheProfileOfBothEvenThroughJson(@TempDir Path dir) {
    Dataset<Row> day1 = df.filter("i < 1200");
    Dataset<Row> day2 = df.filter("i >= 1200");
    TableProfile all = SparkProfiler.defaults().profile(df);
    Path file = dir.resolve("profile.json");
    SparkProfiler.defaults().profile(day1).save(file);
    TableProfile merged = TableProfile.load(file).merge(SparkProfiler.defaults().profile(day2));
    ColumnProfile a = all.column("x");
    ColumnProfile m = merged.column("x");
    assertEquals(a.rows(), m.rows());
    assertEquals(a.missing(), m.missing());
    assertEquals(a.mean(), m.mean(), 1e-12);
    assertEquals(a.std(), m.std(), 1e-12);
    assertEquals(a.min(), m.min());
    assertEquals(a.max(), m.max());
    assertEquals(a.quantiles().get("p50"), m.quantiles().get("p50"), 100 * 2 * a.rankError() + 0.1);
    assertTrue(m.distinctLower() <= 980 && 980 <= m.distinctUpper(), m.toString());
    assertEquals(all.column("c").top(), merged.column("c").top());
  }

  @Test
  void profilesLogIntoARunAndRefuseOtherColumns() {
    TableProfile p = SparkProfiler.defaults().profile(df);
    InMemoryRun run = InMemoryRun.create("profile");
    p.logTo(run);
    assertEquals(60.0, run.latestMetric("profile.x.missing").orElseThrow());
    assertTrue(run.artifactPaths().contains("profile/profile.html"));
    TableProfile other = SparkProfiler.defaults().profile(df.drop("c"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.merge(other));
    assertEquals(
        "other must be a profile of the columns [x:numeric, c:categorical, i:numeric], but was"
            + " [x:numeric, i:numeric]",
        e.getMessage());
  }
}
