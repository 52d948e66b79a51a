package io.strata.jdbc;

import io.strata.planner.PhaseTimes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Strata-only features of a connection, reached with {@code connection.unwrap(StrataConnection.class)}.
 * Every commit of a Strata database is a numbered version that stays queryable; a connection can
 * be pinned to one of them ("AS OF"), which makes it read-only.
 */
public interface StrataConnection extends Connection {

  /** The latest committed version of the database (what a new statement without AS OF reads). */
  long currentVersion() throws SQLException;

  /** The version this connection is pinned to, or empty when it follows the latest. */
  OptionalLong asOfVersion() throws SQLException;

  /**
   * Pins the connection to a version; it becomes read-only until {@link #clearAsOf()}. Fails with
   * 72000 when retention has dropped the version, 22023 when it does not exist yet.
   */
  void setAsOf(long version) throws SQLException;

  /** Pins the connection to the newest version committed at or before {@code time}. */
  void setAsOf(Instant time) throws SQLException;

  /**
   * Pins the connection to a version given as text: a number ({@code 42} or {@code v42}), an
   * ISO-8601 instant, or a timestamp {@code yyyy-MM-dd HH:mm:ss} in the JVM time zone.
   */
  void setAsOf(String versionOrTimestamp) throws SQLException;

  /** Follows the latest version again (read-only only if {@code setReadOnly(true)} says so). */
  void clearAsOf() throws SQLException;

  /**
   * Where this connection's statements have spent their time since it opened: parse, validate,
   * convert, optimise, build the operators, run them. For profiling an application or a test run.
   */
  PhaseTimes phaseTimes() throws SQLException;

  /** Where the database lives: a file path, or {@code mem:name}. */
  String databaseLocation() throws SQLException;
}
