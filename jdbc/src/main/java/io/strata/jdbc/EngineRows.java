package io.strata.jdbc;

import io.strata.planner.ColumnMeta;
import io.strata.planner.Result;
import java.sql.SQLException;
import java.util.List;

/**
 * Rows streamed from an engine {@link Result}. Each step runs under the connection's lock (a
 * session is used by one thread at a time) and maps engine errors through {@link SqlStates}.
 */
final class EngineRows implements RowSource {
  private final JdbcConnection conn;
  private final JdbcStatement statement;
  private final Result result;
  private final List<ColumnMeta> columns;
  private boolean done;

  EngineRows(JdbcConnection conn, JdbcStatement statement, Result result) {
    this.conn = conn;
    this.statement = statement;
    this.result = result;
    this.columns = result.columns();
  }

  @Override
  public List<ColumnMeta> columns() {
    return columns;
  }

  @Override
  public boolean next() throws SQLException {
    if (done) {
      return false;
    }
    conn.lock();
    try {
      boolean more = result.next();
      if (!more) {
        done = true;
      }
      return more;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      done = true;
      throw SqlStates.map(e, statement != null && statement.timedOut());
    } finally {
      conn.unlock();
    }
  }

  @Override
  public Object get(int column) {
    return result.get(column);
  }

  @Override
  public void close() throws SQLException {
    done = true;
    conn.lock();
    try {
      result.close();
    } catch (RuntimeException e) {
      throw SqlStates.map(e, false);
    } finally {
      conn.unlock();
    }
  }
}
