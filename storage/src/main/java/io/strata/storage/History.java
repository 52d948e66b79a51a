package io.strata.storage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The history tree: one tree, two key spaces.
 * <pre>
 *   'V' u64 version            → u64 commit time (ns since epoch), u64 directory root,
 *                                u64 pages written, UTF-8 note
 *   'P' UTF-8 name             → u64 version  (named snapshots)
 * </pre>
 * A 'V' entry exists exactly for the versions that have not been dropped; commit times increase
 * strictly with the version, so the 'V' entries are ordered by time too and AS OF TIMESTAMP
 * bisects them ({@link #latestAt}).
 *
 * <p>Files of formats 1 and 2 also hold a time index, 'T' u64 time, u64 version → empty, one
 * entry per version they wrote. It is no longer read or written; dropping such a version deletes
 * its entry.
 */
final class History {
  /**
   * Longest note kept, in UTF-8 bytes: a record (24 bytes before the note) then fits inline in a
   * leaf of the smallest page, so the internal trees never hold overflow values.
   */
  static final int MAX_NOTE = PageFormat.inlineMax(StoreOptions.MIN_PAGE_SIZE,
      StoreOptions.maxKeySize(StoreOptions.MIN_PAGE_SIZE)) - 24;
  static final byte[] EMPTY = new byte[0];

  private History() {}

  /** A decoded 'V' entry. */
  record Entry(long version, long timeNanos, long dirRoot, long pagesWritten, String note) {
    Version toVersion() {
      return new Version(version, instant(timeNanos), pagesWritten, note);
    }
  }

  static byte[] versionKey(long v) {
    byte[] k = new byte[9];
    k[0] = 'V';
    PageFormat.putLong(k, 1, v);
    return k;
  }

  /** The key of a time-index entry, which files of formats 1 and 2 hold. */
  static byte[] timeKey(long t, long v) {
    byte[] k = new byte[17];
    k[0] = 'T';
    PageFormat.putLong(k, 1, t);
    PageFormat.putLong(k, 9, v);
    return k;
  }

  static byte[] pinKey(String name) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    byte[] k = new byte[n.length + 1];
    k[0] = 'P';
    System.arraycopy(n, 0, k, 1, n.length);
    return k;
  }

  static byte[] record(long t, long dirRoot, long pages, String note) {
    byte[] n = note.getBytes(StandardCharsets.UTF_8);
    if (n.length > MAX_NOTE) {
      n = java.util.Arrays.copyOf(n, MAX_NOTE);
    }
    byte[] r = new byte[24 + n.length];
    PageFormat.putLong(r, 0, t);
    PageFormat.putLong(r, 8, dirRoot);
    PageFormat.putLong(r, 16, pages);
    System.arraycopy(n, 0, r, 24, n.length);
    return r;
  }

  static Entry entry(byte[] key, byte[] rec) {
    return new Entry(PageFormat.getLong(key, 1), PageFormat.getLong(rec, 0), PageFormat.getLong(rec, 8),
        PageFormat.getLong(rec, 16), new String(rec, 24, rec.length - 24, StandardCharsets.UTF_8));
  }

  /**
   * The newest live version committed at or before time t (ns), or -1 when every live version is
   * newer; c is a cursor over the 'V' entries, latest the newest version. Commit times increase
   * with the version, so the time of the newest live version at or before x never decreases as x
   * grows: bisecting x over [oldest, latest] costs O(log(latest)) floor seeks.
   */
  static long latestAt(CursorImpl c, long t, long latest) {
    if (!c.seek(versionKey(0))) {
      return -1;
    }
    long lo = PageFormat.getLong(c.key(), 1);
    if (PageFormat.getLong(c.value(), 0) > t) {
      return -1;
    }
    long hi = latest + 1; // time(floor(lo)) <= t, and treat hi as past every commit
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (!c.seekFloor(versionKey(mid))) {
        throw new IllegalStateException("no live version at or before " + mid + " above " + lo);
      }
      if (PageFormat.getLong(c.value(), 0) <= t) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    if (!c.seekFloor(versionKey(lo))) {
      throw new IllegalStateException("no live version at or before " + lo);
    }
    return PageFormat.getLong(c.key(), 1);
  }

  static Entry lookup(Pager p, Node root, long v) {
    Object o = BTree.find(p, root, versionKey(v));
    return o == null ? null : entry(versionKey(v), p.value(o));
  }

  static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  static long nanos(Instant t) {
    try {
      return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    } catch (ArithmeticException e) {
      return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
