package io.strata.storage;

import java.util.BitSet;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Free pages of the file, in memory, and their on-disk map.
 *
 * <p>A page freed by commit d (its dead-list entry was released, or it belonged to an internal
 * tree or map that d replaced) is <em>pending</em> until d's meta is durable, and only then
 * <em>reusable</em>; so the durable root, which a crash falls back to, is never overwritten.
 * Reusable pages at the end of the file are cut off (the file shrinks after the next durable meta).
 *
 * <p>Allocation ({@link #startCommit}, {@link #allocate}): a commit that will write many pages
 * takes them as runs of consecutive pages, so that it reaches the disk as a few large writes
 * instead of one small write per page (on the disks measured, a thousand scattered 4 KiB writes
 * cost several times one sequential write of the same bytes). A run is the lowest free extent of
 * at least {@link #MIN_RUN} pages, else the end of the file. Shorter holes are left to small
 * commits, which take the lowest reusable page, and to large ones when more than half of the
 * file is reusable anyway, so the file does not grow while it has room. Which free page a commit
 * takes never matters for correctness: every reusable page is unreachable from every pinned
 * version and from the durable meta.
 *
 * <p>Each commit writes the whole free set (reusable and pending) as a chain of free-map pages
 * ({@link PageFormat}) of extents; the map of the previous meta becomes pending.
 */
final class FreeSpace {
  private final PageBits reusable = new PageBits();
  /**
   * No page below this one is reusable. Recently freed pages lie near the end of a large file, so
   * without this mark every allocation would scan the bitmap from its start.
   */
  private int lowestReusable = Integer.MAX_VALUE;
  private final TreeMap<Long, LongList> pending = new TreeMap<>();
  private long pageCount;
  private long[] mapPages = new long[0];
  /** Shortest extent a large commit takes as a run. */
  static final int MIN_RUN = 16;
  /** Commits expecting at least this many pages allocate in runs. */
  static final int RUN_COMMIT = 64;
  /** Current run: reusable pages [runNext, runEnd), or the end of the file when runEnd is -1. */
  private long runNext;
  private long runEnd;
  /** Whether the current commit allocates in runs. */
  private boolean runs;

  FreeSpace(long pageCount) {
    this.pageCount = pageCount;
  }

  long pageCount() {
    return pageCount;
  }

  /** Starts the allocations of one commit that expects to write about {@code pages} pages. */
  void startCommit(int pages) {
    runs = pages >= RUN_COMMIT;
    runNext = 0;
    runEnd = 0;
  }

  /**
   * The rest of the commit takes single pages, lowest first: for the few pages of the internal
   * trees and the map, written after the user trees. Those trees free about as many pages each
   * commit as they write, mostly single pages among the runs; if only small commits refilled
   * such holes, a workload of large commits would leave them all unused, and the free set, which
   * every commit writes out whole, would grow without end.
   */
  void endRuns() {
    runs = false;
  }

  long allocate() {
    if (runs) {
      if (runEnd >= 0 && (runNext >= runEnd || runNext >= pageCount || !reusable.get((int) runNext))) {
        nextRun();
      }
      if (runs) {
        if (runEnd < 0) {
          return pageCount++;
        }
        reusable.clear((int) runNext);
        return runNext++;
      }
    }
    int i = reusable.nextSetBit(Math.max(2, lowestReusable));
    lowestReusable = i < 0 ? Integer.MAX_VALUE : i;
    if (i >= 0 && i < pageCount) {
      reusable.clear(i);
      lowestReusable = i + 1;
      return i;
    }
    return pageCount++;
  }

  /**
   * Moves to the next run: the lowest reusable extent of at least {@link #MIN_RUN} pages; without
   * one, the end of the file, unless over half of the file is reusable: then the rest of the
   * commit fills holes.
   */
  private void nextRun() {
    // runs are taken in ascending order and nothing becomes reusable during a commit, so the
    // search goes on from the end of the previous run
    int i = reusable.nextSetBit((int) Math.max(Math.max(2, runEnd), lowestReusable));
    while (i >= 0 && i < pageCount) {
      int j = (int) Math.min(reusable.nextClearBit(i), pageCount);
      if (j - i >= MIN_RUN) {
        runNext = i;
        runEnd = j;
        return;
      }
      i = reusable.nextSetBit(j);
    }
    if (reusable.cardinality() > pageCount / 2) {
      runs = false;
    } else {
      runEnd = -1;
    }
  }

  void free(long page, long atVersion) {
    assert page >= 2 && page < pageCount : "free of page " + page + " beyond " + pageCount;
    pending.computeIfAbsent(atVersion, k -> new LongList()).add(page);
  }

  /**
   * The pages of written that versions from {@code first} on have not freed again. A batch of
   * versions frees pages it wrote itself (an earlier version's internal pages, say); once its
   * meta is durable they may be reused, so its meta must not list them for checking.
   */
  long[] keptOf(long[] written, long first) {
    java.util.HashSet<Long> freed = new java.util.HashSet<>();
    for (LongList l : pending.tailMap(first, true).values()) {
      for (int i = 0; i < l.size(); i++) {
        freed.add(l.get(i));
      }
    }
    if (freed.isEmpty()) {
      return written;
    }
    LongList kept = new LongList();
    for (long p : written) {
      if (!freed.contains(p)) {
        kept.add(p);
      }
    }
    return kept.toArray();
  }

  /** Pages freed by versions up to v become reusable; returns them so caches can drop them. */
  LongList durable(long v) {
    LongList moved = new LongList();
    Iterator<Map.Entry<Long, LongList>> it = pending.headMap(v, true).entrySet().iterator();
    while (it.hasNext()) {
      LongList l = it.next().getValue();
      for (int i = 0; i < l.size(); i++) {
        markReusable((int) l.get(i), (int) l.get(i) + 1);
        moved.add(l.get(i));
      }
      it.remove();
    }
    return moved;
  }

  private void markReusable(int from, int to) {
    reusable.set(from, to);
    lowestReusable = Math.min(lowestReusable, from);
  }

  /** Drops reusable pages at the end of the file. */
  void trimTail() {
    while (pageCount > 2 && reusable.get((int) (pageCount - 1))) {
      reusable.clear((int) (pageCount - 1));
      pageCount--;
    }
  }

  boolean isReusable(long page) {
    return reusable.get((int) page);
  }

  /** Every free page, reusable or pending. */
  BitSet allFree() {
    BitSet all = reusable.toBitSet();
    for (LongList l : pending.values()) {
      for (int i = 0; i < l.size(); i++) {
        all.set((int) l.get(i));
      }
    }
    return all;
  }

  long[] mapPages() {
    return mapPages;
  }

  /**
   * Writes the free set as the map of version d: the previous map's pages become pending at d,
   * then pages for the new map are allocated until it fits. Returns the first map page or 0.
   */
  long writeMap(Pager pager, long d, long birth) {
    for (long p : mapPages) {
      free(p, d);
    }
    int perPage = (pager.pageSize - PageFormat.HEADER - 8) / 12;
    LongList pages = new LongList();
    long[] pend = pendingSorted();
    int before = extents(pend).length / 2;
    // taking a page for the map changes the number of extents by at most one, so k pages hold
    // the final map once k * perPage >= before + k (trailing pages may end up empty)
    while ((long) pages.size() * perPage < before + pages.size()) {
      pages.add(allocate());
    }
    long[] extents = extents(pend);
    assert extents.length / 2 <= (long) pages.size() * perPage : "free map outgrew its pages";
    byte[] buf = new byte[pager.pageSize];
    int e = 0;
    int total = extents.length / 2;
    for (int i = 0; i < pages.size(); i++) {
      java.util.Arrays.fill(buf, (byte) 0);
      long next = i + 1 < pages.size() ? pages.get(i + 1) : 0;
      PageFormat.putLong(buf, PageFormat.HEADER, next);
      int cnt = Math.min(perPage, total - e);
      int off = PageFormat.HEADER + 8;
      for (int k = 0; k < cnt; k++, e++) {
        PageFormat.putLong(buf, off, extents[2 * e]);
        PageFormat.putInt(buf, off + 8, (int) extents[2 * e + 1]);
        off += 12;
      }
      PageFormat.seal(buf, PageFormat.FREEMAP, cnt, pages.get(i), birth);
      pager.write(pages.get(i), buf);
    }
    mapPages = pages.toArray();
    return mapPages.length == 0 ? 0 : mapPages[0];
  }

  /** Every pending page, ascending. */
  private long[] pendingSorted() {
    int n = 0;
    for (LongList l : pending.values()) {
      n += l.size();
    }
    long[] out = new long[n];
    int k = 0;
    for (LongList l : pending.values()) {
      for (int i = 0; i < l.size(); i++) {
        out[k++] = l.get(i);
      }
    }
    java.util.Arrays.sort(out);
    return out;
  }

  /**
   * The free set (reusable pages and the sorted pending pages pend) as (first page, length)
   * extents in ascending order: a merge of the two, without materialising their union, so a
   * commit pays for the free extents rather than for the size of the file.
   */
  private long[] extents(long[] pend) {
    LongList out = new LongList();
    long start = -1;
    long end = -1;
    int i = lowestReusable == Integer.MAX_VALUE ? -1 : reusable.nextSetBit(lowestReusable);
    int p = 0;
    while (i >= 0 || p < pend.length) {
      long s;
      long e;
      if (i >= 0 && (p >= pend.length || i <= pend[p])) {
        int j = reusable.nextClearBit(i);
        s = i;
        e = j;
        i = reusable.nextSetBit(j);
      } else {
        s = pend[p++];
        e = s + 1;
      }
      if (s <= end) {
        end = Math.max(end, e);
      } else {
        if (start >= 0) {
          out.add(start);
          out.add(end - start);
        }
        start = s;
        end = e;
      }
    }
    if (start >= 0) {
      out.add(start);
      out.add(end - start);
    }
    return out.toArray();
  }

  /** Loads the map of a durable meta: every page in it is reusable. */
  static FreeSpace load(Pager pager, long first, long pageCount) {
    FreeSpace f = new FreeSpace(pageCount);
    LongList pages = new LongList();
    long p = first;
    while (p != 0) {
      if (p < 2 || p >= pageCount) {
        throw PageFormat.corrupt(p, "free-map chain", "page beyond the file's " + pageCount + " pages");
      }
      byte[] b = pager.readRaw(p);
      PageFormat.check(b, p);
      if (PageFormat.type(b) != PageFormat.FREEMAP) {
        throw PageFormat.corrupt(p, "page type", "expected a free-map page, found type " + PageFormat.type(b));
      }
      pages.add(p);
      int cnt = PageFormat.count(b);
      int off = PageFormat.HEADER + 8;
      for (int k = 0; k < cnt; k++) {
        long s = PageFormat.getLong(b, off);
        int len = PageFormat.getInt(b, off + 8);
        if (s < 2 || len < 0 || s + len > pageCount) {
          throw PageFormat.corrupt(p, "free-map extent", "extent " + s + "+" + len + " outside the file");
        }
        f.markReusable((int) s, (int) (s + len));
        off += 12;
      }
      p = PageFormat.getLong(b, PageFormat.HEADER);
      if (pages.size() > pageCount) {
        throw PageFormat.corrupt(first, "free-map chain", "cycle");
      }
    }
    f.mapPages = pages.toArray();
    return f;
  }
}
