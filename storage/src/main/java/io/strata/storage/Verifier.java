package io.strata.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Integrity check of a whole store: every retained version's directory and trees (CRC32C, page
 * ids, types, key order, separator bounds, entry counts, birth order, overflow chains), the
 * internal trees (history consistency, dead-list entries), and the free space (no page both free
 * and reachable, no page that is neither: no leak). Reads pages from the file, not the cache (an
 * in-memory store's resident nodes are encoded and decoded again, {@link Pager#readRaw}).
 * Throws {@link StorageException} with {@link ErrorCode#CORRUPT} naming the page and the check.
 */
public final class Verifier {

  /** What a clean check saw. */
  public record Report(long versions, long pageCount, long reachablePages, long freePages, long deadEntries) {}

  private final StoreImpl store;
  private final Pager pager;
  private final Meta meta;
  private final BitSet data = new BitSet();
  private final BitSet latestData = new BitSet();
  private final BitSet internal = new BitSet();
  /** Per data page: entries below it, smallest and largest key, newest version reaching it. */
  private final Map<Long, Sub> memo = new HashMap<>();

  private record Sub(long count, byte[] min, byte[] max, long maxVersion) {}

  private Verifier(StoreImpl store) {
    this.store = store;
    this.pager = store.pager;
    this.meta = store.latest;
  }

  /** Checks the store; waits for a commit in progress and holds commits off while it runs. */
  public static Report check(Store s) {
    if (!(s instanceof StoreImpl impl)) {
      throw new StorageException(ErrorCode.INVALID_ARGUMENT, "not a Strata store: " + s);
    }
    impl.checkOpen();
    impl.committer.holdCommits();
    try {
      return checkLocked(impl);
    } finally {
      impl.committer.releaseCommits();
    }
  }

  static Report checkLocked(StoreImpl s) {
    return new Verifier(s).run();
  }

  private static StorageException fail(long page, String check, String detail) {
    return PageFormat.corrupt(page, check, detail);
  }

  private Report run() {
    long pc = meta.pageCount();
    Object[] best = StoreImpl.readMetas(store.io);
    if (!best[0].equals(meta)) {
      throw fail((Integer) best[1], "meta", "newest valid meta " + best[0] + " is not the published " + meta);
    }
    // history: versions, pins, and the time index of older formats
    List<long[]> versions = new ArrayList<>(); // {version, time, dirRoot}
    Map<Long, Long> timeIndex = new HashMap<>();
    List<Long> pins = new ArrayList<>();
    walkInternal(meta.historyRoot(), (k, v) -> {
      if (k.length == 9 && k[0] == 'V') {
        versions.add(new long[] {PageFormat.getLong(k, 1), PageFormat.getLong(v, 0), PageFormat.getLong(v, 8)});
      } else if (k.length == 17 && k[0] == 'T') {
        timeIndex.put(PageFormat.getLong(k, 9), PageFormat.getLong(k, 1));
      } else if (k.length >= 1 && k[0] == 'P') {
        pins.add(PageFormat.getLong(v, 0));
      } else {
        throw fail(meta.historyRoot(), "history", "unknown key of " + k.length + " bytes");
      }
    });
    for (long pv : pins) {
      if (versions.stream().noneMatch(x -> x[0] == pv)) {
        throw fail(meta.historyRoot(), "history", "snapshot pins version " + pv + " that is not live");
      }
    }
    if (versions.isEmpty() || versions.get(versions.size() - 1)[0] != meta.version()) {
      throw fail(meta.historyRoot(), "history", "latest version " + meta.version() + " has no history entry");
    }
    // a time-index entry (formats 1 and 2 only) must name a live version and its time
    for (long[] v : versions) {
      Long t = timeIndex.remove(v[0]);
      if (t != null && t != v[1]) {
        throw fail(meta.historyRoot(), "history", "time index disagrees for version " + v[0]);
      }
    }
    if (!timeIndex.isEmpty()) {
      throw fail(meta.historyRoot(), "history",
          "time index names version " + timeIndex.keySet().iterator().next() + ", which is not live");
    }
    for (int i = 0; i < versions.size(); i++) {
      long[] v = versions.get(i);
      if (i > 0 && v[1] <= versions.get(i - 1)[1]) {
        throw fail(meta.historyRoot(), "history", "commit time of version " + v[0] + " does not increase");
      }
    }
    if (versions.get(versions.size() - 1)[2] != meta.dirRoot()) {
      throw fail(meta.historyRoot(), "history", "latest directory root differs from the meta's");
    }
    // dead list
    List<long[]> dead = new ArrayList<>();
    walkInternal(meta.deadRoot(), (k, v) -> dead.add(new long[] {DeadList.death(k), DeadList.birth(k), DeadList.page(k)}));
    // free map pages
    long fm = meta.freeMap();
    while (fm != 0) {
      mark(internal, fm, "free map");
      byte[] b = raw(fm);
      if (PageFormat.type(b) != PageFormat.FREEMAP) {
        throw fail(fm, "page type", "expected a free-map page");
      }
      fm = PageFormat.getLong(b, PageFormat.HEADER);
    }
    // user data of every live version, newest first
    for (int i = versions.size() - 1; i >= 0; i--) {
      long[] v = versions.get(i);
      walkVersion(v[0], v[2], v[0] == meta.version());
    }
    // dead list against reachability
    BitSet deadPages = new BitSet();
    long[] live = versions.stream().mapToLong(x -> x[0]).toArray();
    for (long[] e : dead) {
      long d = e[0];
      long b = e[1];
      long p = e[2];
      if (p < 2 || p >= pc) {
        throw fail(p, "dead list", "entry (" + d + ", " + b + ") names a page outside the file");
      }
      if (deadPages.get((int) p)) {
        throw fail(p, "dead list", "page listed twice");
      }
      deadPages.set((int) p);
      if (latestData.get((int) p)) {
        throw fail(p, "dead list", "page died at " + d + " but the latest version still reaches it");
      }
      if (!data.get((int) p)) {
        throw fail(p, "dead list", "dead page (" + d + ", " + b + ") is reachable from no live version: leaked");
      }
      Sub sub = memo.get(p);
      if (sub != null && sub.maxVersion() >= d) {
        throw fail(p, "dead list", "died at " + d + " but version " + sub.maxVersion() + " reaches it");
      }
      byte[] raw = raw(p);
      if (PageFormat.birth(raw) != b) {
        throw fail(p, "dead list", "entry birth " + b + " differs from the page's " + PageFormat.birth(raw));
      }
      int at = Arrays.binarySearch(live, b);
      int next = at >= 0 ? at : -at - 1;
      if (next >= live.length || live[next] >= d) {
        throw fail(p, "dead list", "no live version in [" + b + ", " + d + ") needs it; it should be free");
      }
    }
    BitSet oldOnly = (BitSet) data.clone();
    oldOnly.andNot(latestData);
    oldOnly.andNot(deadPages);
    if (!oldOnly.isEmpty()) {
      int p = oldOnly.nextSetBit(0);
      throw fail(p, "dead list", "page reachable only from older versions has no dead-list entry");
    }
    // free space
    BitSet free = store.committer.free.allFree();
    BitSet reach = (BitSet) data.clone();
    reach.or(internal);
    BitSet both = (BitSet) free.clone();
    both.and(reach);
    if (!both.isEmpty()) {
      throw fail(both.nextSetBit(0), "free space", "page is both free and reachable");
    }
    if (free.nextSetBit((int) pc) >= 0) {
      throw fail(free.nextSetBit((int) pc), "free space", "free page beyond the file's " + pc + " pages");
    }
    BitSet all = (BitSet) reach.clone();
    all.or(free);
    int leak = all.nextClearBit(2);
    if (leak < pc) {
      throw fail(leak, "free space", "page is neither reachable nor free: leaked");
    }
    return new Report(versions.size(), pc, reach.cardinality(), free.cardinality(), dead.size());
  }

  private byte[] raw(long page) {
    if (page < 2 || page >= meta.pageCount()) {
      throw fail(page, "page pointer", "outside the file's " + meta.pageCount() + " pages");
    }
    byte[] b = pager.readRaw(page);
    PageFormat.check(b, page);
    return b;
  }

  private void mark(BitSet set, long page, String what) {
    if (page < 2 || page >= meta.pageCount()) {
      throw fail(page, "page pointer", what + " page outside the file's " + meta.pageCount() + " pages");
    }
    if (internal.get((int) page) || (set != internal && set.get((int) page))) {
      throw fail(page, "reachability", what + " page reached twice");
    }
    set.set((int) page);
  }

  private interface EntryVisitor {
    void visit(byte[] key, byte[] value);
  }

  /** Walks an internal tree (reachable only from the latest meta), in key order. */
  private void walkInternal(long root, EntryVisitor visitor) {
    if (root == 0) {
      return;
    }
    walkInternalNode(root, null, null, Long.MAX_VALUE, visitor);
  }

  private void walkInternalNode(long page, byte[] lo, byte[] hi, long parentBirth, EntryVisitor visitor) {
    mark(internal, page, "internal tree");
    Node x = PageFormat.decode(raw(page), page);
    checkNode(x, lo, hi, parentBirth);
    if (x.leaf) {
      for (int i = 0; i < x.n; i++) {
        if (x.vals[i] instanceof Overflow) {
          throw fail(page, "internal tree", "overflow value in an internal tree");
        }
        visitor.visit(x.keys[i], (byte[]) x.vals[i]);
      }
    } else {
      for (int i = 0; i < x.n; i++) {
        walkInternalNode(x.childIds[i], i == 0 ? lo : x.keys[i - 1], i == x.n - 1 ? hi : x.keys[i], x.birth, visitor);
      }
    }
  }

  private static void checkNode(Node x, byte[] lo, byte[] hi, long parentBirth) {
    if (x.birth > parentBirth) {
      throw fail(x.id, "birth order", "page born at " + x.birth + " under a parent born at " + parentBirth);
    }
    if (x.leaf) {
      for (int i = 0; i < x.n; i++) {
        if (i > 0 && Arrays.compareUnsigned(x.keys[i - 1], x.keys[i]) >= 0) {
          throw fail(x.id, "key order", "entry " + i + " is not greater than entry " + (i - 1));
        }
      }
      if (x.n > 0) {
        checkBounds(x.id, x.keys[0], x.keys[x.n - 1], lo, hi);
      }
    } else {
      for (int i = 1; i < x.n - 1; i++) {
        if (Arrays.compareUnsigned(x.keys[i - 1], x.keys[i]) >= 0) {
          throw fail(x.id, "key order", "separator " + i + " is not greater than separator " + (i - 1));
        }
      }
      if (x.n > 1) {
        checkBounds(x.id, x.keys[0], x.keys[x.n - 2], lo, hi);
      }
    }
  }

  private static void checkBounds(long page, byte[] min, byte[] max, byte[] lo, byte[] hi) {
    if (lo != null && Arrays.compareUnsigned(min, lo) < 0) {
      throw fail(page, "key order", "key below the parent's separator");
    }
    if (hi != null && Arrays.compareUnsigned(max, hi) >= 0) {
      throw fail(page, "key order", "key not below the parent's next separator");
    }
  }

  private void walkVersion(long version, long dirRoot, boolean latest) {
    if (dirRoot == 0) {
      return;
    }
    List<byte[][]> trees = new ArrayList<>();
    Sub dir = walkData(dirRoot, version, latest, null, null, version, (k, v) -> trees.add(new byte[][] {k, v}));
    for (byte[][] t : trees) {
      long root = Directory.root(t[1]);
      long count = Directory.count(t[1]);
      String name = Directory.name(t[0]);
      long actual = root == 0 ? 0 : walkData(root, version, latest, null, null, version, null).count();
      if (actual != count) {
        throw fail(root, "entry count", "tree '" + name + "' at version " + version + " records " + count
            + " entries but holds " + actual);
      }
    }
    assert dir != null;
  }

  private Sub walkData(long page, long version, boolean latest, byte[] lo, byte[] hi, long parentBirth, EntryVisitor visitor) {
    Sub known = memo.get(page);
    if (known != null && visitor == null) {
      if (latest) {
        markSubtree(page);
      }
      if (known.count() > 0) {
        checkBounds(page, known.min(), known.max(), lo, hi);
      }
      return known;
    }
    if (page < 2 || page >= meta.pageCount()) {
      throw fail(page, "page pointer", "outside the file's " + meta.pageCount() + " pages");
    }
    if (internal.get((int) page)) {
      throw fail(page, "reachability", "data page is also an internal page");
    }
    data.set((int) page);
    if (latest) {
      latestData.set((int) page);
    }
    Node x = PageFormat.decode(raw(page), page);
    checkNode(x, lo, hi, parentBirth);
    if (x.birth > version) {
      throw fail(page, "birth order", "born at " + x.birth + " but reached from version " + version);
    }
    long count = 0;
    byte[] min = null;
    byte[] max = null;
    if (x.leaf) {
      for (int i = 0; i < x.n; i++) {
        Object v = x.vals[i];
        if (v instanceof Overflow o) {
          checkOverflow(o, x, latest);
        }
        if (visitor != null) {
          visitor.visit(x.keys[i], pager.value(v));
        }
      }
      count = x.n;
      if (x.n > 0) {
        min = x.keys[0];
        max = x.keys[x.n - 1];
      }
    } else {
      for (int i = 0; i < x.n; i++) {
        Sub s = walkData(x.childIds[i], version, latest, i == 0 ? lo : x.keys[i - 1], i == x.n - 1 ? hi : x.keys[i],
            x.birth, visitor);
        if (s.count() == 0) {
          throw fail(x.childIds[i], "tree shape", "empty child of a branch");
        }
        count += s.count();
        if (min == null) {
          min = s.min();
        }
        max = s.max();
      }
    }
    Sub s = new Sub(count, min, max, known != null ? known.maxVersion() : version);
    memo.put(page, s);
    return s;
  }

  private final Map<Long, long[]> overflowMemo = new HashMap<>();

  private void checkOverflow(Overflow o, Node leaf, boolean latest) {
    long[] pages = overflowMemo.get(o.firstPage());
    if (pages == null) {
      LongList l = new LongList();
      long p = o.firstPage();
      int n = pager.overflowPageCount(o.length());
      for (int i = 0; i < n; i++) {
        byte[] b = raw(p);
        if (PageFormat.type(b) != PageFormat.OVERFLOW) {
          throw fail(p, "page type", "expected an overflow page of the value in page " + leaf.id);
        }
        if (PageFormat.birth(b) > leaf.birth) {
          throw fail(p, "birth order", "overflow page born after the leaf " + leaf.id + " that refers to it");
        }
        if (data.get((int) p) && !overflowMemo.containsKey(o.firstPage())) {
          throw fail(p, "reachability", "overflow page shared by two values");
        }
        l.add(p);
        p = PageFormat.getLong(b, PageFormat.HEADER);
      }
      if (p != 0) {
        throw fail(l.get(l.size() - 1), "overflow chain", "chain longer than the value's " + o.length() + " bytes");
      }
      pages = l.toArray();
      overflowMemo.put(o.firstPage(), pages);
      for (long q : pages) {
        data.set((int) q);
      }
    }
    if (latest) {
      for (long q : pages) {
        latestData.set((int) q);
      }
    }
  }

  /** Marks a memoised subtree as reachable from the latest version. */
  private void markSubtree(long page) {
    if (latestData.get((int) page)) {
      return;
    }
    latestData.set((int) page);
    Node x = pager.node(page);
    if (x.leaf) {
      for (int i = 0; i < x.n; i++) {
        if (x.vals[i] instanceof Overflow o) {
          for (long q : overflowMemo.get(o.firstPage())) {
            latestData.set((int) q);
          }
        }
      }
    } else {
      for (int i = 0; i < x.n; i++) {
        markSubtree(x.childIds[i]);
      }
    }
  }
}
