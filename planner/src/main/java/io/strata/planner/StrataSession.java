package io.strata.planner;

import io.strata.parser.SqlParseException;
import io.strata.parser.StrataSqlParser;
import io.strata.planner.StrataException.Reason;
import io.strata.planner.calcite.CatalogSource;
import io.strata.planner.calcite.Planner;
import io.strata.planner.catalog.Catalog;
import io.strata.planner.catalog.CatalogStore;
import io.strata.planner.catalog.TableDef;
import io.strata.planner.exec.ExecContext;
import io.strata.planner.table.Storage;
import io.strata.planner.table.TxnScope;
import io.strata.storage.ReadTxn;
import io.strata.storage.StorageException;
import io.strata.storage.Store;
import io.strata.storage.Tree;
import io.strata.storage.WriteTxn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.calcite.sql.SqlNode;

/**
 * One connection: autocommit, the open transaction, savepoints, read-only mode and the
 * session-level AS OF.
 *
 * <p>Invariants: {@code txn} is null or open; it is a {@link WriteTxn} unless the transaction is
 * read-only. Without autocommit a transaction opens at the first statement and stays open until
 * COMMIT or ROLLBACK. A failing statement inside a transaction is rolled back to the savepoint taken
 * before it, so it leaves no partial effect; a failing autocommit statement aborts its transaction.
 * {@code txnDdl} says the open transaction changed the catalog, so its catalog is read from the
 * transaction rather than the engine's cache and its plans are not shared.
 *
 * <p>Cancellation: a statement spans from the entry of {@code execute}/{@code prepare} (before
 * parsing) to its return; {@code depth} counts nested entries on the session's own thread. A
 * {@link #cancel()} that arrives while a statement is in progress, in any phase, marks that
 * statement (by its number) cancelled, so it stops at its next check; a cancel with no statement in
 * progress is ignored and never affects the next one.
 */
final class StrataSession implements Session {
  /** Constant folder for the planner: the executor's evaluator, so folding agrees with running. */
  private static final org.apache.calcite.rex.RexExecutor EXECUTOR =
      io.strata.planner.eval.StrataRexExecutor.INSTANCE;
  final Engine engine;
  final Store store;
  final Planner.Timings timings = new Planner.Timings();
  private boolean autoCommit = true;
  private boolean readOnly;
  private OptionalLong asOf = OptionalLong.empty();
  private ReadTxn txn;
  private boolean explicit;
  private boolean txnReadOnly;
  private boolean txnDdl;
  private final Map<String, WriteTxn.Savepoint> savepoints = new LinkedHashMap<>();
  private volatile ExecContext running;
  private int depth;
  private volatile boolean inStatement;
  private volatile long statementNo;
  private volatile long cancelledNo = -1;
  private boolean closed;
  /** Open results that stream rows from a snapshot of their own ({@link StreamingResult}). */
  private final java.util.Set<Result> streaming =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  StrataSession(Engine engine) {
    this.engine = engine;
    this.store = engine.store();
  }

  void checkOpen() {
    if (closed) {
      throw new StrataException(Reason.CLOSED, "session is closed");
    }
  }

  static SqlNode parse(String sql) {
    try {
      return StrataSqlParser.parseStatement(sql);
    } catch (SqlParseException e) {
      throw new StrataException(Reason.SYNTAX, e.getMessage(), e.line(), e.column(), e);
    } catch (StrataException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StrataException(Reason.SYNTAX, "cannot parse: " + e.getMessage(), e);
    }
  }

  @Override
  public Prepared prepare(String sql) {
    checkOpen();
    enterStatement();
    try {
      long t0 = System.nanoTime();
      SqlNode node = parse(sql);
      timings.parse += System.nanoTime() - t0;
      return new StrataPrepared(this, sql, node);
    } finally {
      exitStatement();
    }
  }

  @Override
  public Result execute(String sql, List<?> params) {
    checkOpen();
    enterStatement();
    try {
      return prepare(sql).execute(params);
    } finally {
      exitStatement();
    }
  }

  /** Marks the start of a statement (or of a nested phase of the current one). */
  void enterStatement() {
    if (depth++ == 0) {
      statementNo++;
      inStatement = true;
    }
  }

  void exitStatement() {
    if (--depth == 0) {
      inStatement = false;
    }
  }

  /** Throws CANCELLED if {@link #cancel()} arrived during the current statement. */
  void checkCancelled() {
    if (inStatement && cancelledNo == statementNo) {
      throw new StrataException(Reason.CANCELLED, "statement cancelled");
    }
  }

  // ------------------------------------------------------------------ statement transactions

  /** The transaction a statement runs in, and whether the statement owns (ends) it. */
  final class Stmt implements AutoCloseable {
    final ReadTxn txn;
    final boolean owned;
    final Catalog catalog;
    final boolean catalogPrivate;
    final TxnScope scope;
    private final WriteTxn.Savepoint eagerSavepoint;
    private boolean done;

    /**
     * @param savepoint whether the statement needs a savepoint in a transaction it does not own
     *     (it may write): taken now, or with {@code lazy} by the statement's writer through
     *     {@link TxnScope#beforeWrites}
     */
    Stmt(ReadTxn txn, boolean owned, String readOnlyReason, boolean savepoint, boolean lazy) {
      this.txn = txn;
      this.owned = owned;
      this.catalogPrivate = !owned && txnDdl;
      this.catalog = catalogPrivate ? CatalogStore.load(txn) : engine.catalog(txn);
      boolean protect = savepoint && !owned && txn instanceof WriteTxn;
      this.scope = new TxnScope(store, txn, catalog, readOnlyReason, engine.rowIds(),
          protect && lazy);
      this.eagerSavepoint = protect && !lazy ? ((WriteTxn) txn).savepoint() : null;
    }

    /** The savepoint a failure of the statement rolls back to, or null. */
    private WriteTxn.Savepoint savepoint() {
      return eagerSavepoint != null ? eagerSavepoint : scope.savepoint();
    }

    WriteTxn writer() {
      return scope.writer();
    }

    /**
     * Ends the statement successfully: commits an owned write transaction, or releases the
     * statement's savepoint in the session's transaction.
     */
    void finish() {
      done = true;
      scope.close();
      WriteTxn.Savepoint savepoint = savepoint();
      if (savepoint != null) {
        try {
          ((WriteTxn) txn).release(savepoint);
        } catch (StorageException e) {
          throw Storage.translate(e);
        }
      }
      if (owned) {
        if (txn instanceof WriteTxn w) {
          try {
            w.commit();
          } catch (StorageException e) {
            w.abort();
            throw Storage.translate(e);
          }
        } else {
          txn.close();
        }
      }
    }

    /**
     * Ends one parameter set of a batch that succeeded: releases the savepoint its writer took,
     * so the next set takes its own.
     */
    void rowDone() {
      WriteTxn.Savepoint s = scope.takeSavepoint();
      if (s != null) {
        try {
          ((WriteTxn) txn).release(s);
        } catch (StorageException e) {
          throw Storage.translate(e);
        }
      }
    }

    /** Undoes one parameter set of a batch that failed, as {@link #fail} undoes a statement. */
    void rowFailed() {
      WriteTxn.Savepoint s = scope.takeSavepoint();
      if (s != null) {
        try {
          ((WriteTxn) txn).rollbackTo(s);
          ((WriteTxn) txn).release(s);
        } catch (StorageException e) {
          abortTransaction();
        }
      }
    }

    /** Ends the statement after a failure: undoes its effects. */
    void fail() {
      done = true;
      scope.close();
      if (owned) {
        if (txn instanceof WriteTxn w) {
          w.abort();
        } else {
          txn.close();
        }
      } else if (savepoint() != null) {
        WriteTxn.Savepoint savepoint = savepoint();
        try {
          ((WriteTxn) txn).rollbackTo(savepoint);
          ((WriteTxn) txn).release(savepoint);
        } catch (StorageException e) {
          // the transaction itself failed (I/O, conflict): it cannot continue
          abortTransaction();
        }
      }
    }

    /** Fails the statement unless it finished. */
    @Override
    public void close() {
      if (!done) {
        fail();
      }
    }

    CatalogSource catalogSource() {
      return new CatalogSource() {
        @Override
        public Catalog current() {
          return catalog;
        }

        @Override
        public Catalog at(long version) {
          return engine.catalogAt(version);
        }

        @Override
        public double rowCount(TableDef table, long version) {
          try {
            return txn.tree(table.treeName()).map(Tree::size).orElse(0L);
          } catch (StorageException e) {
            return 100;
          }
        }
      };
    }
  }

  /**
   * Starts a statement.
   *
   * @param writes whether it may write (DML, DDL)
   */
  Stmt begin(boolean writes) {
    return begin(writes, false);
  }

  /**
   * Starts a statement whose writer takes its savepoint itself ({@link TxnScope#beforeWrites})
   * when {@code lazySavepoint}.
   */
  Stmt begin(boolean writes, boolean lazySavepoint) {
    checkOpen();
    checkCancelled();
    try {
      if (asOf.isPresent()) {
        long v = asOf.getAsLong();
        engine.checkVersion(v);
        return new Stmt(store.read(v), true,
            "the session reads AS OF VERSION " + v + "; historical versions are read-only", false,
            false);
      }
      if (txn != null) {
        return new Stmt(txn, false, txnReadOnly ? "the transaction is read-only" : null, writes,
            lazySavepoint);
      }
      if (!autoCommit) {
        openTransaction(readOnly);
        return new Stmt(txn, false, txnReadOnly ? "the transaction is read-only" : null, writes,
            lazySavepoint);
      }
      if (writes && !readOnly) {
        return new Stmt(store.begin(), true, null, false, false);
      }
      return new Stmt(store.read(), true, readOnly ? "the session is read-only" : null, false,
          false);
    } catch (StorageException e) {
      throw Storage.translate(e);
    }
  }

  private void openTransaction(boolean ro) {
    txn = ro ? store.read() : store.begin();
    txnReadOnly = ro;
    txnDdl = false;
    savepoints.clear();
  }

  /** Marks that the open transaction changed the catalog. */
  void catalogChanged(Stmt stmt) {
    if (!stmt.owned) {
      txnDdl = true;
    }
  }

  ExecContext newContext(Object[] params, TxnScope scope) {
    ExecContext ctx = new ExecContext(params, scope);
    running = ctx;
    checkCancelled();
    return ctx;
  }

  void doneRunning() {
    running = null;
  }

  /** Ends the running mark of a streamed query, unless another statement has taken it over. */
  void doneRunning(ExecContext ctx) {
    if (running == ctx) {
      running = null;
    }
  }

  /** Remembers a result that holds a snapshot open, so closing the session closes it. */
  void track(Result r) {
    streaming.add(r);
  }

  void untrack(Result r) {
    streaming.remove(r);
  }

  /** A planner over the statement's catalog. */
  Planner planner(Stmt stmt) {
    return new Planner(stmt.catalogSource(), StrataSession::parse,
        EXECUTOR, timings);
  }

  /** A planner over the given catalog (DDL validates against the catalog it is building). */
  Planner planner(Stmt stmt, Catalog catalog) {
    CatalogSource base = stmt.catalogSource();
    CatalogSource src = new CatalogSource() {
      @Override
      public Catalog current() {
        return catalog;
      }

      @Override
      public Catalog at(long version) {
        return base.at(version);
      }

      @Override
      public double rowCount(TableDef table, long version) {
        return base.rowCount(table, version);
      }
    };
    return new Planner(src, StrataSession::parse,
        EXECUTOR, timings);
  }

  // ------------------------------------------------------------------ transaction control

  void beginTransaction(boolean ro) {
    checkOpen();
    if (txn != null && explicit) {
      throw new StrataException(Reason.INVALID_TRANSACTION_STATE, "a transaction is already open");
    }
    if (txn == null) {
      try {
        openTransaction(ro || readOnly);
      } catch (StorageException e) {
        throw Storage.translate(e);
      }
    }
    explicit = true;
  }

  @Override
  public boolean autoCommit() {
    return autoCommit;
  }

  @Override
  public void setAutoCommit(boolean on) {
    checkOpen();
    if (on && !autoCommit && txn != null) {
      commit();
    }
    autoCommit = on;
  }

  @Override
  public boolean inTransaction() {
    return txn != null;
  }

  @Override
  public void commit() {
    checkOpen();
    ReadTxn t = txn;
    txn = null;
    explicit = false;
    txnDdl = false;
    savepoints.clear();
    if (t == null) {
      return;
    }
    if (t instanceof WriteTxn w) {
      try {
        w.commit();
      } catch (StorageException e) {
        w.abort();
        throw Storage.translate(e);
      }
    } else {
      t.close();
    }
  }

  @Override
  public void rollback() {
    checkOpen();
    abortTransaction();
  }

  private void abortTransaction() {
    ReadTxn t = txn;
    txn = null;
    explicit = false;
    txnDdl = false;
    savepoints.clear();
    if (t instanceof WriteTxn w) {
      w.abort();
    } else if (t != null) {
      t.close();
    }
  }

  private WriteTxn writableTxn(String what) {
    if (txn == null) {
      if (autoCommit) {
        throw new StrataException(Reason.INVALID_TRANSACTION_STATE,
            what + " needs an open transaction");
      }
      openTransaction(readOnly);
    }
    if (!(txn instanceof WriteTxn w)) {
      throw new StrataException(Reason.INVALID_TRANSACTION_STATE,
          what + " is not available in a read-only transaction");
    }
    return w;
  }

  @Override
  public void savepoint(String name) {
    checkOpen();
    WriteTxn w = writableTxn("SAVEPOINT");
    String key = name.toUpperCase(java.util.Locale.ROOT);
    savepoints.remove(key);
    savepoints.put(key, w.savepoint());
  }

  @Override
  public void rollbackToSavepoint(String name) {
    checkOpen();
    String key = name.toUpperCase(java.util.Locale.ROOT);
    WriteTxn.Savepoint sp = savepoints.get(key);
    if (sp == null || !(txn instanceof WriteTxn w)) {
      throw new StrataException(Reason.INVALID_TRANSACTION_STATE, "no savepoint " + name);
    }
    try {
      w.rollbackTo(sp);
    } catch (StorageException e) {
      throw Storage.translate(e);
    }
    dropAfter(key, false);
  }

  @Override
  public void releaseSavepoint(String name) {
    checkOpen();
    String key = name.toUpperCase(java.util.Locale.ROOT);
    WriteTxn.Savepoint sp = savepoints.get(key);
    if (sp == null) {
      throw new StrataException(Reason.INVALID_TRANSACTION_STATE, "no savepoint " + name);
    }
    if (txn instanceof WriteTxn w) {
      try {
        w.release(sp);
      } catch (StorageException e) {
        throw Storage.translate(e);
      }
    }
    dropAfter(key, true);
  }

  /** Forgets savepoints taken after key (and key itself when inclusive). */
  private void dropAfter(String key, boolean inclusive) {
    boolean after = false;
    for (var it = savepoints.entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      if (e.getKey().equals(key)) {
        after = true;
        if (inclusive) {
          it.remove();
        }
      } else if (after) {
        it.remove();
      }
    }
  }

  @Override
  public boolean readOnly() {
    return readOnly || asOf.isPresent();
  }

  @Override
  public void setReadOnly(boolean on) {
    checkOpen();
    if (txn != null && on != readOnly) {
      throw new StrataException(Reason.INVALID_TRANSACTION_STATE,
          "cannot change read-only mode inside a transaction");
    }
    readOnly = on;
  }

  @Override
  public OptionalLong asOfVersion() {
    return asOf;
  }

  @Override
  public void setAsOfVersion(OptionalLong version) {
    checkOpen();
    if (version.isPresent()) {
      engine.checkVersion(version.getAsLong());
    }
    asOf = version;
  }

  @Override
  public void cancel() {
    if (inStatement) {
      cancelledNo = statementNo;
    }
    ExecContext c = running;
    if (c != null) {
      c.cancel();
    }
  }

  @Override
  public PhaseTimes phaseTimes() {
    return new PhaseTimes(timings.parse, timings.validate, timings.convert, timings.optimise,
        timings.build, timings.execute);
  }

  @Override
  public List<TableInfo> tables() {
    checkOpen();
    try (Stmt stmt = begin(false)) {
      List<TableInfo> out = Metadata.tables(stmt.catalog, planner(stmt));
      stmt.finish();
      return out;
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    for (Result r : new ArrayList<>(streaming)) {
      r.close();
    }
    abortTransaction();
    closed = true;
  }

  /** Rows of a statement, for callers that want them as a list. */
  static List<Object[]> drain(io.strata.planner.exec.Operator op, ExecContext ctx) {
    List<Object[]> rows = new ArrayList<>();
    op.open(ctx);
    try {
      for (Object[] r = op.next(); r != null; r = op.next()) {
        rows.add(r);
      }
    } finally {
      op.close();
    }
    return rows;
  }
}
