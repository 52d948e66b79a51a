package io.strata.planner;

import java.util.List;

/** The result of DML, DDL or transaction control: an update count and the generated keys. */
final class CountResult implements Result {
  private final long count;
  private final Result keys;

  CountResult(long count, Result keys) {
    this.count = count;
    this.keys = keys;
  }

  static CountResult of(long count) {
    return new CountResult(count, new RowsResult(List.of(), List.of()));
  }

  @Override
  public boolean hasRows() {
    return false;
  }

  @Override
  public long updateCount() {
    return count;
  }

  @Override
  public List<ColumnMeta> columns() {
    return List.of();
  }

  @Override
  public boolean next() {
    return false;
  }

  @Override
  public Object get(int column) {
    throw new StrataException(StrataException.Reason.INVALID_STATEMENT, "an update count has no rows");
  }

  @Override
  public Result generatedKeys() {
    return keys;
  }

  @Override
  public void close() {}
}
