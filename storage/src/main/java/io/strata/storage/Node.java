package io.strata.storage;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A decoded B+tree page: a leaf of (key, value) entries or a branch of children separated by keys.
 * A committed node (id != 0) is immutable and may be shared by any number of threads and versions;
 * a dirty node belongs to one write transaction and is changed in place while its epoch is the
 * transaction's current epoch (copy-on-write otherwise).
 *
 * <p>Invariants: leaf keys strictly ascending; a branch with n children has n-1 separators and
 * separator i is &lt;= every key of child i+1 and &gt; every key of child i; {@link #bytes} is the
 * encoded body size ({@link PageFormat}).
 *
 * <p>A committed node also keeps the {@link #heads} of its keys, so that a search compares longs
 * lying side by side instead of following a pointer to every key it visits (each key is its own
 * array, and a lookup that misses the CPU cache on every visited key is what point reads spent
 * most of their time on). A dirty copy keeps the heads of the node it was copied from until it
 * changes its keys (replacing a value or a child keeps them).
 */
final class Node {
  /** Encoded size of the page header, see {@link PageFormat}. */
  static final int HEADER = 24;

  final boolean leaf;
  /** Page id once written, 0 while dirty. */
  long id;
  /** Version that wrote the page. */
  long birth;
  /** Mutation epoch of the owning write transaction; -1 once committed. */
  int epoch = -1;
  /** Leaf: n keys. Branch: n-1 separators. */
  byte[][] keys;
  /**
   * {@link #keys} is the array of the committed node this dirty copy was made from (a copy that
   * changes only values or child ids allocates no keys array); {@link #editKeys} copies it before
   * the first edit. Invariant: every write to keys is preceded by editKeys.
   */
  boolean keysShared;
  /** Leaf values: byte[] or {@link Overflow}. */
  Object[] vals;
  /** Branch children by page id (0 where only {@link #kids} holds a dirty child). */
  long[] childIds;
  /** Branch children that are dirty nodes of a write transaction; null when none. */
  Node[] kids;
  /** Leaf: entries. Branch: children. */
  int n;
  /** Encoded body size in bytes. */
  int bytes;
  /** Clock bit for the node cache. */
  boolean hot;
  /**
   * Committed nodes: first the prefix every key of the node shares ({@link #headFrom} bytes),
   * packed big-endian eight bytes to a long and zero-padded; then, for each key (leaf keys,
   * branch separators), its head: the seven bytes after the prefix, zero-padded, above a byte
   * holding how many bytes the key has after the prefix (255 for 255 or more). Computed before
   * a committed node is published to other threads; a dirty copy shares the array until it
   * changes its keys, when it drops it (every edit of keys calls {@link #editKeys}). The array
   * itself never changes.
   */
  long[] heads;
  /** Length of the prefix every key of the node shares. */
  int headFrom;
  /** Index in {@link #heads} of the first key's head (the prefix's long count). */
  private int headBase;
  /**
   * The heads rise evenly from the first to the last (keys of consecutive or evenly spread
   * integers, as row ids and most primary keys are): a search first probes where the key
   * falls by interpolation, which finds it in one or two probes. Only decides where a search
   * starts, never what it finds.
   */
  boolean evenHeads;

  private static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private Node(boolean leaf) {
    this.leaf = leaf;
  }

  static Node newLeaf(int capacity) {
    Node x = new Node(true);
    x.keys = new byte[Math.max(capacity, 4)][];
    x.vals = new Object[x.keys.length];
    return x;
  }

  static Node newBranch(int capacity) {
    Node x = new Node(false);
    int c = Math.max(capacity, 4);
    x.keys = new byte[c][];
    x.childIds = new long[c];
    x.kids = new Node[c];
    x.bytes = 0;
    return x;
  }

  boolean isDirty() {
    return id == 0;
  }

  /** A dirty copy of this node for the given epoch. */
  Node copy(int newEpoch) {
    Node c = new Node(leaf);
    c.n = n;
    c.bytes = bytes;
    c.epoch = newEpoch;
    // the copy has the same keys until it changes them (then it drops the heads)
    c.heads = heads;
    c.headFrom = headFrom;
    c.headBase = headBase;
    c.evenHeads = evenHeads;
    int cap = n + 4;
    if (id != 0) {
      // a committed node's keys never change: share them until the copy edits its own
      c.keys = keys;
      c.keysShared = true;
    } else {
      c.keys = Arrays.copyOf(keys, cap);
    }
    if (leaf) {
      c.vals = Arrays.copyOf(vals, cap);
    } else {
      c.childIds = Arrays.copyOf(childIds, cap);
      c.kids = kids == null ? new Node[cap] : Arrays.copyOf(kids, cap);
    }
    return c;
  }

  // ---- sizes

  static int varintSize(int v) {
    int s = 1;
    while ((v & ~0x7F) != 0) {
      v >>>= 7;
      s++;
    }
    return s;
  }

  static boolean inline(Object v, int inlineMax) {
    return v instanceof byte[] b && b.length <= inlineMax;
  }

  static int leafEntrySize(byte[] key, Object v, int inlineMax) {
    int s = 2 + key.length + 1;
    if (inline(v, inlineMax)) {
      int len = ((byte[]) v).length;
      return s + varintSize(len) + len;
    }
    return s + 12;
  }

  static int branchEntrySize(byte[] key) {
    return 2 + key.length + 8;
  }

  // ---- heads

  /** Computes {@link #heads} once the node is committed (its keys no longer change). */
  void freeze() {
    if (heads != null) {
      return; // kept from the node this one was copied from, whose keys it still has
    }
    int keyCount = leaf ? n : n - 1;
    if (keyCount < 2) {
      heads = null;
      return;
    }
    byte[] first = keys[0];
    int shared = Arrays.mismatch(first, keys[keyCount - 1]);
    // keys are distinct and ascending, so they differ within the shorter one or it is a prefix
    int from = shared < 0 ? first.length : shared;
    int base = (from + 7) >>> 3;
    long[] h = new long[base + keyCount];
    for (int w = 0; w < base; w++) {
      h[w] = word(first, w << 3, Math.min(8, from - (w << 3)));
    }
    for (int i = 0; i < keyCount; i++) {
      h[base + i] = head(keys[i], from);
    }
    headFrom = from;
    headBase = base;
    heads = h;
    evenHeads = risesEvenly(keyCount);
  }

  /**
   * Whether interpolating between the first and last head places the keys at a quarter, half
   * and three quarters of the node within one entry of where they are.
   */
  private boolean risesEvenly(int keyCount) {
    if (keyCount < 8) {
      return false;
    }
    for (int q = 1; q <= 3; q++) {
      int i = keyCount * q / 4;
      if (Math.abs(guess(heads[headBase + i], keyCount - 1) - i) > 1) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where a key with head kh falls among keys 0..last, interpolated between the first and the
   * last head (compared as unsigned: the heads' top bits are key bytes), clamped to 0..last.
   */
  private int guess(long kh, int last) {
    long first = heads[headBase] >>> 1;
    long span = (heads[headBase + last] >>> 1) - first;
    long off = (kh >>> 1) - first;
    if (off <= 0 || span <= 0) {
      return 0;
    }
    if (off >= span) {
      return last;
    }
    return (int) ((double) off / span * last + 0.5);
  }

  /**
   * Called before every edit of the node's keys: forgets the heads, and gives the node a keys
   * array of its own if it still shares the one of the committed node it was copied from.
   */
  void editKeys() {
    heads = null;
    if (keysShared) {
      keys = Arrays.copyOf(keys, leaf ? vals.length : childIds.length);
      keysShared = false;
    }
  }

  /** Bytes [off, off+len) of key (len &lt;= 8, missing bytes as zeros), big-endian in a long. */
  private static long word(byte[] key, int off, int len) {
    if (off + 8 <= key.length) {
      // len is 1..8: keep the first len bytes
      return (long) LONG_BE.get(key, off) & (-1L << ((8 - len) << 3));
    }
    long v = 0;
    for (int i = off; i < off + 8; i++) {
      v = (v << 8) | (i < off + len && i < key.length ? key[i] & 0xFF : 0);
    }
    return v;
  }

  /** The head of key after a prefix of from bytes (see {@link #heads}). */
  private static long head(byte[] key, int from) {
    int rest = key.length - from;
    long bytes;
    if (rest >= 8) {
      bytes = (long) LONG_BE.get(key, from) & ~0xFFL;
    } else if (key.length >= 8) {
      // the last eight bytes, shifted so that the rest-many after the prefix lead
      bytes = rest <= 0 ? 0 : (long) LONG_BE.get(key, key.length - 8) << ((8 - rest) << 3);
    } else {
      bytes = word(key, from, 7);
    }
    return bytes | Math.min(Math.max(rest, 0), 255);
  }

  /**
   * Where key lies against the prefix every key of this node shares: negative when before all
   * keys, positive when after all, 0 when it shares the prefix (compare heads then).
   */
  private int againstPrefix(byte[] key) {
    int from = headFrom;
    long[] h = heads;
    for (int w = 0, off = 0; off < from; w++, off += 8) {
      long kw = word(key, off, Math.min(8, from - off));
      if (kw != h[w]) {
        return Long.compareUnsigned(kw, h[w]);
      }
    }
    // equal over the prefix, with a key shorter than it padded by zeros: a proper prefix
    return key.length < from ? -1 : 0;
  }

  /**
   * Sign of (key i - key), given kh = head(key, headFrom) and key sharing the prefix. Seven
   * equal bytes decide by length when both keys end within them; otherwise the whole keys do.
   */
  private int compareAt(int i, long kh, byte[] key) {
    long m = heads[headBase + i];
    long a = m >>> 8;
    long b = kh >>> 8;
    if (a != b) {
      return a < b ? -1 : 1;
    }
    int la = (int) (m & 0xFF);
    int lb = (int) (kh & 0xFF);
    if (la <= 7 && lb <= 7) {
      return Integer.compare(la, lb);
    }
    return Arrays.compareUnsigned(keys[i], key);
  }

  // ---- search

  /**
   * Leaf: index of key, or -(insertion point)-1. The last key is compared first, so appending
   * ascending keys (bulk loads, row ids, the history and dead-list trees) costs one comparison.
   */
  int search(byte[] key) {
    if (heads != null) {
      int i = searchHeads(key);
      assert i == searchKeys(key) : "stale heads";
      return i;
    }
    return searchKeys(key);
  }

  private int searchKeys(byte[] key) {
    int lo = 0;
    int hi = n - 1;
    byte[][] k = keys;
    if (hi >= 0) {
      int c = Arrays.compareUnsigned(k[hi], key);
      if (c < 0) {
        return -(n + 1);
      } else if (c == 0) {
        return hi;
      }
      hi--;
    }
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = Arrays.compareUnsigned(k[mid], key);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  /** {@link #search} over the heads (of a committed leaf, or of a copy that kept them). */
  private int searchHeads(byte[] key) {
    int p = againstPrefix(key);
    if (p != 0) {
      return p < 0 ? -1 : -(n + 1);
    }
    long kh = head(key, headFrom);
    int lo = 0;
    int hi = n - 1;
    if (evenHeads) {
      // probe the interpolated entry and its neighbour on the key's side, then bisect what is left
      int g = guess(kh, hi);
      int c = compareAt(g, kh, key);
      if (c == 0) {
        return g;
      } else if (c < 0) {
        lo = g + 1;
        if (lo <= hi) {
          c = compareAt(lo, kh, key);
          if (c >= 0) {
            return c == 0 ? lo : -(lo + 1);
          }
          lo++;
        }
      } else {
        hi = g - 1;
        if (hi >= lo) {
          c = compareAt(hi, kh, key);
          if (c <= 0) {
            return c == 0 ? hi : -(hi + 2);
          }
          hi--;
        }
      }
    }
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = compareAt(mid, kh, key);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  /** Branch: index of the child whose range holds key; the last separator is tried first. */
  int childIndex(byte[] key) {
    if (heads != null) {
      int i = childIndexHeads(key);
      assert i == childIndexKeys(key) : "stale heads";
      return i;
    }
    return childIndexKeys(key);
  }

  private int childIndexKeys(byte[] key) {
    int lo = 0;
    int hi = n - 2;
    byte[][] k = keys;
    if (hi >= 0) {
      if (Arrays.compareUnsigned(k[hi], key) <= 0) {
        return n - 1;
      }
      hi--;
    }
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (Arrays.compareUnsigned(k[mid], key) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** {@link #childIndex} over the heads (of a committed branch, or of a copy that kept them). */
  private int childIndexHeads(byte[] key) {
    int p = againstPrefix(key);
    if (p != 0) {
      return p < 0 ? 0 : n - 1;
    }
    long kh = head(key, headFrom);
    int lo = 0;
    int hi = n - 2;
    if (evenHeads) {
      // the child is the number of separators <= key: check the interpolated one and its
      // neighbour on the key's side, then bisect what is left
      int g = guess(kh, hi);
      if (compareAt(g, kh, key) <= 0) {
        if (g == hi || compareAt(g + 1, kh, key) > 0) {
          return g + 1;
        }
        lo = g + 2;
      } else {
        if (g == 0 || compareAt(g - 1, kh, key) <= 0) {
          return g;
        }
        hi = g - 2;
      }
    }
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (compareAt(mid, kh, key) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  // ---- leaf edits (dirty nodes only)

  void leafInsert(int pos, byte[] key, Object val, int inlineMax) {
    assert leaf && isDirty();
    editKeys();
    if (n == keys.length) {
      int cap = n * 2;
      keys = Arrays.copyOf(keys, cap);
      vals = Arrays.copyOf(vals, cap);
    }
    System.arraycopy(keys, pos, keys, pos + 1, n - pos);
    System.arraycopy(vals, pos, vals, pos + 1, n - pos);
    keys[pos] = key;
    vals[pos] = val;
    n++;
    bytes += leafEntrySize(key, val, inlineMax);
  }

  void leafSet(int pos, Object val, int inlineMax) {
    assert leaf && isDirty();
    bytes += leafEntrySize(keys[pos], val, inlineMax) - leafEntrySize(keys[pos], vals[pos], inlineMax);
    vals[pos] = val;
  }

  void leafRemove(int pos, int inlineMax) {
    assert leaf && isDirty();
    editKeys();
    bytes -= leafEntrySize(keys[pos], vals[pos], inlineMax);
    System.arraycopy(keys, pos + 1, keys, pos, n - pos - 1);
    System.arraycopy(vals, pos + 1, vals, pos, n - pos - 1);
    n--;
    keys[n] = null;
    vals[n] = null;
  }

  // ---- branch edits (dirty nodes only)

  void setKid(int i, Node kid) {
    assert !leaf && isDirty();
    kids[i] = kid;
    childIds[i] = kid.id;
  }

  /** Inserts child c at index i (i &gt;= 1) with separator sep = smallest key of c. */
  void branchInsert(int i, byte[] sep, Node c) {
    branchInsertRaw(i, sep, c, c.id);
  }

  private void branchInsertRaw(int i, byte[] sep, Node c, long cid) {
    assert !leaf && isDirty() && i >= 1;
    editKeys();
    if (n == childIds.length) {
      int cap = n * 2;
      keys = Arrays.copyOf(keys, cap);
      childIds = Arrays.copyOf(childIds, cap);
      kids = Arrays.copyOf(kids, cap);
    }
    System.arraycopy(childIds, i, childIds, i + 1, n - i);
    System.arraycopy(kids, i, kids, i + 1, n - i);
    System.arraycopy(keys, i - 1, keys, i, n - i);
    childIds[i] = cid;
    kids[i] = c;
    keys[i - 1] = sep;
    n++;
    bytes += branchEntrySize(sep);
  }

  /** Inserts a committed child by page id at index i (i &gt;= 1). */
  void branchInsertId(int i, byte[] sep, long childId) {
    branchInsertRaw(i, sep, null, childId);
  }

  /** Removes child i and the separator next to it. */
  void branchRemove(int i) {
    assert !leaf && isDirty() && n >= 1;
    editKeys();
    int sepIdx = i == 0 ? 0 : i - 1;
    if (n > 1) {
      bytes -= branchEntrySize(keys[sepIdx]);
      System.arraycopy(keys, sepIdx + 1, keys, sepIdx, n - 2 - sepIdx);
      keys[n - 2] = null;
    } else {
      bytes = 0;
    }
    System.arraycopy(childIds, i + 1, childIds, i, n - i - 1);
    System.arraycopy(kids, i + 1, kids, i, n - i - 1);
    n--;
    childIds[n] = 0;
    kids[n] = null;
    if (n == 0) {
      bytes = 0;
    } else if (n == 1) {
      bytes = 8;
    }
  }

  /** Recomputes {@link #bytes} from scratch. */
  int computeBytes(int inlineMax) {
    int s = 0;
    if (leaf) {
      for (int i = 0; i < n; i++) {
        s += leafEntrySize(keys[i], vals[i], inlineMax);
      }
    } else if (n > 0) {
      s = 8;
      for (int i = 0; i < n - 1; i++) {
        s += branchEntrySize(keys[i]);
      }
    }
    return s;
  }

  byte[] firstKey() {
    return keys[0];
  }
}
