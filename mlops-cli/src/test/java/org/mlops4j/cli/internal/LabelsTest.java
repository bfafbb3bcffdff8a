package org.mlops4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlops4j.cli.internal.CsvTable.CategoricalColumn;

class LabelsTest {

  static CategoricalColumn column(List<String> levels, int... codes) {
    return new CategoricalColumn(
        "y", codes, levels, (int) java.util.Arrays.stream(codes).filter(c -> c < 0).count());
  }

  @Test
  void zeroOne_trueFalse_inAnyCase_andDecimalForms_areBinary() {
    CategoricalColumn c =
        column(List.of("1", "0", "TRUE", "false", "1.0", "0.0", " 1 "), 0, 1, 2, 3, 4, 5, 6);
    assertThat(Labels.binary("f.csv", "label", c, null)).containsExactly(1, 0, 1, 0, 1, 0, 1);
  }

  @Test
  void positive_makesEveryOtherValueNegative() {
    CategoricalColumn c = column(List.of("yes", "no", "maybe"), 0, 1, 2, 0);
    assertThat(Labels.binary("f.csv", "label", c, "yes")).containsExactly(1, 0, 0, 1);
  }

  @Test
  void otherValues_andEmptyCells_areErrorsNamingTheRow() {
    assertThatThrownBy(
            () -> Labels.binary("f.csv", "prediction", column(List.of("1", "2"), 0, 1), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "f.csv: column 'y', row 2: '2' is not a binary prediction (expected 0/1 or true/false;"
                + " name the positive value with --positive)");
    assertThatThrownBy(() -> Labels.binary("f.csv", "label", column(List.of("1"), 0, 0, -1), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("f.csv: column 'y', row 3: empty label (every row needs a label)");
  }
}
