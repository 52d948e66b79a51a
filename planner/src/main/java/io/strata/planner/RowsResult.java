package io.strata.planner;

import java.util.List;

/** A result with rows, fully materialised (so it outlives the transaction that produced it). */
final class RowsResult extends RowResult {
  private final List<Object[]> rows;
  private int position = -1;

  RowsResult(List<ColumnMeta> columns, List<Object[]> rows) {
    super(columns);
    this.rows = rows;
  }

  @Override
  public boolean next() {
    checkNotClosed();
    if (position < rows.size()) {
      position++;
    }
    row = position < rows.size() ? rows.get(position) : null;
    return row != null;
  }

  @Override
  public void close() {
    closed = true;
    row = null;
  }
}
