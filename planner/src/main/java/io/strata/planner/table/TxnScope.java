package io.strata.planner.table;

import io.strata.planner.StrataException;
import io.strata.planner.StrataException.Reason;
import io.strata.planner.catalog.Catalog;
import io.strata.storage.ReadTxn;
import io.strata.storage.StorageException;
import io.strata.storage.Store;
import io.strata.storage.WriteTxn;
import java.util.HashMap;
import java.util.Map;

/**
 * The storage side of one statement execution, handed to operators through the executor's
 * context: the statement's transaction (a write transaction when it may write), read
 * transactions on historical versions opened on demand and closed with the scope, the catalog
 * the statement was planned against, and the engine's row-id allocator.
 */
public final class TxnScope implements AutoCloseable {
  private final Store store;
  private final ReadTxn txn;
  private final Catalog catalog;
  private final String readOnlyReason;
  private final RowIds rowIds;
  private final boolean lazySavepoint;
  private WriteTxn.Savepoint savepoint;
  /**
   * The first historical version the statement read and its transaction (most statements read at
   * most one, and a point lookup AS OF a version should cost what a current one does, so it takes
   * no map); further versions go to {@link #moreHistory}.
   */
  private long historyVersion = -1;
  private ReadTxn historyTxn;
  private Map<Long, ReadTxn> moreHistory;

  /**
   * @param readOnlyReason why writes are refused (read-only transaction, historical snapshot), or
   *     null when txn is a writable {@link WriteTxn}
   */
  public TxnScope(Store store, ReadTxn txn, Catalog catalog, String readOnlyReason,
      RowIds rowIds, boolean lazySavepoint) {
    this.store = store;
    this.rowIds = rowIds;
    this.lazySavepoint = lazySavepoint;
    this.txn = txn;
    this.catalog = catalog;
    this.readOnlyReason = readOnlyReason;
  }

  public Store store() {
    return store;
  }

  public Catalog catalog() {
    return catalog;
  }

  /**
   * Called before the statement's writes when a failure could strike after its first change: in a
   * transaction the statement does not own, takes the savepoint that a failure rolls back to. A
   * statement whose writes are a single put or delete needs none (one that fails changes nothing),
   * and skipping it spares the transaction a copy of every page the statement touches.
   */
  void beforeWrites() {
    if (lazySavepoint && savepoint == null) {
      try {
        savepoint = writer().savepoint();
      } catch (StorageException e) {
        throw Storage.translate(e);
      }
    }
  }

  /** The savepoint {@link #beforeWrites} took, or null. */
  public WriteTxn.Savepoint savepoint() {
    return savepoint;
  }

  /**
   * Hands over the savepoint {@link #beforeWrites} took, or null, and forgets it, so the next
   * writes (the next parameter set of a batch) take their own.
   */
  public WriteTxn.Savepoint takeSavepoint() {
    WriteTxn.Savepoint s = savepoint;
    savepoint = null;
    return s;
  }

  /** The engine's row-id allocator. */
  RowIds rowIds() {
    return rowIds;
  }

  /**
   * Whether what the reader of this version sees stays as it is while the statement runs, so a
   * scan may read ahead: a historical version, or a read-only transaction. A write transaction
   * may change under a query whose result is still being read, by a later statement of its own.
   */
  public boolean unchanging(long version) {
    return version >= 0 || !(txn instanceof WriteTxn);
  }

  /** The transaction reading the given committed version, or the statement's for version < 0. */
  public ReadTxn reader(long version) {
    if (version < 0) {
      return txn;
    }
    if (version == historyVersion) {
      return historyTxn;
    }
    ReadTxn r = moreHistory == null ? null : moreHistory.get(version);
    if (r == null) {
      r = open(version);
      if (historyTxn == null) {
        historyVersion = version;
        historyTxn = r;
      } else {
        if (moreHistory == null) {
          moreHistory = new HashMap<>();
        }
        moreHistory.put(version, r);
      }
    }
    return r;
  }

  private ReadTxn open(long version) {
    try {
      return store.read(version);
    } catch (StorageException e) {
      throw Storage.translate(e);
    }
  }

  /** The write transaction; fails with READ_ONLY when the statement may not write. */
  public WriteTxn writer() {
    if (readOnlyReason != null || !(txn instanceof WriteTxn w)) {
      throw new StrataException(Reason.READ_ONLY, readOnlyReason == null
          ? "cannot write in a read-only transaction" : readOnlyReason);
    }
    return w;
  }

  @Override
  public void close() {
    if (historyTxn != null) {
      historyTxn.close();
      historyTxn = null;
      historyVersion = -1;
    }
    if (moreHistory != null) {
      for (ReadTxn r : moreHistory.values()) {
        r.close();
      }
      moreHistory = null;
    }
  }
}
