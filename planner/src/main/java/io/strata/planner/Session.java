package io.strata.planner;

import java.util.List;
import java.util.OptionalLong;

/**
 * One connection's state: autocommit, the open transaction, savepoints, read-only mode and the
 * session-level AS OF. Used by one thread at a time, except {@link #cancel()}, which any thread
 * may call.
 */
public interface Session extends AutoCloseable {

  /** Parses and plans (or takes from the plan cache) one statement with ? parameters. */
  Prepared prepare(String sql);

  /** Prepares and executes one statement. */
  default Result execute(String sql, List<?> params) {
    return prepare(sql).execute(params);
  }

  default Result execute(String sql) {
    return execute(sql, List.of());
  }

  boolean autoCommit();

  /** Turning autocommit on commits the open transaction, as JDBC requires. */
  void setAutoCommit(boolean on);

  /** Whether a transaction is open (explicit BEGIN, or autocommit off with work done). */
  boolean inTransaction();

  void commit();

  void rollback();

  void savepoint(String name);

  void rollbackToSavepoint(String name);

  void releaseSavepoint(String name);

  boolean readOnly();

  void setReadOnly(boolean on);

  /** The session-level AS OF version, if set (then the session is read-only). */
  OptionalLong asOfVersion();

  /** Sets (version) or clears (empty) the session-level AS OF. */
  void setAsOfVersion(OptionalLong version);

  /** Stops the statement running in this session; it fails with {@link StrataException.Reason#CANCELLED}. */
  void cancel();

  /** Where this session's statements have spent their time so far, per phase. */
  PhaseTimes phaseTimes();

  /** Tables, views and system tables visible to this session, with columns, keys and indexes. */
  List<TableInfo> tables();

  /** Rolls back an open transaction and releases the session. */
  @Override
  void close();
}
