package io.strata.storage;

/** The context cursors over internal trees run in: always usable, never pins anything. */
final class InternalTxn extends TxnBase {
  InternalTxn(StoreImpl store) {
    super(store, -1, 0, 0);
  }

  @Override
  void checkUsable() {}

  @Override
  void release() {}

  @Override
  TreeState state(String name) {
    return null;
  }

  @Override
  boolean writable() {
    return false;
  }

  @Override
  public void close() {}
}
