package io.strata.planner;

import java.util.List;

/**
 * What a batch of executions did: the update count of each, in order, and the keys of all the rows
 * they inserted.
 */
public final class BatchResult {
  private final long[] counts;
  private final List<ColumnMeta> keyColumns;
  private final List<Object[]> keys;

  BatchResult(long[] counts, List<ColumnMeta> keyColumns, List<Object[]> keys) {
    this.counts = counts;
    this.keyColumns = keyColumns;
    this.keys = keys;
  }

  public long[] counts() {
    return counts.clone();
  }

  /** Keys of the rows inserted, as {@link Result#generatedKeys()} gives them for one execution. */
  public Result generatedKeys() {
    return new RowsResult(keyColumns, keys);
  }
}
