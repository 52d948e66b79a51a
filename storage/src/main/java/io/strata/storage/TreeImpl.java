package io.strata.storage;

/** A tree seen through one transaction. */
final class TreeImpl implements Tree {
  private final TxnBase txn;
  final TreeState state;

  TreeImpl(TxnBase txn, TreeState state) {
    this.txn = txn;
    this.state = state;
  }

  @Override
  public String name() {
    return state.name;
  }

  private void enter() {
    txn.checkUsable();
    if (!state.exists) {
      throw new StorageException(ErrorCode.TREE_NOT_FOUND, "tree '" + state.name + "' was dropped");
    }
  }

  private void checkKey(byte[] key) {
    if (key == null) {
      throw new StorageException(ErrorCode.INVALID_ARGUMENT, "null key");
    }
    if (key.length > txn.pager.maxKey) {
      throw new StorageException(ErrorCode.KEY_TOO_LARGE,
          "key of " + key.length + " bytes exceeds the limit of " + txn.pager.maxKey + " bytes");
    }
  }

  @Override
  public byte[] get(byte[] key) {
    enter();
    if (key == null) {
      throw new StorageException(ErrorCode.INVALID_ARGUMENT, "null key");
    }
    try {
      Object v = BTree.find(txn.pager, state.root, key);
      return v == null ? null : txn.pager.value(v);
    } catch (StorageException e) {
      txn.fail(e);
      throw e;
    }
  }

  @Override
  public void put(byte[] key, byte[] value) {
    write(key, value, false);
  }

  @Override
  public boolean insert(byte[] key, byte[] value) {
    return write(key, value, true);
  }

  private boolean write(byte[] key, byte[] value, boolean onlyIfAbsent) {
    enter();
    checkKey(key);
    if (value == null) {
      throw new StorageException(ErrorCode.INVALID_ARGUMENT, "null value");
    }
    if (value.length > StoreOptions.MAX_VALUE_SIZE) {
      throw new StorageException(ErrorCode.VALUE_TOO_LARGE,
          "value of " + value.length + " bytes exceeds the limit of " + StoreOptions.MAX_VALUE_SIZE + " bytes");
    }
    WriteTxnImpl w = writer();
    try {
      if (onlyIfAbsent) {
        if (!BTree.insert(w.mutator, state, key.clone(), value.clone())) {
          return false;
        }
        state.count++;
      } else if (BTree.put(w.mutator, state, key.clone(), value.clone())) {
        state.count++;
      }
      if (value.length > txn.pager.inlineMax) {
        w.mutator.largeValues = true;
      }
      state.changed = true;
      return true;
    } catch (StorageException e) {
      txn.fail(e);
      throw e;
    }
  }

  @Override
  public boolean delete(byte[] key) {
    enter();
    checkKey(key);
    WriteTxnImpl w = writer();
    try {
      if (BTree.delete(w.mutator, state, key) != null) {
        state.count--;
        state.changed = true;
        return true;
      }
      return false;
    } catch (StorageException e) {
      txn.fail(e);
      throw e;
    }
  }

  private WriteTxnImpl writer() {
    if (!(txn instanceof WriteTxnImpl w)) {
      throw new StorageException(ErrorCode.READ_ONLY, "write through a read transaction");
    }
    return w;
  }

  @Override
  public long size() {
    enter();
    return state.count;
  }

  @Override
  public Cursor cursor(byte[] from, byte[] toExclusive) {
    enter();
    return new CursorImpl(txn, state, from, toExclusive);
  }

  @Override
  public String toString() {
    return "Tree(" + state.name + ")";
  }
}
