package org.mlops4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.cli.internal.CsvTable.Kind;
import org.mlops4j.slices.SliceData;
import org.mlops4j.slices.SliceMeasure;

class SliceColumnsTest {

  @TempDir Path dir;

  static final List<String> HEADER = List.of("id", "y", "yhat", "age", "city");

  @Test
  void featureNames_areEveryOtherColumn_butExcluded() {
    SliceColumns c = new SliceColumns("y", "yhat", null, null, List.of("id"), List.of());
    assertThat(c.featureNames(HEADER, "f.csv")).containsExactly("age", "city");
    SliceColumns given =
        new SliceColumns("y", "yhat", null, List.of("city", "age"), List.of(), List.of("age"));
    assertThat(given.featureNames(HEADER, "f.csv")).containsExactly("city", "age");
    assertThat(given.request(List.of("city", "age")))
        .containsExactly(
            java.util.Map.entry("y", Kind.CATEGORICAL),
            java.util.Map.entry("yhat", Kind.CATEGORICAL),
            java.util.Map.entry("city", Kind.AUTO),
            java.util.Map.entry("age", Kind.CATEGORICAL));
  }

  @Test
  void options_areCheckedTogether() {
    assertThatThrownBy(() -> new SliceColumns("y", null, null, null, List.of(), List.of()))
        .isInstanceOf(UsageException.class)
        .hasMessage("--label needs --prediction COL");
    assertThatThrownBy(() -> new SliceColumns(null, null, null, null, List.of(), List.of()))
        .hasMessage("give --label COL with --prediction COL, or --loss COL");
    assertThatThrownBy(() -> new SliceColumns("y", "yhat", "l", null, List.of(), List.of()))
        .hasMessage("give either --label COL with --prediction COL, or --loss COL");
    assertThatThrownBy(
            () -> new SliceColumns("y", "yhat", null, List.of("y"), List.of(), List.of()))
        .hasMessage("column 'y' is given with --features and as the label, prediction or loss");
    SliceColumns c = new SliceColumns("y", "yhat", null, null, List.of("zip"), List.of());
    assertThatThrownBy(() -> c.featureNames(HEADER, "f.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("f.csv: unknown column 'zip' (columns: id, y, yhat, age, city)");
    SliceColumns none =
        new SliceColumns("y", "yhat", null, null, List.of("id", "age", "city"), List.of());
    assertThatThrownBy(() -> none.featureNames(HEADER, "f.csv"))
        .hasMessage("f.csv: no feature column to slice on");
  }

  @Test
  void data_numericWhenEveryCellIsANumber_datesAndTextAsCategories() throws IOException {
    Path f = dir.resolve("f.csv");
    // age: numbers and NA; day: dates; size: numbers but one 'big'
    Files.writeString(
        f, "y,yhat,age,day,size\n1,1,30,2024-01-01,1\n1, 0,NA,2024-01-02,big\n0,0,40,,2\n");
    SliceColumns c = new SliceColumns("y", "yhat", null, null, List.of(), List.of());
    List<String> features =
        c.featureNames(CsvTable.header(f, CsvFormat.of(',', List.of(), true)), "f");
    CsvTable t = CsvTable.read(f, c.request(features), CsvFormat.of(',', List.of(), true));
    t = SliceColumns.textWhereNotAllNumbers(f, t, features, Progress.off());
    assertThat(t.column("age")).isInstanceOf(CsvTable.NumericColumn.class);
    assertThat(t.column("day")).isInstanceOf(CsvTable.CategoricalColumn.class);
    assertThat(t.column("size")).isInstanceOf(CsvTable.CategoricalColumn.class);
    SliceData data = c.data(t, features);
    assertThat(data.size()).isEqualTo(3);
    assertThat(data.measure()).isEqualTo(SliceMeasure.ERROR_RATE);
    assertThat(data.features()).containsExactly("age", "day", "size");
    assertThat(c.toJson(t, features).get("features").toString())
        .isEqualTo(
            "[{name=age, type=numeric}, {name=day, type=categorical}, {name=size,"
                + " type=categorical}]");
  }

  @Test
  void data_aMissingLoss_namesTheRow() throws IOException {
    Path f = dir.resolve("l.csv");
    Files.writeString(f, "loss,g\n0.5,a\n,b\n");
    SliceColumns c = new SliceColumns(null, null, "loss", null, List.of(), List.of());
    List<String> features = List.of("g");
    CsvTable t = CsvTable.read(f, c.request(features), CsvFormat.defaults());
    assertThatThrownBy(() -> c.data(t, features))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(f + ": column 'loss', row 2: empty loss (every row needs a loss)");
  }
}
