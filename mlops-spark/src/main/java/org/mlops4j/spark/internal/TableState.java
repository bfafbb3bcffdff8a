package org.mlops4j.spark.internal;

import java.io.Serial;
import java.io.Serializable;

/**
 * The states of a table's columns, in column order: {@link NumericState} or {@link
 * CategoricalState}.
 */
public final class TableState implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  final Serializable[] columns;

  TableState(Serializable[] columns) {
    this.columns = columns;
  }

  /**
   * @return the state of column i
   */
  public Serializable column(int i) {
    return columns[i];
  }

  /**
   * @return the number of columns
   */
  public int size() {
    return columns.length;
  }
}
