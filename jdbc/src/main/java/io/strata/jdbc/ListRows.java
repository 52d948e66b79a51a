package io.strata.jdbc;

import io.strata.planner.ColumnMeta;
import java.util.Iterator;
import java.util.List;

/** Rows held in memory: metadata results and generated keys. */
final class ListRows implements RowSource {
  private final List<ColumnMeta> columns;
  private final Iterator<Object[]> it;
  private Object[] row;

  ListRows(List<ColumnMeta> columns, List<Object[]> rows) {
    this.columns = columns;
    this.it = rows.iterator();
  }

  @Override
  public List<ColumnMeta> columns() {
    return columns;
  }

  @Override
  public boolean next() {
    if (it.hasNext()) {
      row = it.next();
      return true;
    }
    row = null;
    return false;
  }

  @Override
  public Object get(int column) {
    return row[column];
  }

  @Override
  public void close() {
    row = null;
  }
}
