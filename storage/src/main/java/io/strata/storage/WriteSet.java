package io.strata.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys a transaction or commit changed, per tree, plus the trees it created or dropped; used
 * for first-committer-wins conflict detection. Changes are found by comparing the committed
 * leaves the transaction copied with the leaves it ends up with: an entry whose value object is
 * not the very same object as before was written (values are never shared between writes).
 */
final class WriteSet {
  final Set<String> structural = new HashSet<>();
  final Map<String, Set<Key>> keys = new HashMap<>();

  /** A byte[] with value equality. */
  record Key(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(bytes, k.bytes);
    }

    /**
     * FNV-1a with a final mix. Not Arrays.hashCode: its multiplier 31 maps structured keys (a
     * big-endian number in the last bytes, as order-preserving encodings produce) onto few
     * values, so the maps of a large write set degrade into trees of colliding keys.
     */
    @Override
    public int hashCode() {
      int h = 0x811C9DC5;
      for (byte b : bytes) {
        h = (h ^ (b & 0xFF)) * 0x01000193;
      }
      return h ^ (h >>> 16);
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < Math.min(bytes.length, 32); i++) {
        sb.append(String.format("%02x", bytes[i]));
      }
      return bytes.length > 32 ? sb + "…" : sb.toString();
    }
  }

  static final WriteSet EMPTY = new WriteSet();

  /** The write set of changed tree states (before or after they were written). */
  static WriteSet of(Iterable<TreeState> trees, Pager pager) {
    return of(trees, pager, new HashMap<>());
  }

  /**
   * {@link #of(Iterable, Pager)}, also keeping each non-structural tree's {@link #changes} in
   * {@code changesByTree} for a caller that needs them too (one walk of the leaves, not two).
   */
  static WriteSet of(Iterable<TreeState> trees, Pager pager,
      Map<String, LinkedHashMap<Key, Object>> changesByTree) {
    WriteSet w = new WriteSet();
    for (TreeState t : trees) {
      if (!t.changed) {
        continue;
      }
      if (t.structural) {
        w.structural.add(t.name);
        continue;
      }
      LinkedHashMap<Key, Object> c = changes(t, pager);
      changesByTree.put(t.name, c);
      w.keys.put(t.name, c.keySet());
    }
    return w;
  }

  /**
   * Changed keys of a tree → the new value object, or null where the key was deleted, in key
   * order. The committed leaves the transaction replaced and the dirty leaves it ends up with
   * cover the same keys apart from the changes, and each side is a run of sorted leaves with
   * disjoint ranges, so one merge walk finds the changes; an unchanged entry costs a reference
   * comparison (a copied leaf shares its key and value objects with the original).
   */
  static LinkedHashMap<Key, Object> changes(TreeState t, Pager pager) {
    List<Node> fresh = t.newLeaves != null ? t.newLeaves : dirtyLeaves(t.root, pager);
    List<Node> old = new ArrayList<>(t.oldLeaves.size());
    for (Node l : t.oldLeaves) {
      if (l.n > 0) {
        old.add(l);
      }
    }
    old.sort((a, b) -> Arrays.compareUnsigned(a.keys[0], b.keys[0]));
    LinkedHashMap<Key, Object> out = new LinkedHashMap<>();
    Entries was = new Entries(old);
    Entries now = new Entries(fresh);
    while (was.key != null || now.key != null) {
      int c = was.key == null ? 1 : now.key == null ? -1
          : was.key == now.key ? 0 : Arrays.compareUnsigned(was.key, now.key);
      if (c == 0) {
        if (was.value != now.value) {
          out.put(new Key(now.key), now.value);
        }
        was.next();
        now.next();
      } else if (c < 0) {
        out.put(new Key(was.key), null);
        was.next();
      } else {
        out.put(new Key(now.key), now.value);
        now.next();
      }
    }
    return out;
  }

  /** A cursor over the entries of a list of sorted leaves with disjoint key ranges. */
  private static final class Entries {
    private final List<Node> leaves;
    private int leaf;
    private int slot = -1;
    byte[] key;
    Object value;

    Entries(List<Node> leaves) {
      this.leaves = leaves;
      next();
    }

    void next() {
      byte[] previous = key;
      slot++;
      while (leaf < leaves.size() && slot >= leaves.get(leaf).n) {
        leaf++;
        slot = 0;
      }
      if (leaf == leaves.size()) {
        key = null;
        value = null;
        return;
      }
      Node l = leaves.get(leaf);
      key = l.keys[slot];
      value = l.vals[slot];
      assert previous == null || Arrays.compareUnsigned(previous, key) < 0 : "leaves overlap or are unsorted";
    }
  }

  static List<Node> dirtyLeaves(Node root, Pager pager) {
    List<Node> out = new ArrayList<>();
    collect(root, out);
    return out;
  }

  private static void collect(Node x, List<Node> out) {
    if (x == null || x.id != 0) {
      return;
    }
    if (x.leaf) {
      out.add(x);
      return;
    }
    for (int i = 0; i < x.n; i++) {
      collect(x.kids[i], out);
    }
  }

  /** A description of the first overlap with another write set, or null when there is none. */
  String overlap(WriteSet other) {
    for (String t : structural) {
      if (other.structural.contains(t) || other.keys.containsKey(t)) {
        return "tree '" + t + "'";
      }
    }
    for (Map.Entry<String, Set<Key>> e : keys.entrySet()) {
      if (other.structural.contains(e.getKey())) {
        return "tree '" + e.getKey() + "'";
      }
      Set<Key> theirs = other.keys.get(e.getKey());
      if (theirs != null) {
        Set<Key> a = e.getValue().size() <= theirs.size() ? e.getValue() : theirs;
        Set<Key> b = a == theirs ? e.getValue() : theirs;
        for (Key k : a) {
          if (b.contains(k)) {
            return "key " + k + " of tree '" + e.getKey() + "'";
          }
        }
      }
    }
    return null;
  }
}
