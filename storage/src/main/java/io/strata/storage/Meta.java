package io.strata.storage;

import java.util.Arrays;

/**
 * The root record of one durable version, written to one of the two meta pages (pages 0 and 1).
 *
 * <p>Byte layout (big-endian), at the start of the meta page; the rest of the page is zero:
 * <pre>
 *   [0,8)    magic "STRATA\0\1"
 *   [8,16)   version (first copy)
 *   [16,20)  format version (1, 2 or 3)
 *   [20,24)  page size
 *   [24,32)  commit time, nanoseconds since the epoch
 *   [32,40)  directory root page (0 = no trees)
 *   [40,48)  history root page
 *   [48,56)  dead-list root page (0 = empty)
 *   [56,64)  first page of the free-space map (0 = nothing free)
 *   [64,72)  page count of the file
 *   [72,80)  version (second copy; differs from the first when the write was torn)
 *   [80,84)  CRC32C of [0,80)
 *   format 2 adds the pages the commit wrote, when they were not synced before the meta:
 *   [84,88)  k, the number of listed pages (0: the commit synced its pages before the meta)
 *   [88,96)  base: the version the commit (or batch of commits) was built on
 *   [96,96+8k)  the page ids
 *   then     CRC32C of [0,96+8k): it covers the header too, so a torn write cannot pair a new
 *            header with the list of an older meta in the same slot
 *   format 3 is format 2 whose history tree has no time index for the versions it wrote
 *            ({@link History}); a reader of format 2 would answer AS OF TIMESTAMP wrongly there
 * </pre>
 * A meta is valid when magic, format, page size, CRC and both version copies agree, and its page
 * list, if any, has a matching CRC. Opening picks the valid meta with the highest version; if
 * that meta lists pages, each must have landed (CRC, page id, and a birth after base), or the
 * commit did not complete and the other meta is used ({@link Committer} invariant 2).
 */
record Meta(long version, int pageSize, long timeNanos, long dirRoot, long historyRoot, long deadRoot,
    long freeMap, long pageCount) {

  static final long MAGIC = 0x5354524154410001L;
  /** Written by this code; 1 and 2 are read too (3 changed no byte layout, see {@link History}). */
  static final int FORMAT = 3;
  static final int SIZE = 84;
  private static final int LIST = 96;

  /** How many page ids a meta page can list. */
  static int listCapacity(int pageSize) {
    return (pageSize - LIST - 4) / 8;
  }

  /** The meta page, listing nothing: the commit's pages were synced before it. */
  byte[] encode() {
    return encode(null, 0);
  }

  /** The meta page listing the pages written on top of version base (null: none listed). */
  byte[] encode(long[] listed, long base) {
    byte[] b = new byte[pageSize];
    PageFormat.putLong(b, 0, MAGIC);
    PageFormat.putLong(b, 8, version);
    PageFormat.putInt(b, 16, FORMAT);
    PageFormat.putInt(b, 20, pageSize);
    PageFormat.putLong(b, 24, timeNanos);
    PageFormat.putLong(b, 32, dirRoot);
    PageFormat.putLong(b, 40, historyRoot);
    PageFormat.putLong(b, 48, deadRoot);
    PageFormat.putLong(b, 56, freeMap);
    PageFormat.putLong(b, 64, pageCount);
    PageFormat.putLong(b, 72, version);
    PageFormat.putInt(b, 80, PageFormat.crc(b, 0, 80));
    if (listed != null) {
      assert listed.length <= listCapacity(pageSize);
      PageFormat.putInt(b, SIZE, listed.length);
      PageFormat.putLong(b, 88, base);
      for (int i = 0; i < listed.length; i++) {
        PageFormat.putLong(b, LIST + 8 * i, listed[i]);
      }
      int end = LIST + 8 * listed.length;
      PageFormat.putInt(b, end, PageFormat.crc(b, 0, end));
    }
    return b;
  }

  /**
   * Whether the commit of the meta on this (whole, valid) meta page reached the disk: null if so,
   * else the reason. Only the newest meta needs this; the older one was durable before the newer
   * commit began.
   */
  String landed(byte[] page, PageIO io) {
    int k = PageFormat.getInt(page, SIZE);
    if (k == 0) {
      return null;
    }
    if (k < 0 || k > listCapacity(pageSize)) {
      return "page list of " + k + " entries";
    }
    int end = LIST + 8 * k;
    if (PageFormat.getInt(page, end) != PageFormat.crc(page, 0, end)) {
      return "page list CRC32C mismatch (torn meta write)";
    }
    long base = PageFormat.getLong(page, 88);
    byte[] buf = new byte[pageSize];
    for (int i = 0; i < k; i++) {
      long id = PageFormat.getLong(page, LIST + 8 * i);
      if (id < 2 || id >= pageCount || (id + 1) * pageSize > io.size()) {
        return "listed page " + id + " lies outside the file";
      }
      io.read(id * pageSize, buf);
      long birth = PageFormat.birth(buf);
      if (PageFormat.getInt(buf, 0) != PageFormat.crc(buf, 4, pageSize) || PageFormat.getLong(buf, 8) != id
          || birth <= base || birth > version) {
        return "page " + id + " of version " + version + " did not reach the disk";
      }
    }
    return null;
  }

  /** Decodes the meta at the start of b, or returns a reason why it is not valid. */
  static Object decode(byte[] b) {
    if (b.length < SIZE) {
      return "short page";
    }
    if (PageFormat.getLong(b, 0) != MAGIC) {
      boolean zero = true;
      for (int i = 0; i < SIZE && zero; i++) {
        zero = b[i] == 0;
      }
      return zero ? "empty" : "bad magic";
    }
    if (PageFormat.getInt(b, 80) != PageFormat.crc(b, 0, 80)) {
      return "CRC32C mismatch";
    }
    long v1 = PageFormat.getLong(b, 8);
    long v2 = PageFormat.getLong(b, 72);
    if (v1 != v2) {
      return "torn write: version " + v1 + " at the head, " + v2 + " at the tail";
    }
    int format = PageFormat.getInt(b, 16);
    if (format < 1 || format > FORMAT) {
      return "unknown format " + format;
    }
    int ps = PageFormat.getInt(b, 20);
    if (ps < 4096 || ps > 65536 || Integer.bitCount(ps) != 1) {
      return "bad page size " + ps;
    }
    return new Meta(v1, ps, PageFormat.getLong(b, 24), PageFormat.getLong(b, 32), PageFormat.getLong(b, 40),
        PageFormat.getLong(b, 48), PageFormat.getLong(b, 56), PageFormat.getLong(b, 64));
  }

  static byte[] head(byte[] page) {
    return Arrays.copyOf(page, SIZE);
  }
}
