package io.strata.storage;

import java.util.zip.CRC32C;

/**
 * Byte layout of every page except the two meta pages ({@link Meta}). All integers big-endian.
 *
 * <pre>
 * Common header (24 bytes)
 *   [0,4)   CRC32C of bytes [4, pageSize)
 *   [4]     type: 1 leaf, 2 branch, 3 overflow, 4 free-space map
 *   [5]     0
 *   [6,8)   count: leaf entries / branch children / free-map extents (0 for overflow)
 *   [8,16)  page id (catches misdirected writes)
 *   [16,24) birth: the version that wrote the page
 *
 * Leaf body: count entries, keys strictly ascending (unsigned bytes)
 *   u16 keyLength, key bytes, u8 kind,
 *     kind 0 (inline):   varint valueLength, value bytes
 *     kind 1 (overflow): u64 first overflow page, u32 valueLength
 *
 * Branch body: u64 child0, then count-1 times: u16 keyLength, key bytes, u64 child
 *   (key i is the smallest key reachable under the child that follows it)
 *
 * Overflow body: u64 next overflow page (0 = last), then value bytes up to the end of the page
 *
 * Free-space map body: u64 next map page (0 = last), then count extents: u64 first page, u32 pages
 * </pre>
 *
 * Unused bytes are zero. Pages 0 and 1 are meta pages; page ids of all other pages start at 2.
 */
final class PageFormat {
  static final byte LEAF = 1;
  static final byte BRANCH = 2;
  static final byte OVERFLOW = 3;
  static final byte FREEMAP = 4;
  static final int HEADER = 24;

  private PageFormat() {}

  static int inlineMax(int pageSize, int maxKey) {
    int cap = pageSize - HEADER;
    return Math.min(cap / 4, cap - maxKey - 16);
  }

  static int overflowChunk(int pageSize) {
    return pageSize - HEADER - 8;
  }

  static void putLong(byte[] b, int off, long v) {
    for (int i = 7; i >= 0; i--) {
      b[off + i] = (byte) v;
      v >>>= 8;
    }
  }

  static long getLong(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[off + i] & 0xFF);
    }
    return v;
  }

  static void putInt(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }

  static int getInt(byte[] b, int off) {
    return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
  }

  static int crc(byte[] b, int from, int to) {
    CRC32C c = new CRC32C();
    c.update(b, from, to - from);
    return (int) c.getValue();
  }

  /** Fills the header (including the CRC, so call last). */
  static void seal(byte[] page, byte type, int count, long id, long birth) {
    page[4] = type;
    page[5] = 0;
    page[6] = (byte) (count >>> 8);
    page[7] = (byte) count;
    putLong(page, 8, id);
    putLong(page, 16, birth);
    putInt(page, 0, crc(page, 4, page.length));
  }

  static int type(byte[] page) {
    return page[4];
  }

  static int count(byte[] page) {
    return ((page[6] & 0xFF) << 8) | (page[7] & 0xFF);
  }

  static long birth(byte[] page) {
    return getLong(page, 16);
  }

  /** Checks CRC and page id; throws CORRUPT naming the page and the check. */
  static void check(byte[] page, long id) {
    int stored = getInt(page, 0);
    int actual = crc(page, 4, page.length);
    if (stored != actual) {
      throw corrupt(id, "CRC32C", String.format("stored %08x, computed %08x", stored, actual));
    }
    long hid = getLong(page, 8);
    if (hid != id) {
      throw corrupt(id, "page id", "header names page " + hid);
    }
  }

  static StorageException corrupt(long page, String check, String detail) {
    return new StorageException(ErrorCode.CORRUPT, "page " + page + ": " + check + " check failed: " + detail);
  }

  // ---- nodes

  /** Encodes a node into page (page.length = page size) with the given id and birth. */
  static void encode(Node x, byte[] page, long id, long birth, int inlineMax) {
    int p = HEADER;
    if (x.leaf) {
      for (int i = 0; i < x.n; i++) {
        byte[] k = x.keys[i];
        page[p] = (byte) (k.length >>> 8);
        page[p + 1] = (byte) k.length;
        System.arraycopy(k, 0, page, p + 2, k.length);
        p += 2 + k.length;
        Object v = x.vals[i];
        if (v instanceof byte[] b) {
          if (b.length > inlineMax) {
            throw new IllegalStateException("a value of " + b.length + " bytes was not spilled to overflow pages");
          }
          page[p++] = 0;
          int len = b.length;
          while ((len & ~0x7F) != 0) {
            page[p++] = (byte) ((len & 0x7F) | 0x80);
            len >>>= 7;
          }
          page[p++] = (byte) len;
          System.arraycopy(b, 0, page, p, b.length);
          p += b.length;
        } else {
          Overflow o = (Overflow) v;
          page[p++] = 1;
          putLong(page, p, o.firstPage());
          putInt(page, p + 8, o.length());
          p += 12;
        }
      }
    } else {
      putLong(page, p, x.childIds[0]);
      p += 8;
      for (int i = 1; i < x.n; i++) {
        byte[] k = x.keys[i - 1];
        page[p] = (byte) (k.length >>> 8);
        page[p + 1] = (byte) k.length;
        System.arraycopy(k, 0, page, p + 2, k.length);
        p += 2 + k.length;
        assert x.childIds[i] != 0;
        putLong(page, p, x.childIds[i]);
        p += 8;
      }
    }
    assert p - HEADER == x.bytes : "size bookkeeping " + (p - HEADER) + " != " + x.bytes;
    java.util.Arrays.fill(page, p, page.length, (byte) 0);
    seal(page, x.leaf ? LEAF : BRANCH, x.n, id, birth);
  }

  /** Decodes a node page after checking it. */
  static Node decode(byte[] page, long id) {
    check(page, id);
    int type = type(page);
    int n = count(page);
    int p = HEADER;
    int end = page.length;
    try {
      if (type == LEAF) {
        // keys first, then values: each kind lies side by side in memory, so a scan that reads
        // values (or a search that reads keys) strides through one kind only
        Node x = Node.newLeaf(n);
        int[] at = new int[n];
        for (int i = 0; i < n; i++) {
          int kl = ((page[p] & 0xFF) << 8) | (page[p + 1] & 0xFF);
          byte[] k = new byte[kl];
          System.arraycopy(page, p + 2, k, 0, kl);
          p += 2 + kl;
          at[i] = p;
          int kind = page[p++];
          if (kind == 0) {
            int len = 0;
            int shift = 0;
            int b;
            do {
              b = page[p++] & 0xFF;
              len |= (b & 0x7F) << shift;
              shift += 7;
            } while ((b & 0x80) != 0);
            if (len < 0 || len > end - p) {
              throw corrupt(id, "leaf entry", "value length " + len + " beyond page end");
            }
            p += len;
          } else if (kind == 1) {
            p += 12;
          } else {
            throw corrupt(id, "leaf entry", "unknown value kind " + kind + " at entry " + i);
          }
          x.keys[i] = k;
        }
        for (int i = 0; i < n; i++) {
          int q = at[i];
          if (page[q++] == 0) {
            int len = 0;
            int shift = 0;
            int b;
            do {
              b = page[q++] & 0xFF;
              len |= (b & 0x7F) << shift;
              shift += 7;
            } while ((b & 0x80) != 0);
            byte[] val = new byte[len];
            System.arraycopy(page, q, val, 0, len);
            x.vals[i] = val;
          } else {
            x.vals[i] = new Overflow(getLong(page, q), getInt(page, q + 8));
          }
        }
        x.n = n;
        x.bytes = p - HEADER;
        x.id = id;
        x.birth = birth(page);
        x.freeze();
        return x;
      } else if (type == BRANCH) {
        if (n < 1) {
          throw corrupt(id, "branch", "no children");
        }
        Node x = Node.newBranch(n);
        x.kids = null;
        x.childIds[0] = getLong(page, p);
        p += 8;
        for (int i = 1; i < n; i++) {
          int kl = ((page[p] & 0xFF) << 8) | (page[p + 1] & 0xFF);
          byte[] k = new byte[kl];
          System.arraycopy(page, p + 2, k, 0, kl);
          p += 2 + kl;
          x.keys[i - 1] = k;
          x.childIds[i] = getLong(page, p);
          p += 8;
        }
        x.n = n;
        x.bytes = p - HEADER;
        x.id = id;
        x.birth = birth(page);
        x.freeze();
        return x;
      } else {
        throw corrupt(id, "page type", "expected a tree page, found type " + type);
      }
    } catch (ArrayIndexOutOfBoundsException | NegativeArraySizeException e) {
      throw corrupt(id, "node layout", "entries run past the end of the page");
    }
  }
}
