package io.strata.planner.exec;

import io.strata.planner.codec.ColumnBatch;

/**
 * An operator that can also hand over its rows a batch at a time, column by column, which spares
 * a consumer that folds rows (a global aggregate) a row array and a boxed value per column. A
 * table scan is one: it decodes stored rows straight into the batch.
 */
public interface BatchSource extends Operator {
  /** Columns of each row (the batch's width). */
  int width();

  /**
   * Fills the batch with the next rows, after {@link #open}; false when no row was left. Rows
   * taken this way are not returned by {@link #next}, and the other way round.
   */
  boolean nextBatch(ColumnBatch batch);
}
