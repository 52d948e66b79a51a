package io.strata.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A write transaction: copy-on-write trees over its snapshot. Changed trees live in
 * {@link #trees}; the commit ({@link Committer}) writes them, or replays their changes onto a newer
 * version when other commits came first.
 */
final class WriteTxnImpl extends TxnBase implements WriteTxn {
  /** Trees this transaction has looked at or changed, by name. */
  final TreeMap<String, TreeState> trees = new TreeMap<>();
  final Mutator mutator;
  String note = "";
  private int epoch;
  private final List<SavepointImpl> savepoints = new ArrayList<>();
  private boolean released;

  WriteTxnImpl(StoreImpl store, long version, long timeNanos, long dirRoot) {
    super(store, version, timeNanos, dirRoot);
    this.mutator = new Mutator(pager, 1);
    this.epoch = 1;
  }

  @Override
  TreeState state(String name) {
    TreeState s = trees.get(name);
    if (s == null) {
      s = baseTree(name, true);
      if (s == null) {
        return null;
      }
      trees.put(name, s);
    }
    return s;
  }

  @Override
  boolean writable() {
    return true;
  }

  @Override
  public Tree createTree(String name) {
    checkUsable();
    Directory.key(name);
    try {
      TreeState s = state(name);
      if (s != null && s.exists) {
        throw new StorageException(ErrorCode.TREE_EXISTS, "tree '" + name + "' already exists");
      }
      if (s == null) {
        s = new TreeState(name, null, 0, false, true);
        trees.put(name, s);
      }
      s.exists = true;
      s.root = null;
      s.count = 0;
      s.structural = true;
      s.changed = true;
      s.modCount++;
      return tree(name).orElseThrow();
    } catch (StorageException e) {
      fail(e);
      throw e;
    }
  }

  @Override
  public void dropTree(String name) {
    checkUsable();
    try {
      TreeState s = state(name);
      if (s == null || !s.exists) {
        throw new StorageException(ErrorCode.TREE_NOT_FOUND, "tree '" + name + "' does not exist");
      }
      BTree.retireAll(mutator, s.root);
      s.root = null;
      s.count = 0;
      s.exists = false;
      s.structural = true;
      s.changed = true;
      s.modCount++;
    } catch (StorageException e) {
      fail(e);
      throw e;
    }
  }

  @Override
  public List<String> treeNames() {
    List<String> base = super.treeNames();
    TreeSet<String> names = new TreeSet<>(base);
    for (TreeState s : trees.values()) {
      if (s.exists) {
        names.add(s.name);
      } else {
        names.remove(s.name);
      }
    }
    return new ArrayList<>(names);
  }

  /**
   * A savepoint: the tree states and the retired-page count at that moment, and the first epoch
   * after it (the nodes of earlier epochs make up its state).
   */
  private final class SavepointImpl implements Savepoint {
    final Map<String, TreeState.Saved> saved = new HashMap<>();
    final int retired;
    final int floor;
    boolean valid = true;

    SavepointImpl(int floor) {
      for (TreeState s : trees.values()) {
        saved.put(s.name, s.save());
      }
      retired = mutator.retired.size();
      this.floor = floor;
    }
  }

  @Override
  public Savepoint savepoint() {
    checkUsable();
    // nodes dirtied so far are frozen while the savepoint lives: later changes copy them
    epoch++;
    SavepointImpl sp = new SavepointImpl(epoch);
    mutator.epoch = epoch;
    mutator.floor = epoch;
    savepoints.add(sp);
    return sp;
  }

  @Override
  public void release(Savepoint savepoint) {
    checkUsable();
    int at = indexOfValid(savepoint);
    for (int i = savepoints.size() - 1; i >= at; i--) {
      savepoints.remove(i).valid = false;
    }
    // the nodes only the released savepoints froze may change in place again
    mutator.floor = savepoints.isEmpty() ? 1 : savepoints.get(savepoints.size() - 1).floor;
  }

  private int indexOfValid(Savepoint savepoint) {
    int at = savepoint instanceof SavepointImpl sp && sp.valid ? savepoints.indexOf(sp) : -1;
    if (at < 0) {
      throw new StorageException(ErrorCode.INVALID_ARGUMENT,
          "savepoint is not valid in this transaction");
    }
    return at;
  }

  @Override
  public void rollbackTo(Savepoint savepoint) {
    checkUsable();
    int at = indexOfValid(savepoint);
    SavepointImpl sp = savepoints.get(at);
    for (int i = savepoints.size() - 1; i > at; i--) {
      savepoints.remove(i).valid = false;
    }
    for (TreeState t : trees.values()) {
      TreeState.Saved s = sp.saved.get(t.name);
      if (s == null) {
        t.reset(); // first touched after the savepoint
      } else {
        t.restore(s);
      }
    }
    mutator.retired.truncate(sp.retired);
    epoch++;
    mutator.epoch = epoch;
    mutator.floor = sp.floor;
  }

  @Override
  public void describe(String note) {
    checkUsable();
    this.note = note == null ? "" : note;
  }

  @Override
  public boolean isDirty() {
    for (TreeState s : trees.values()) {
      if (s.changed) {
        return true;
      }
    }
    return false;
  }

  @Override
  public long commit() {
    checkUsable();
    if (store.options().readOnly()) {
      throw new StorageException(ErrorCode.READ_ONLY, "store is read-only");
    }
    if (!isDirty()) {
      close();
      return snapshot;
    }
    try {
      long v = store.committer.commit(new Committer.Request(this));
      status = Status.CLOSED;
      release();
      return v;
    } catch (StorageException e) {
      status = Status.FAILED;
      failure = e;
      release();
      throw e;
    } catch (RuntimeException | Error e) {
      // the committer could not settle the batch (it then refuses writes): this one is over too
      status = Status.FAILED;
      failure = new StorageException(ErrorCode.IO, "commit failed: " + e, e);
      release();
      throw e;
    }
  }

  @Override
  public void abort() {
    if (status == Status.OPEN) {
      status = Status.CLOSED;
    }
    release();
  }

  @Override
  public void close() {
    abort();
  }

  @Override
  synchronized void release() {
    if (!released) {
      released = true;
      store.unpinWriter(snapshot);
    }
  }
}
