package io.strata.jdbc;

import io.strata.planner.Session;
import io.strata.storage.Version;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.rowset.serial.SerialBlob;
import javax.sql.rowset.serial.SerialClob;

/**
 * A connection: one planner {@link Session} over a shared {@link Database}.
 *
 * <p>Thread safety: a connection may be used from several threads one at a time. Every call into
 * the session takes {@link #lock}, so overlapping calls from two threads are serialised rather than
 * corrupting the session; only {@link JdbcStatement#cancel()} bypasses it (it only sets the
 * session's cancel flag). Many connections, each with its own session, share one store and engine.
 *
 * <p>Isolation: every transaction reads one snapshot and commits only if no key it wrote was changed
 * by a commit after that snapshot (snapshot isolation). JDBC has no level of that name; the
 * connection reports {@link #TRANSACTION_REPEATABLE_READ} (what snapshot isolation guarantees: no
 * dirty or non-repeatable reads, and no phantoms either) and runs every requested level at it.
 * Asking for SERIALIZABLE is accepted with a warning, because write skew remains possible.
 */
final class JdbcConnection implements StrataConnection, SelfWrapper {
  private static final int ISOLATION = TRANSACTION_REPEATABLE_READ;

  final ConnectionUrl url;
  final Database db;
  final Session session;
  private final ReentrantLock lock = new ReentrantLock();
  private final Set<JdbcStatement> statements = Collections.newSetFromMap(new IdentityHashMap<>());
  private volatile boolean closed;
  private boolean readOnly;
  private int savepointIds;
  private SQLWarning warnings;
  private int holdability = ResultSet.CLOSE_CURSORS_AT_COMMIT;
  private int networkTimeout;
  private Map<String, Class<?>> typeMap = Collections.emptyMap();
  private final Properties clientInfo = new Properties();

  JdbcConnection(ConnectionUrl url, Database db) throws SQLException {
    this.url = url;
    this.db = db;
    try {
      this.session = db.engine.openSession();
    } catch (RuntimeException e) {
      throw SqlStates.map(e, false);
    }
    try {
      if (url.bool(DriverProperty.READ_ONLY)) {
        setReadOnly(true);
      }
      ConnectionUrl.AsOf asOf = url.asOf();
      if (asOf != null) {
        applyAsOf(asOf);
      }
    } catch (SQLException | RuntimeException e) {
      session.close();
      throw e instanceof SQLException s ? s : SqlStates.map(e, false);
    }
  }

  void lock() {
    lock.lock();
  }

  void unlock() {
    lock.unlock();
  }

  void checkOpen() throws SQLException {
    if (closed) {
      throw SqlStates.closed("connection");
    }
  }

  /** Runs an engine call under the lock, mapping engine errors. */
  <T> T call(EngineCall<T> fn) throws SQLException {
    checkOpen();
    lock.lock();
    try {
      return fn.run();
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      throw SqlStates.map(e, false);
    } finally {
      lock.unlock();
    }
  }

  void run(EngineAction fn) throws SQLException {
    call(() -> {
      fn.run();
      return null;
    });
  }

  /** A call into the engine. */
  interface EngineCall<T> {
    T run() throws SQLException;
  }

  /** A call into the engine without a value. */
  interface EngineAction {
    void run() throws SQLException;
  }

  void addWarning(SQLWarning w) {
    if (warnings == null) {
      warnings = w;
    } else {
      warnings.setNextWarning(w);
    }
  }

  void statementClosed(JdbcStatement s) {
    synchronized (statements) {
      statements.remove(s);
    }
  }

  private <S extends JdbcStatement> S register(S s) {
    synchronized (statements) {
      statements.add(s);
    }
    return s;
  }

  private void checkResultSetOptions(int type, int concurrency, int holdability) throws SQLException {
    if (type != ResultSet.TYPE_FORWARD_ONLY && type != ResultSet.TYPE_SCROLL_INSENSITIVE
        && type != ResultSet.TYPE_SCROLL_SENSITIVE) {
      throw SqlStates.exception(SqlStates.INVALID_ARGUMENT, "bad result set type " + type);
    }
    if (type != ResultSet.TYPE_FORWARD_ONLY) {
      addWarning(new SQLWarning("only TYPE_FORWARD_ONLY result sets are supported; using it", "01000"));
    }
    if (concurrency != ResultSet.CONCUR_READ_ONLY) {
      if (concurrency != ResultSet.CONCUR_UPDATABLE) {
        throw SqlStates.exception(SqlStates.INVALID_ARGUMENT, "bad result set concurrency " + concurrency);
      }
      addWarning(new SQLWarning("only CONCUR_READ_ONLY result sets are supported; using it", "01000"));
    }
    if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT && holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT) {
      throw SqlStates.exception(SqlStates.INVALID_ARGUMENT, "bad holdability " + holdability);
    }
  }

  // ---- statements --------------------------------------------------------------------------------

  @Override
  public Statement createStatement() throws SQLException {
    checkOpen();
    return register(new JdbcStatement(this));
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
    return createStatement(resultSetType, resultSetConcurrency, holdability);
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    checkOpen();
    checkResultSetOptions(resultSetType, resultSetConcurrency, resultSetHoldability);
    return createStatement();
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    return prepare(sql, false, null);
  }

  private PreparedStatement prepare(String sql, boolean keys, List<String> keyColumns) throws SQLException {
    checkOpen();
    if (sql == null) {
      throw SqlStates.exception(SqlStates.INVALID_ARGUMENT, "sql is null");
    }
    return register(new JdbcPreparedStatement(this, sql, keys, keyColumns));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
      throws SQLException {
    return prepareStatement(sql, resultSetType, resultSetConcurrency, holdability);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    checkOpen();
    checkResultSetOptions(resultSetType, resultSetConcurrency, resultSetHoldability);
    return prepareStatement(sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    JdbcStatement.checkKeysFlag(autoGeneratedKeys);
    return prepare(sql, autoGeneratedKeys == Statement.RETURN_GENERATED_KEYS, null);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    return prepare(sql, columnIndexes != null && columnIndexes.length > 0, JdbcStatement.indexNames(columnIndexes));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    return prepare(sql, columnNames != null && columnNames.length > 0,
        columnNames == null ? null : List.of(columnNames));
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    checkOpen();
    throw SqlStates.unsupported("CallableStatement (Strata has no stored procedures)");
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
    return prepareCall(sql);
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    return prepareCall(sql);
  }

  @Override
  public String nativeSQL(String sql) throws SQLException {
    checkOpen();
    return sql;
  }

  // ---- transactions ------------------------------------------------------------------------------

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    run(() -> session.setAutoCommit(autoCommit));
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    return call(session::autoCommit);
  }

  /**
   * Commits the open transaction. In autocommit mode there is nothing to commit unless a
   * transaction was opened with SQL ({@code BEGIN}); otherwise, like most embedded drivers, this
   * is a no-op rather than an error.
   */
  @Override
  public void commit() throws SQLException {
    run(() -> {
      if (!session.autoCommit() || session.inTransaction()) {
        session.commit();
      }
    });
  }

  @Override
  public void rollback() throws SQLException {
    run(() -> {
      if (!session.autoCommit() || session.inTransaction()) {
        session.rollback();
      }
    });
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    return savepoint(null);
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    if (name == null) {
      throw SqlStates.exception(SqlStates.INVALID_ARGUMENT, "savepoint name is null");
    }
    return savepoint(name);
  }

  private Savepoint savepoint(String name) throws SQLException {
    return call(() -> {
      if (session.autoCommit()) {
        throw SqlStates.exception(SqlStates.INVALID_TRANSACTION_STATE, "cannot set a savepoint in autocommit mode");
      }
      int id = ++savepointIds;
      String engineName = name != null ? name : "JDBC_SAVEPOINT_" + id;
      session.savepoint(engineName);
      return new JdbcSavepoint(this, engineName, id, name);
    });
  }

  private JdbcSavepoint own(Savepoint sp) throws SQLException {
    if (!(sp instanceof JdbcSavepoint s) || s.owner != this) {
      throw SqlStates.exception(SqlStates.INVALID_SAVEPOINT, "savepoint " + sp + " does not belong to this connection");
    }
    return s;
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    JdbcSavepoint s = own(savepoint);
    run(() -> {
      if (session.autoCommit()) {
        throw SqlStates.exception(SqlStates.INVALID_TRANSACTION_STATE, "cannot roll back to a savepoint in autocommit mode");
      }
      session.rollbackToSavepoint(s.engineName);
    });
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    JdbcSavepoint s = own(savepoint);
    run(() -> session.releaseSavepoint(s.engineName));
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    checkOpen();
    switch (level) {
      case TRANSACTION_READ_UNCOMMITTED, TRANSACTION_READ_COMMITTED, TRANSACTION_REPEATABLE_READ -> {
        // all run at snapshot isolation, which is at least as strong
      }
      case TRANSACTION_SERIALIZABLE -> addWarning(new SQLWarning(
          "SERIALIZABLE is not available: transactions run at snapshot isolation (reported as"
              + " REPEATABLE_READ), which prevents lost updates but allows write skew", "01000"));
      default -> throw SqlStates.exception(SqlStates.INVALID_ARGUMENT,
          "bad transaction isolation level " + level);
    }
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    checkOpen();
    return ISOLATION;
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    run(() -> {
      session.setReadOnly(readOnly || session.asOfVersion().isPresent());
      this.readOnly = readOnly;
    });
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    return call(() -> readOnly || session.readOnly() || session.asOfVersion().isPresent());
  }

  // ---- AS OF -------------------------------------------------------------------------------------

  @Override
  public long currentVersion() throws SQLException {
    checkOpen();
    try {
      return db.store.latestVersion();
    } catch (RuntimeException e) {
      throw SqlStates.map(e, false);
    }
  }

  @Override
  public OptionalLong asOfVersion() throws SQLException {
    return call(session::asOfVersion);
  }

  @Override
  public void setAsOf(long version) throws SQLException {
    applyAsOf(new ConnectionUrl.AsOf(version, null));
  }

  @Override
  public void setAsOf(Instant time) throws SQLException {
    if (time == null) {
      throw SqlStates.exception(SqlStates.INVALID_ARGUMENT, "time is null");
    }
    applyAsOf(new ConnectionUrl.AsOf(-1, time));
  }

  @Override
  public void setAsOf(String versionOrTimestamp) throws SQLException {
    if (versionOrTimestamp == null) {
      throw SqlStates.exception(SqlStates.INVALID_ARGUMENT, "version is null");
    }
    ConnectionUrl.AsOf asOf;
    try {
      asOf = ConnectionUrl.parseAsOf(versionOrTimestamp, "AS OF");
    } catch (SQLException e) {
      throw SqlStates.exception(SqlStates.INVALID_PARAMETER_VALUE, e.getMessage());
    }
    applyAsOf(asOf);
  }

  @Override
  public void clearAsOf() throws SQLException {
    run(() -> {
      session.setAsOfVersion(OptionalLong.empty());
      session.setReadOnly(readOnly);
    });
  }

  private void applyAsOf(ConnectionUrl.AsOf asOf) throws SQLException {
    run(() -> {
      long version = resolve(asOf);
      session.setAsOfVersion(OptionalLong.of(version));
    });
  }

  /** A version number checked against what the store retains, or the version at a time. */
  private long resolve(ConnectionUrl.AsOf asOf) throws SQLException {
    if (asOf.time() != null) {
      Optional<Version> v = db.store.versionAt(asOf.time());
      if (v.isEmpty()) {
        long oldest = db.store.oldestRetainedVersion();
        String when = db.store.version(oldest).map(x -> " (committed " + x.commitTime() + ")").orElse("");
        throw SqlStates.exception(SqlStates.SNAPSHOT_TOO_OLD, "no retained version at or before " + asOf.time()
            + "; the oldest retained version is " + oldest + when);
      }
      return v.get().id();
    }
    long version = asOf.version();
    long latest = db.store.latestVersion();
    if (version > latest) {
      throw SqlStates.exception(SqlStates.INVALID_PARAMETER_VALUE,
          "version " + version + " does not exist yet; the latest is " + latest);
    }
    long oldest = db.store.oldestRetainedVersion();
    if (version < oldest) {
      throw SqlStates.exception(SqlStates.SNAPSHOT_TOO_OLD,
          "version " + version + " is no longer retained; the oldest retained version is " + oldest);
    }
    return version;
  }

  @Override
  public io.strata.planner.PhaseTimes phaseTimes() throws SQLException {
    return call(session::phaseTimes);
  }

  @Override
  public String databaseLocation() throws SQLException {
    checkOpen();
    return url.kind == ConnectionUrl.Kind.MEM ? "mem:" + url.memName : url.path.toString();
  }

  // ---- lifecycle ---------------------------------------------------------------------------------

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    List<JdbcStatement> open;
    synchronized (statements) {
      open = new ArrayList<>(statements);
    }
    SQLException first = null;
    for (JdbcStatement s : open) {
      try {
        s.close();
      } catch (SQLException e) {
        first = first == null ? e : first;
      }
    }
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      try {
        session.close();
      } catch (RuntimeException e) {
        first = first == null ? SqlStates.map(e, false) : first;
      }
    } finally {
      lock.unlock();
      db.release();
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public boolean isValid(int timeout) throws SQLException {
    if (timeout < 0) {
      throw SqlStates.exception(SqlStates.INVALID_ARGUMENT, "timeout must be >= 0");
    }
    return !closed && db.store.isOpen();
  }

  @Override
  public void abort(Executor executor) throws SQLException {
    if (executor == null) {
      throw SqlStates.exception(SqlStates.INVALID_ARGUMENT, "executor is null");
    }
    if (closed) {
      return;
    }
    session.cancel();
    executor.execute(() -> {
      try {
        close();
      } catch (SQLException e) {
        // the connection is being abandoned; nothing to report to
      }
    });
  }

  /** Embedded: there is no network, so the timeout is kept only to be reported back. */
  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    checkOpen();
    if (milliseconds < 0) {
      throw SqlStates.exception(SqlStates.INVALID_ARGUMENT, "timeout must be >= 0");
    }
    networkTimeout = milliseconds;
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    checkOpen();
    return networkTimeout;
  }

  // ---- schema, catalog, misc ---------------------------------------------------------------------

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    checkOpen();
    return new JdbcDatabaseMetaData(this);
  }

  /** Strata has no catalogs. */
  @Override
  public void setCatalog(String catalog) throws SQLException {
    checkOpen();
  }

  @Override
  public String getCatalog() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void setSchema(String schema) throws SQLException {
    checkOpen();
    if (schema == null || !schema.equalsIgnoreCase(JdbcResultSetMetaData.DEFAULT_SCHEMA)) {
      throw SqlStates.exception(SqlStates.INVALID_SCHEMA, "unknown schema '" + schema
          + "': user tables live in " + JdbcResultSetMetaData.DEFAULT_SCHEMA);
    }
  }

  @Override
  public String getSchema() throws SQLException {
    checkOpen();
    return JdbcResultSetMetaData.DEFAULT_SCHEMA;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return warnings;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
    warnings = null;
  }

  @Override
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    checkOpen();
    return typeMap;
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    checkOpen();
    typeMap = map == null ? Collections.emptyMap() : map;
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    checkOpen();
    if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT && holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT) {
      throw SqlStates.exception(SqlStates.INVALID_ARGUMENT, "bad holdability " + holdability);
    }
    this.holdability = holdability;
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return holdability;
  }

  @Override
  public Clob createClob() throws SQLException {
    checkOpen();
    return new SerialClob(new char[0]);
  }

  @Override
  public Blob createBlob() throws SQLException {
    checkOpen();
    return new SerialBlob(new byte[0]);
  }

  @Override
  public NClob createNClob() throws SQLException {
    throw SqlStates.unsupported("NClob");
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    throw SqlStates.unsupported("SQLXML");
  }

  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    throw SqlStates.unsupported("ARRAY");
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    throw SqlStates.unsupported("STRUCT");
  }

  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    if (closed) {
      throw new SQLClientInfoException("connection is closed", SqlStates.CLOSED, 0, Map.of());
    }
    if (name != null) {
      if (value == null) {
        clientInfo.remove(name);
      } else {
        clientInfo.setProperty(name, value);
      }
    }
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    if (closed) {
      throw new SQLClientInfoException("connection is closed", SqlStates.CLOSED, 0, Map.of());
    }
    clientInfo.clear();
    if (properties != null) {
      for (String k : properties.stringPropertyNames()) {
        clientInfo.setProperty(k, properties.getProperty(k));
      }
    }
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    checkOpen();
    return clientInfo.getProperty(name);
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    checkOpen();
    Properties p = new Properties();
    p.putAll(clientInfo);
    return p;
  }

  @Override
  public String toString() {
    return "StrataConnection[" + url.url.split(";")[0] + "]";
  }
}
