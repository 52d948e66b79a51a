package io.strata.planner;

import java.util.List;

/** A result with rows, fully materialised (so it outlives the transaction that produced it). */
final class RowsResult implements Result {
  private final List<ColumnMeta> columns;
  private final List<Object[]> rows;
  private int position = -1;
  private boolean closed;

  RowsResult(List<ColumnMeta> columns, List<Object[]> rows) {
    this.columns = columns;
    this.rows = rows;
  }

  @Override
  public boolean hasRows() {
    return true;
  }

  @Override
  public long updateCount() {
    return -1;
  }

  @Override
  public List<ColumnMeta> columns() {
    return columns;
  }

  @Override
  public boolean next() {
    if (closed) {
      throw new StrataException(StrataException.Reason.CLOSED, "result is closed");
    }
    if (position < rows.size()) {
      position++;
    }
    return position < rows.size();
  }

  @Override
  public Object get(int column) {
    if (position < 0 || position >= rows.size()) {
      throw new StrataException(StrataException.Reason.INVALID_STATEMENT, "no current row");
    }
    Object[] row = rows.get(position);
    if (column < 0 || column >= columns.size()) {
      throw new StrataException(StrataException.Reason.BAD_PARAMETER, "no column " + column);
    }
    return row[column];
  }

  @Override
  public Result generatedKeys() {
    return new RowsResult(List.of(), List.of());
  }

  @Override
  public void close() {
    closed = true;
  }
}
