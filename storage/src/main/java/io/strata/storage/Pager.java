package io.strata.storage;

import java.util.Arrays;

/**
 * Reads and writes pages through {@link PageIO}: decoded nodes through the {@link NodeCache},
 * overflow chains for large values, and raw pages for the verifier. An in-memory store keeps its
 * pages as objects instead ({@link ResidentPages}); only its meta pages go through the
 * {@link PageIO}.
 */
final class Pager {
  final PageIO io;
  final int pageSize;
  final int maxKey;
  final int inlineMax;
  final int chunk;
  final NodeCache cache;
  final PageWriter writer;
  /** The pages of an in-memory store; null when the pages live in the {@link PageIO}. */
  final ResidentPages resident;

  /** preallocate: whether the file grows ahead of the pages, zero-filled ({@link PageWriter}). */
  Pager(PageIO io, int pageSize, int cacheNodes, boolean residentPages, boolean preallocate) {
    this.io = io;
    this.resident = residentPages ? new ResidentPages() : null;
    this.pageSize = pageSize;
    this.maxKey = StoreOptions.maxKeySize(pageSize);
    this.inlineMax = PageFormat.inlineMax(pageSize, maxKey);
    this.chunk = PageFormat.overflowChunk(pageSize);
    this.cache = new NodeCache(cacheNodes);
    this.writer = new PageWriter(io, pageSize, preallocate);
  }

  int capacity() {
    return pageSize - PageFormat.HEADER;
  }

  /**
   * The page's bytes as stored; for a resident node, its encoding (so the verifier checks that
   * every node the store holds encodes and decodes to itself).
   */
  byte[] readRaw(long id) {
    byte[] b = new byte[pageSize];
    readInto(id, b);
    return b;
  }

  private void readInto(long id, byte[] b) {
    if (resident == null) {
      io.read(id * pageSize, b);
      return;
    }
    Object o = resident.get(id);
    if (o instanceof byte[] image) {
      System.arraycopy(image, 0, b, 0, pageSize);
    } else if (o instanceof Node x) {
      PageFormat.encode(x, b, id, x.birth, inlineMax);
    } else {
      Arrays.fill(b, (byte) 0); // never written, as a file reads
    }
  }

  /** Writes a page image (overflow, free map); the caller may reuse the array afterwards. */
  void write(long id, byte[] page) {
    if (resident == null) {
      writer.write(id, page);
    } else {
      resident.put(id, page.clone());
    }
  }

  /**
   * Writes node x, about to be committed as page id of version birth, encoded through the writer
   * (scratch is a page-sized buffer). An in-memory store writes nothing: it keeps the node itself
   * ({@link #committed}).
   */
  void writeNode(Node x, long id, long birth, byte[] scratch) {
    if (resident == null) {
      PageFormat.encode(x, scratch, id, birth, inlineMax);
      writer.write(id, scratch);
    }
  }

  /** Node x was committed (id, birth and heads set): readers may now find it by its id. */
  void committed(Node x) {
    if (resident == null) {
      cache.put(x);
    } else {
      resident.put(x.id, x);
    }
  }

  /** Page id is reusable: no pinned version reaches what it held. */
  void forget(long id) {
    cache.remove(id);
    if (resident != null) {
      resident.remove(id);
    }
  }

  Node node(long id) {
    if (resident != null) {
      if (resident.get(id) instanceof Node x) {
        return x;
      }
      throw PageFormat.corrupt(id, "page type", "expected a tree page");
    }
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

  /**
   * Child i of a branch if it is dirty, resident or in the node cache, else null (never reads a
   * page).
   */
  Node cachedChild(Node b, int i) {
    Node[] k = b.kids;
    if (k != null && k[i] != null) {
      return k[i];
    }
    return resident != null ? node(b.childIds[i]) : cache.get(b.childIds[i]);
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
      readInto(page, buf);
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
      readInto(page, buf);
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
      write(pages[i], buf);
    }
  }
}
