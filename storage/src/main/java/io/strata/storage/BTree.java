package io.strata.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * The B+tree algorithms over {@link Node}s: lookup, copy-on-write insert with splits, delete with
 * merges, and the walk that retires a dropped tree. A write copies every node on the path from the
 * root to the leaf it changes (once per transaction epoch); committed nodes are never modified.
 */
final class BTree {
  private BTree() {}

  /** The stored value object (byte[] or {@link Overflow}) under key, or null. */
  static Object find(Pager p, Node root, byte[] key) {
    Node x = root;
    if (x == null) {
      return null;
    }
    while (!x.leaf) {
      x = p.child(x, x.childIndex(key));
    }
    int i = x.search(key);
    return i >= 0 ? x.vals[i] : null;
  }

  /** Inserts or replaces; returns true when the key is new. */
  static boolean put(Mutator m, TreeState t, byte[] key, Object val) {
    return write(m, t, key, val, null, 0);
  }

  /**
   * Inserts when the key is absent; returns false, changing nothing, when it is present. One
   * read-only descent finds the leaf; the copying descent then reuses its child indexes.
   */
  static boolean insert(Mutator m, TreeState t, byte[] key, Object val) {
    if (t.root == null) {
      return write(m, t, key, val, null, 0);
    }
    int[] route = new int[8];
    int depth = 0;
    Node x = t.root;
    while (!x.leaf) {
      int i = x.childIndex(key);
      if (depth == route.length) {
        route = java.util.Arrays.copyOf(route, depth * 2);
      }
      route[depth++] = i;
      x = m.pager.child(x, i);
    }
    int pos = x.search(key);
    if (pos >= 0) {
      return false;
    }
    return write(m, t, key, val, route, pos);
  }

  /**
   * put, or insert along a known route of child indexes and at a known leaf position (the key
   * is then known to be new; copying a node keeps its entries, so the position stays valid).
   */
  private static boolean write(Mutator m, TreeState t, byte[] key, Object val, int[] route,
      int leafPos) {
    Pager p = m.pager;
    int inlineMax = p.inlineMax;
    t.modCount++;
    if (t.root == null) {
      Node leaf = Node.newLeaf(8);
      leaf.epoch = m.epoch;
      leaf.leafInsert(0, key, val, inlineMax);
      t.root = leaf;
      return true;
    }
    Node x = m.mutable(t.root, t);
    t.root = x;
    Node[] path = new Node[16];
    int[] idx = new int[16];
    int depth = 0;
    while (!x.leaf) {
      int i = route != null ? route[depth] : x.childIndex(key);
      Node c = m.mutable(p.child(x, i), t);
      x.setKid(i, c);
      if (depth == path.length) {
        path = java.util.Arrays.copyOf(path, depth * 2);
        idx = java.util.Arrays.copyOf(idx, depth * 2);
      }
      path[depth] = x;
      idx[depth] = i;
      depth++;
      x = c;
    }
    int pos = route != null ? leafPos : x.search(key);
    boolean inserted;
    boolean append;
    if (pos >= 0) {
      m.retireValue(x.vals[pos]);
      x.leafSet(pos, val, inlineMax);
      inserted = false;
      append = false;
    } else {
      pos = -pos - 1;
      x.leafInsert(pos, key, val, inlineMax);
      inserted = true;
      append = pos == x.n - 1;
    }
    int cap = p.capacity();
    while (x.bytes > cap) {
      List<Node> pieces = new ArrayList<>(3);
      List<byte[]> seps = new ArrayList<>(2);
      if (x.leaf) {
        splitLeaf(x, append, cap, inlineMax, m.epoch, pieces, seps);
      } else {
        splitBranch(x, append, cap, m.epoch, pieces, seps);
      }
      if (depth == 0) {
        Node r = Node.newBranch(4);
        r.epoch = m.epoch;
        r.n = 1;
        r.bytes = 8;
        r.setKid(0, pieces.get(0));
        for (int j = 1; j < pieces.size(); j++) {
          r.branchInsert(j, seps.get(j - 1), pieces.get(j));
        }
        t.root = r;
        x = r;
      } else {
        depth--;
        Node parent = path[depth];
        int i = idx[depth];
        append = i == parent.n - 1;
        for (int j = 1; j < pieces.size(); j++) {
          parent.branchInsert(i + j, seps.get(j - 1), pieces.get(j));
        }
        x = parent;
      }
    }
    return inserted;
  }

  /** Splits an oversized leaf into pieces that each fit; x becomes the first piece. */
  static void splitLeaf(Node x, boolean append, int cap, int inlineMax, int epoch, List<Node> pieces, List<byte[]> seps) {
    x.editKeys();
    int n = x.n;
    int[] s = new int[n];
    for (int i = 0; i < n; i++) {
      s[i] = Node.leafEntrySize(x.keys[i], x.vals[i], inlineMax);
    }
    int[] cuts = cuts(s, 0, x.bytes, cap, append);
    Object[] vals = x.vals;
    byte[][] keys = x.keys;
    pieces.add(x);
    int start = cuts[0];
    for (int c = 1; c <= cuts.length; c++) {
      int end = c < cuts.length ? cuts[c] : n;
      Node piece = Node.newLeaf(end - start + 4);
      piece.epoch = epoch;
      System.arraycopy(keys, start, piece.keys, 0, end - start);
      System.arraycopy(vals, start, piece.vals, 0, end - start);
      piece.n = end - start;
      piece.bytes = piece.computeBytes(inlineMax);
      pieces.add(piece);
      seps.add(piece.keys[0]);
      start = end;
    }
    int firstEnd = cuts[0];
    for (int i = firstEnd; i < n; i++) {
      keys[i] = null;
      vals[i] = null;
    }
    x.n = firstEnd;
    x.bytes = x.computeBytes(inlineMax);
  }

  /** Splits an oversized branch; the key between two pieces moves up as their separator. */
  static void splitBranch(Node x, boolean append, int cap, int epoch, List<Node> pieces, List<byte[]> seps) {
    x.editKeys();
    int n = x.n;
    // entry i (i >= 1) is separator i-1 plus child i
    int[] s = new int[n];
    for (int i = 1; i < n; i++) {
      s[i] = Node.branchEntrySize(x.keys[i - 1]);
    }
    int[] cuts = cuts(s, 8, x.bytes, cap, append);
    pieces.add(x);
    int start = cuts[0];
    for (int c = 1; c <= cuts.length; c++) {
      int end = c < cuts.length ? cuts[c] : n;
      Node piece = Node.newBranch(end - start + 4);
      piece.epoch = epoch;
      seps.add(x.keys[start - 1]);
      for (int i = start; i < end; i++) {
        piece.childIds[i - start] = x.childIds[i];
        piece.kids[i - start] = x.kids[i];
        if (i > start) {
          piece.keys[i - start - 1] = x.keys[i - 1];
        }
      }
      piece.n = end - start;
      piece.bytes = piece.computeBytes(0);
      pieces.add(piece);
      start = end;
    }
    int firstEnd = cuts[0];
    for (int i = firstEnd; i < n; i++) {
      x.childIds[i] = 0;
      x.kids[i] = null;
      x.keys[i - 1] = null;
    }
    x.n = firstEnd;
    x.bytes = x.computeBytes(0);
  }

  /**
   * Where to cut entries with sizes s into pieces of at most cap bytes (each piece costs base
   * plus its entries; for branches the first entry of a piece moves up and costs nothing there).
   * Returns the start index of every piece after the first, preceded by the end of the first.
   */
  private static int[] cuts(int[] s, int base, int total, int cap, boolean append) {
    int n = s.length;
    boolean branch = base > 0;
    // two pieces: left = [0, i), right = [i, n)
    int best = -1;
    long bestDiff = Long.MAX_VALUE;
    int left = branch ? 8 : 0;
    for (int i = 1; i < n; i++) {
      left += branch ? (i - 1 >= 1 ? s[i - 1] : 0) : s[i - 1];
      int right = branch ? total - left - s[i] + 8 : total - left;
      if (left <= cap && right <= cap) {
        long diff = append ? (n - i) : Math.abs((long) left - right);
        if (diff < bestDiff) {
          bestDiff = diff;
          best = i;
        }
      }
    }
    if (best > 0) {
      return new int[] {best};
    }
    // greedy packing into as many pieces as needed
    List<Integer> starts = new ArrayList<>();
    int size = branch ? 8 : s[0];
    for (int i = 1; i < n; i++) {
      int add = s[i];
      if (size + add > cap) {
        starts.add(i);
        size = branch ? 8 : s[i];
      } else {
        size += add;
      }
    }
    int[] r = new int[starts.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = starts.get(i);
    }
    assert r.length >= 1;
    return r;
  }

  /** Deletes key; returns the removed value object, or null when absent. */
  static Object delete(Mutator m, TreeState t, byte[] key) {
    Pager p = m.pager;
    if (find(p, t.root, key) == null) {
      return null;
    }
    t.modCount++;
    int inlineMax = p.inlineMax;
    Node x = m.mutable(t.root, t);
    t.root = x;
    Node[] path = new Node[16];
    int[] idx = new int[16];
    int depth = 0;
    while (!x.leaf) {
      int i = x.childIndex(key);
      Node c = m.mutable(p.child(x, i), t);
      x.setKid(i, c);
      if (depth == path.length) {
        path = java.util.Arrays.copyOf(path, depth * 2);
        idx = java.util.Arrays.copyOf(idx, depth * 2);
      }
      path[depth] = x;
      idx[depth] = i;
      depth++;
      x = c;
    }
    int pos = x.search(key);
    assert pos >= 0;
    Object old = x.vals[pos];
    m.retireValue(old);
    x.leafRemove(pos, inlineMax);
    int cap = p.capacity();
    Node cur = x;
    while (depth > 0) {
      depth--;
      Node parent = path[depth];
      int i = idx[depth];
      if (cur.n == 0) {
        parent.branchRemove(i);
      } else if (cur.bytes < cap / 4 && parent.n > 1) {
        int j = i > 0 ? i - 1 : i + 1;
        Node sib = p.child(parent, j);
        int li = Math.min(i, j);
        int sepSize = cur.leaf ? 0 : Node.branchEntrySize(parent.keys[li]) - 8 + 8;
        if (cur.bytes + sib.bytes + sepSize <= cap) {
          Node ms = m.mutable(sib, t);
          parent.setKid(j, ms);
          Node l = li == i ? cur : ms;
          Node r = li == i ? ms : cur;
          merge(l, r, parent.keys[li], inlineMax);
          parent.branchRemove(li + 1);
        }
      }
      cur = parent;
    }
    Node r = t.root;
    while (r != null && !r.leaf && r.n <= 1) {
      r = r.n == 0 ? null : p.child(r, 0);
    }
    if (r != null && r.leaf && r.n == 0) {
      r = null;
    }
    t.root = r;
    return old;
  }

  /** Moves every entry of r to the end of l (both dirty, l before r); sep separates them. */
  private static void merge(Node l, Node r, byte[] sep, int inlineMax) {
    if (l.leaf) {
      for (int k = 0; k < r.n; k++) {
        l.leafInsert(l.n, r.keys[k], r.vals[k], inlineMax);
      }
    } else {
      for (int k = 0; k < r.n; k++) {
        byte[] s = k == 0 ? sep : r.keys[k - 1];
        Node kid = r.kids[k];
        if (kid != null) {
          l.branchInsert(l.n, s, kid);
        } else {
          l.branchInsertId(l.n, s, r.childIds[k]);
        }
      }
    }
  }

  /** Records every committed page of the tree under x (nodes and overflow chains) as retired. */
  static void retireAll(Mutator m, Node x) {
    if (x == null) {
      return;
    }
    if (x.id != 0) {
      m.retired.add(x.id);
      m.retired.add(x.birth);
    }
    if (x.leaf) {
      for (int i = 0; i < x.n; i++) {
        m.retireValue(x.vals[i]);
      }
    } else {
      for (int i = 0; i < x.n; i++) {
        retireAll(m, m.pager.child(x, i));
      }
    }
  }
}
