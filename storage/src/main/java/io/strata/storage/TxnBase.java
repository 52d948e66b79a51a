package io.strata.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What read and write transactions share: the pinned snapshot (version, commit time, directory
 * root), the life cycle, and failure handling (a transaction that saw an I/O error or corruption
 * refuses further use). A transaction is used by one thread at a time.
 */
abstract class TxnBase implements ReadTxn {
  enum Status { OPEN, CLOSED, FAILED }

  final StoreImpl store;
  final Pager pager;
  final long snapshot;
  final long timeNanos;
  final Node dirRoot;
  Status status = Status.OPEN;
  StorageException failure;
  private final SmallNameMap<TreeImpl> handles = new SmallNameMap<>();

  TxnBase(StoreImpl store, long snapshot, long timeNanos, long dirRootId) {
    this.store = store;
    this.pager = store.pager;
    this.snapshot = snapshot;
    this.timeNanos = timeNanos;
    this.dirRoot = dirRootId == 0 ? null : pager.node(dirRootId);
  }

  void checkUsable() {
    if (status == Status.FAILED) {
      throw new StorageException(ErrorCode.TXN_FAILED, "transaction failed earlier: " + failure.getMessage(), failure);
    }
    if (status == Status.CLOSED) {
      throw new StorageException(ErrorCode.TXN_CLOSED, "transaction is closed");
    }
    store.checkOpen();
  }

  /** Marks the transaction failed when e is an I/O error or corruption. */
  void fail(StorageException e) {
    if (e.code() == ErrorCode.IO || e.code() == ErrorCode.CORRUPT) {
      if (status == Status.OPEN) {
        status = Status.FAILED;
        failure = e;
        release();
      }
    }
  }

  /** Unpins the snapshot (once). */
  abstract void release();

  @Override
  public long version() {
    return snapshot;
  }

  @Override
  public Instant commitTime() {
    return History.instant(timeNanos);
  }

  /** The committed state of a tree at the snapshot, or null if it does not exist. */
  TreeState baseTree(String name, boolean track) {
    byte[] k = Directory.key(name);
    Object v = BTree.find(pager, dirRoot, k);
    if (v == null) {
      return null;
    }
    byte[] d = pager.value(v);
    long root = Directory.root(d);
    return new TreeState(name, root == 0 ? null : pager.node(root), Directory.count(d), true, track);
  }

  /**
   * The state a tree handle works on; null if the tree does not exist. Invariant: once made for
   * a name, the same object is returned for it for the transaction's life ({@link #tree} relies
   * on it).
   */
  abstract TreeState state(String name);

  @Override
  public Optional<Tree> tree(String name) {
    checkUsable();
    try {
      TreeImpl h = handles.get(name);
      // a transaction's state object for a name never changes once made (dropping, creating
      // and rolling back change it in place), so a handle stays valid while its tree exists
      if (h != null && h.state.exists) {
        return Optional.of(h);
      }
      TreeState s = state(name);
      if (s == null || !s.exists) {
        return Optional.empty();
      }
      h = new TreeImpl(this, s);
      handles.put(name, h);
      return Optional.of(h);
    } catch (StorageException e) {
      fail(e);
      throw e;
    }
  }

  @Override
  public List<String> treeNames() {
    checkUsable();
    try {
      List<String> names = new ArrayList<>();
      TreeState dir = new TreeState("", dirRoot, 0, true, false);
      try (CursorImpl c = new CursorImpl(this, dir, null, null)) {
        for (boolean ok = c.first(); ok; ok = c.next()) {
          names.add(Directory.name(c.key()));
        }
      }
      return names;
    } catch (StorageException e) {
      fail(e);
      throw e;
    }
  }

  @Override
  public boolean isClosed() {
    return status != Status.OPEN;
  }

  abstract boolean writable();
}
