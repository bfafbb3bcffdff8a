package org.mlops4j.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ColumnsTest {

  @Test
  void builder_keepsOrderTypesAndCopies() {
    double[] age = {1, 2};
    Columns c =
        Columns.builder().numeric("age", age).categorical("city", new String[] {"a", null}).build();
    age[0] = 99;
    assertThat(c.names()).containsExactly("age", "city");
    assertThat(c.type("city")).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(c.numeric("age")).containsExactly(1, 2);
    assertThat(c.rowCount()).isEqualTo(2);
    assertThat(c).hasToString("Columns[rows=2, age:numeric, city:categorical]");
  }

  @Test
  void intAndLongColumns_becomeNumeric() {
    Columns c =
        Columns.builder().numeric("a", new int[] {1, 2}).numeric("b", new long[] {3, 4}).build();
    assertThat(c.numeric("a")).containsExactly(1, 2);
    assertThat(c.numeric("b")).containsExactly(3, 4);
  }

  @Test
  void lengthMismatch_namesBothColumns() {
    assertThatThrownBy(
            () -> Columns.builder().numeric("a", new double[3]).numeric("b", new double[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column 'b' must have 3 elements (as column 'a'), but had 2");
  }

  @Test
  void unknownColumn_isRejected() {
    Columns c = Columns.builder().numeric("a", new double[1]).build();
    assertThatThrownBy(() -> c.numeric("b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column must be one of [a], but was 'b'");
  }

  @Test
  void duplicateColumn_isRejected() {
    assertThatThrownBy(
            () -> Columns.builder().numeric("a", new double[1]).categorical("a", new String[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column name must be unique, but was 'a' twice");
  }
}
