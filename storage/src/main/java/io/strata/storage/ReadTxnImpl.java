package io.strata.storage;

/** A read transaction: the trees of one pinned version. */
final class ReadTxnImpl extends TxnBase {
  private final SmallNameMap<TreeState> trees = new SmallNameMap<>();
  private boolean released;

  ReadTxnImpl(StoreImpl store, long version, long timeNanos, long dirRoot) {
    super(store, version, timeNanos, dirRoot);
  }

  @Override
  TreeState state(String name) {
    TreeState s = trees.get(name);
    if (s == null) {
      s = store.readState(this, name);
      if (s != null) {
        trees.put(name, s);
      }
    }
    return s;
  }

  @Override
  boolean writable() {
    return false;
  }

  @Override
  synchronized void release() {
    if (!released) {
      released = true;
      store.unpinReader(snapshot);
    }
  }

  @Override
  public void close() {
    if (status == Status.OPEN) {
      status = Status.CLOSED;
    }
    release();
  }
}
