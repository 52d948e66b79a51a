package io.strata.planner;

import java.util.List;

/**
 * The outcome of one execution: either rows, read forward with {@link #next()}, or an update count.
 * Values are Java objects: Long, Double, BigDecimal, String, Boolean, LocalDate, LocalTime,
 * LocalDateTime, byte[] or null.
 */
public interface Result extends AutoCloseable {

  boolean hasRows();

  /** Rows changed by DML; 0 for DDL and transaction control; -1 when {@link #hasRows()}. */
  long updateCount();

  /** Result columns; empty without rows. */
  List<ColumnMeta> columns();

  /** Advances to the next row; false at the end. */
  boolean next();

  /** Value of a column (0-based) of the current row. */
  Object get(int column);

  /** Keys of rows inserted by this execution (primary key columns, or the row id); empty otherwise. */
  Result generatedKeys();

  @Override
  void close();
}
