package io.strata.storage;

import java.util.Arrays;

/**
 * A cursor over one tree of one transaction: the path from the root to the current leaf entry.
 * When the tree changes under it (a write in the same transaction), the next move first finds its
 * place again by key.
 *
 * <p>While {@link #valid}, {@link #leaf} and {@link #pos} are the current entry (the last element
 * of {@link #path} and {@link #idx}), so a step within a leaf and the reads of the current entry
 * touch no arrays of the path. {@code valid} implies not closed, and an unchanged
 * {@link TreeState#modCount} implies the tree still exists (creating, dropping and rolling back a
 * tree all bump it), so the per-entry check ({@link #fast}) is a count and two status fields.
 */
final class CursorImpl implements Cursor {
  private final TxnBase txn;
  private final TreeState tree;
  private final Pager pager;
  private final StoreImpl store;
  private final byte[] from;
  private final byte[] to;
  private Node[] path = new Node[8];
  private int[] idx = new int[8];
  private int depth;
  private boolean valid;
  private Node leaf;
  private int pos;
  /** Every key of {@link #leaf} is below {@link #to}: steps within it need not compare keys. */
  private boolean leafBelowTo;
  /** Children windowFrom.. of windowParent as found in memory ({@link #nextChild}). */
  private static final int WINDOW = 8;
  private final Node[] window = new Node[WINDOW];
  private Node windowParent;
  private int windowMod;
  private int windowFrom;
  private byte[] curKey;
  private int seenMod;
  private boolean closed;

  CursorImpl(TxnBase txn, TreeState tree, byte[] from, byte[] to) {
    this.txn = txn;
    this.tree = tree;
    this.pager = txn.pager;
    this.store = txn.store;
    this.from = from == null ? null : from.clone();
    this.to = to == null ? null : to.clone();
  }

  private void enter() {
    if (closed) {
      throw new StorageException(ErrorCode.INVALID_ARGUMENT, "cursor is closed");
    }
    txn.checkUsable();
    if (!tree.exists) {
      throw new StorageException(ErrorCode.TREE_NOT_FOUND, "tree '" + tree.name + "' was dropped");
    }
  }

  private void push(Node x, int i) {
    if (depth == path.length) {
      path = Arrays.copyOf(path, depth * 2);
      idx = Arrays.copyOf(idx, depth * 2);
    }
    path[depth] = x;
    idx[depth] = i;
    depth++;
  }

  private Node leaf() {
    return path[depth - 1];
  }

  private boolean descendFirst(Node x) {
    while (!x.leaf) {
      push(x, 0);
      x = pager.child(x, 0);
    }
    push(x, 0);
    return x.n > 0 || stepNext();
  }

  private boolean descendLast(Node x) {
    while (!x.leaf) {
      push(x, x.n - 1);
      x = pager.child(x, x.n - 1);
    }
    push(x, x.n - 1);
    return x.n > 0 || stepPrev();
  }

  private boolean stepNext() {
    if (++idx[depth - 1] < leaf().n) {
      return true;
    }
    int level = depth - 2;
    while (level >= 0 && idx[level] + 1 >= path[level].n) {
      level--;
    }
    if (level < 0) {
      depth = 0;
      return false;
    }
    idx[level]++;
    depth = level + 1;
    return descendFirst(nextChild(path[level], idx[level]));
  }

  /**
   * Child i of parent for a forward step. The children of a branch are looked up in the node
   * cache a window at a time: the lookups of a window do not depend on each other, so their
   * memory accesses overlap, where one lookup per leaf boundary would stall the scan each time.
   * Children not in memory are read when reached, as before.
   */
  private Node nextChild(Node parent, int i) {
    if (windowParent != parent || windowMod != tree.modCount || i < windowFrom || i >= windowFrom + WINDOW) {
      int end = Math.min(parent.n, i + WINDOW);
      for (int j = i; j < end; j++) {
        window[j - i] = pager.cachedChild(parent, j);
      }
      for (int j = end - i; j < WINDOW; j++) {
        window[j] = null;
      }
      windowParent = parent;
      windowMod = tree.modCount;
      windowFrom = i;
    }
    Node c = window[i - windowFrom];
    return c != null ? c : pager.child(parent, i);
  }

  private boolean stepPrev() {
    if (--idx[depth - 1] >= 0) {
      return true;
    }
    int level = depth - 2;
    while (level >= 0 && idx[level] == 0) {
      level--;
    }
    if (level < 0) {
      depth = 0;
      return false;
    }
    idx[level]--;
    depth = level + 1;
    return descendLast(pager.child(path[level], idx[level]));
  }

  /** Positions at the first entry &gt;= key. */
  private boolean ceil(byte[] key) {
    depth = 0;
    Node x = tree.root;
    if (x == null) {
      return false;
    }
    while (!x.leaf) {
      int i = x.childIndex(key);
      push(x, i);
      x = pager.child(x, i);
    }
    int pos = x.search(key);
    if (pos < 0) {
      pos = -pos - 1;
    }
    push(x, pos);
    if (pos < x.n) {
      return true;
    }
    idx[depth - 1] = x.n - 1;
    return stepNext();
  }

  /** Positions at the last entry &lt;= key (or &lt; key when not inclusive). */
  private boolean floor(byte[] key, boolean inclusive) {
    depth = 0;
    Node x = tree.root;
    if (x == null) {
      return false;
    }
    while (!x.leaf) {
      int i = x.childIndex(key);
      push(x, i);
      x = pager.child(x, i);
    }
    int pos = x.search(key);
    if (pos >= 0) {
      pos = inclusive ? pos : pos - 1;
    } else {
      pos = -pos - 2;
    }
    push(x, pos);
    if (pos >= 0) {
      return true;
    }
    idx[depth - 1] = 0;
    return stepPrev();
  }

  private boolean settle(boolean found) {
    seenMod = tree.modCount;
    if (found) {
      Node l = leaf();
      int i = idx[depth - 1];
      byte[] k = l.keys[i];
      if ((from != null && Arrays.compareUnsigned(k, from) < 0) || (to != null && Arrays.compareUnsigned(k, to) >= 0)) {
        found = false;
      } else {
        curKey = k;
        // settle runs after every change of leaf or of the tree, so this is never stale
        leafBelowTo = to == null || Arrays.compareUnsigned(l.keys[l.n - 1], to) < 0;
        leaf = l;
        pos = i;
      }
    }
    valid = found;
    if (!found) {
      depth = 0;
      curKey = null;
      leaf = null;
    }
    return found;
  }

  private boolean guarded(java.util.function.BooleanSupplier op) {
    enter();
    try {
      return settle(op.getAsBoolean());
    } catch (StorageException e) {
      txn.fail(e);
      throw e;
    }
  }

  @Override
  public boolean first() {
    return guarded(() -> {
      depth = 0;
      if (from != null) {
        return ceil(from);
      }
      return tree.root != null && descendFirst(tree.root);
    });
  }

  @Override
  public boolean last() {
    return guarded(() -> {
      depth = 0;
      if (to != null) {
        return floor(to, false);
      }
      return tree.root != null && descendLast(tree.root);
    });
  }

  @Override
  public boolean seek(byte[] key) {
    return guarded(() -> ceil(from != null && Arrays.compareUnsigned(key, from) < 0 ? from : key));
  }

  @Override
  public boolean seekFloor(byte[] key) {
    return guarded(() -> {
      if (to != null && Arrays.compareUnsigned(key, to) >= 0) {
        return floor(to, false);
      }
      return floor(key, true);
    });
  }

  /**
   * Given {@link #valid}: what {@link #enter} and the tree-changed check establish, without
   * throwing.
   */
  private boolean fast() {
    return seenMod == tree.modCount && txn.status == TxnBase.Status.OPEN && store.isOpen();
  }

  @Override
  public boolean next() {
    if (!valid) {
      return false;
    }
    // fast path: the tree is unchanged and the transaction and store are usable
    if (fast()) {
      Node l = leaf;
      int i = pos + 1;
      if (i < l.n) {
        byte[] k = l.keys[i];
        if (leafBelowTo || Arrays.compareUnsigned(k, to) < 0) {
          pos = i;
          idx[depth - 1] = i;
          curKey = k;
          return true;
        }
      }
      // the next entry is in another leaf: step without the checks enter() just made
      try {
        return settle(stepNext());
      } catch (StorageException e) {
        txn.fail(e);
        throw e;
      }
    }
    return guarded(() -> {
      if (seenMod != tree.modCount) {
        byte[] k = curKey;
        if (!ceil(k)) {
          return false;
        }
        if (Arrays.equals(leaf().keys[idx[depth - 1]], k)) {
          return stepNext();
        }
        return true;
      }
      return stepNext();
    });
  }

  @Override
  public boolean prev() {
    if (!valid) {
      return false;
    }
    return guarded(() -> {
      if (seenMod != tree.modCount) {
        return floor(curKey, false);
      }
      return stepPrev();
    });
  }

  @Override
  public boolean isValid() {
    return valid && !closed && seenMod == tree.modCount;
  }

  private void checkValid() {
    enter();
    if (!valid) {
      throw new StorageException(ErrorCode.INVALID_ARGUMENT, "cursor is not on an entry");
    }
    if (seenMod != tree.modCount) {
      throw new StorageException(ErrorCode.INVALID_ARGUMENT, "tree changed since the cursor moved; move it again");
    }
  }

  @Override
  public byte[] key() {
    if (valid && fast()) {
      return curKey;
    }
    checkValid();
    return curKey;
  }

  @Override
  public byte[] value() {
    if (valid && fast()) {
      Object v = leaf.vals[pos];
      if (v instanceof byte[] b) {
        return b;
      }
    }
    checkValid();
    try {
      return pager.value(leaf().vals[idx[depth - 1]]);
    } catch (StorageException e) {
      txn.fail(e);
      throw e;
    }
  }

  /**
   * Within a leaf of an unchanged tree, takes the values' references without a call and a check
   * per entry; a leaf change, the range's end, a large value or a change of the tree take the
   * path of {@link #next()} and {@link #value()}.
   */
  @Override
  public int nextValues(byte[][] out, int max) {
    int n = 0;
    while (n < max) {
      if (valid && fast()) {
        Node l = leaf;
        int i = pos + 1;
        int end = Math.min(l.n, i + (max - n));
        int j = i;
        while (j < end) {
          if (!(l.vals[j] instanceof byte[] b)
              || !leafBelowTo && Arrays.compareUnsigned(l.keys[j], to) >= 0) {
            break;
          }
          out[n++] = b;
          j++;
        }
        if (j > i) {
          pos = j - 1;
          idx[depth - 1] = j - 1;
          curKey = l.keys[j - 1];
          continue;
        }
      }
      if (!next()) {
        break;
      }
      out[n++] = value();
    }
    return n;
  }

  @Override
  public void close() {
    closed = true;
    valid = false;
    leaf = null;
    windowParent = null;
    java.util.Arrays.fill(window, null);
    depth = 0;
  }
}
