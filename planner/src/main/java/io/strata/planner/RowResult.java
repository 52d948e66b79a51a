package io.strata.planner;

import java.util.List;

/**
 * What every result with rows shares: its columns, the current row and the checks on reading it.
 * Subclasses decide where the rows come from ({@link #next()}) and what closing releases.
 */
abstract class RowResult implements Result {
  private final List<ColumnMeta> columns;
  /** The current row, or null before the first and after the last. */
  protected Object[] row;
  protected boolean closed;

  RowResult(List<ColumnMeta> columns) {
    this.columns = columns;
  }

  @Override
  public final boolean hasRows() {
    return true;
  }

  @Override
  public final long updateCount() {
    return -1;
  }

  @Override
  public final List<ColumnMeta> columns() {
    return columns;
  }

  /** Fails with CLOSED once the result is closed. */
  protected final void checkNotClosed() {
    if (closed) {
      throw new StrataException(StrataException.Reason.CLOSED, "result is closed");
    }
  }

  @Override
  public final Object get(int column) {
    if (row == null) {
      throw new StrataException(StrataException.Reason.INVALID_STATEMENT, "no current row");
    }
    if (column < 0 || column >= columns.size()) {
      throw new StrataException(StrataException.Reason.BAD_PARAMETER, "no column " + column);
    }
    return row[column];
  }

  @Override
  public final Result generatedKeys() {
    return new RowsResult(List.of(), List.of());
  }
}
