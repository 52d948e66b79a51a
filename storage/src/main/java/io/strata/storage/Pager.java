package io.strata.storage;

import java.util.Arrays;

/**
 * Reads and writes pages through {@link PageIO}: decoded nodes through the {@link NodeCache},
 * overflow chains for large values, and raw pages for the verifier.
 */
final class Pager {
  final PageIO io;
  final int pageSize;
  final int maxKey;
  final int inlineMax;
  final int chunk;
  final NodeCache cache;
  final PageWriter writer;

  Pager(PageIO io, int pageSize, int cacheNodes) {
    this.io = io;
    this.pageSize = pageSize;
    this.maxKey = StoreOptions.maxKeySize(pageSize);
    this.inlineMax = PageFormat.inlineMax(pageSize, maxKey);
    this.chunk = PageFormat.overflowChunk(pageSize);
    this.cache = new NodeCache(cacheNodes);
    this.writer = new PageWriter(io, pageSize);
  }

  int capacity() {
    return pageSize - PageFormat.HEADER;
  }

  byte[] readRaw(long id) {
    byte[] b = new byte[pageSize];
    io.read(id * pageSize, b);
    return b;
  }

  Node node(long id) {
    Node x = cache.get(id);
    if (x != null) {
      return x;
    }
    if (id < 2) {
      throw PageFormat.corrupt(id, "child pointer", "points at a meta page");
    }
    x = PageFormat.decode(readRaw(id), id);
    cache.put(x);
    return x;
  }

  /** Child i of a branch: the dirty node if there is one, else the committed page. */
  Node child(Node b, int i) {
    Node[] k = b.kids;
    if (k != null) {
      Node c = k[i];
      if (c != null) {
        return c;
      }
    }
    return node(b.childIds[i]);
  }

  /** Child i of a branch if it is dirty or in the node cache, else null (never reads a page). */
  Node cachedChild(Node b, int i) {
    Node[] k = b.kids;
    if (k != null && k[i] != null) {
      return k[i];
    }
    return cache.get(b.childIds[i]);
  }

  /** The value bytes of a leaf value (reads the overflow chain of a large value). */
  byte[] value(Object v) {
    if (v instanceof byte[] b) {
      return b;
    }
    Overflow o = (Overflow) v;
    byte[] out = new byte[o.length()];
    long page = o.firstPage();
    int off = 0;
    byte[] buf = new byte[pageSize];
    while (off < out.length) {
      if (page < 2) {
        throw PageFormat.corrupt(page, "overflow chain", "chain ends after " + off + " of " + out.length + " bytes");
      }
      io.read(page * pageSize, buf);
      PageFormat.check(buf, page);
      if (PageFormat.type(buf) != PageFormat.OVERFLOW) {
        throw PageFormat.corrupt(page, "page type", "expected an overflow page, found type " + PageFormat.type(buf));
      }
      int n = Math.min(chunk, out.length - off);
      System.arraycopy(buf, PageFormat.HEADER + 8, out, off, n);
      off += n;
      page = PageFormat.getLong(buf, PageFormat.HEADER);
    }
    return out;
  }

  /** Pages of an overflow chain as (id, birth) pairs appended to out. */
  void overflowPages(Overflow o, LongList out) {
    long page = o.firstPage();
    int pages = (o.length() + chunk - 1) / chunk;
    byte[] buf = new byte[pageSize];
    for (int i = 0; i < pages; i++) {
      io.read(page * pageSize, buf);
      PageFormat.check(buf, page);
      out.add(page);
      out.add(PageFormat.birth(buf));
      page = PageFormat.getLong(buf, PageFormat.HEADER);
    }
  }

  int overflowPageCount(int length) {
    return (length + chunk - 1) / chunk;
  }

  /** Writes value into the given pages as one chain. */
  void writeOverflow(byte[] value, long[] pages, long birth) {
    byte[] buf = new byte[pageSize];
    int off = 0;
    for (int i = 0; i < pages.length; i++) {
      Arrays.fill(buf, (byte) 0);
      PageFormat.putLong(buf, PageFormat.HEADER, i + 1 < pages.length ? pages[i + 1] : 0);
      int n = Math.min(chunk, value.length - off);
      System.arraycopy(value, off, buf, PageFormat.HEADER + 8, n);
      off += n;
      PageFormat.seal(buf, PageFormat.OVERFLOW, 0, pages[i], birth);
      writer.write(pages[i], buf);
    }
  }
}
