package io.strata.jdbc;

import java.sql.SQLException;
import java.sql.Savepoint;

/** A savepoint of one connection; unnamed ones get an id and an internal name. */
final class JdbcSavepoint implements Savepoint {
  final JdbcConnection owner;
  final String engineName;
  private final int id;
  private final String name;

  JdbcSavepoint(JdbcConnection owner, String engineName, int id, String name) {
    this.owner = owner;
    this.engineName = engineName;
    this.id = id;
    this.name = name;
  }

  @Override
  public int getSavepointId() throws SQLException {
    if (name != null) {
      throw SqlStates.exception(SqlStates.INVALID_SAVEPOINT, "savepoint '" + name + "' is named; it has no id");
    }
    return id;
  }

  @Override
  public String getSavepointName() throws SQLException {
    if (name == null) {
      throw SqlStates.exception(SqlStates.INVALID_SAVEPOINT, "savepoint " + id + " is unnamed");
    }
    return name;
  }

  @Override
  public String toString() {
    return name != null ? name : "savepoint " + id;
  }
}
