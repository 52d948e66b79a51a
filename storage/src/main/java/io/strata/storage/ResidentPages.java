package io.strata.storage;

import java.util.Arrays;

/**
 * The pages of an in-memory store, held as objects by page id: a committed tree page as the
 * {@link Node} the commit built (never encoded, never decoded), any other page (overflow, free
 * map) as its byte image. Only the meta pages go through the store's {@link PageIO}.
 *
 * <p>Holding nodes instead of images saves the encoding and the copy of every page a commit writes
 * and the decoding of every page read, and lets versions share memory: a node copied on write
 * shares its keys and unchanged values with the node it replaced, so a version that changes one
 * value of a leaf costs that leaf's arrays, not a whole page.
 *
 * <p>Thread safety: only the committer puts and removes. A reader asks only for pages reachable
 * from a published version, and a page is put before the version that reaches it is published
 * (a volatile write), so the reader sees it. A page is removed only once no pinned version can
 * reach it (it is then reusable, {@link FreeSpace}).
 */
final class ResidentPages {
  private static final int CHUNK_BITS = 12;
  private static final int CHUNK = 1 << CHUNK_BITS;
  /** Chunks of {@link #CHUNK} pages; a chunk never moves once created, the outer array grows. */
  private volatile Object[][] chunks = new Object[0][];

  /** The page with this id (a {@link Node} or a byte[]), or null if none was put. */
  Object get(long id) {
    Object[][] c = chunks;
    long i = id >>> CHUNK_BITS;
    if (id < 0 || i >= c.length || c[(int) i] == null) {
      return null;
    }
    return c[(int) i][(int) (id & (CHUNK - 1))];
  }

  /** Puts a committed node or a page image (which the caller no longer changes). */
  void put(long id, Object page) {
    assert page instanceof Node || page instanceof byte[];
    int i = (int) (id >>> CHUNK_BITS);
    Object[][] c = chunks;
    if (i >= c.length) {
      c = Arrays.copyOf(c, Math.max(i + 1, c.length * 2));
    }
    if (c[i] == null) {
      c[i] = new Object[CHUNK];
    }
    c[i][(int) (id & (CHUNK - 1))] = page;
    if (c != chunks) {
      chunks = c;
    }
  }

  /** Forgets a page no version can reach any more, so the memory it holds can be reclaimed. */
  void remove(long id) {
    Object[][] c = chunks;
    long i = id >>> CHUNK_BITS;
    if (id >= 0 && i < c.length && c[(int) i] != null) {
      c[(int) i][(int) (id & (CHUNK - 1))] = null;
    }
  }

  /** How many pages are held (a scan; for tests and diagnostics). */
  long count() {
    long n = 0;
    for (Object[] chunk : chunks) {
      for (int i = 0; chunk != null && i < CHUNK; i++) {
        if (chunk[i] != null) {
          n++;
        }
      }
    }
    return n;
  }
}
