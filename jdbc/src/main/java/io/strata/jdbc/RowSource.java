package io.strata.jdbc;

import io.strata.planner.ColumnMeta;
import java.sql.SQLException;
import java.util.List;

/** Rows behind a {@link JdbcResultSet}: an engine result or rows built in memory. */
interface RowSource {

  List<ColumnMeta> columns();

  /** Advances; false at the end. */
  boolean next() throws SQLException;

  /** Value of a 0-based column of the current row, as an engine value. */
  Object get(int column);

  void close() throws SQLException;
}
