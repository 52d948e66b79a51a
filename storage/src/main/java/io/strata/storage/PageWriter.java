package io.strata.storage;

import java.util.Arrays;

/**
 * Gathers the pages a commit writes and issues runs of consecutive pages as one write. Only the
 * committer uses it; {@link #flush()} must run before the commit's fsync.
 */
final class PageWriter {
  private static final int MAX_RUN = 64;
  private final PageIO io;
  private final int pageSize;
  private final byte[] run;
  private long start = -1;
  private int pages;

  PageWriter(PageIO io, int pageSize) {
    this.io = io;
    this.pageSize = pageSize;
    this.run = new byte[pageSize * MAX_RUN];
  }

  void write(long id, byte[] page) {
    assert page.length == pageSize;
    if (pages > 0 && (id != start + pages || pages == MAX_RUN)) {
      flush();
    }
    if (pages == 0) {
      start = id;
    }
    System.arraycopy(page, 0, run, pages * pageSize, pageSize);
    pages++;
  }

  void flush() {
    if (pages == 0) {
      return;
    }
    byte[] out = pages == MAX_RUN ? run : Arrays.copyOf(run, pages * pageSize);
    pages = 0;
    io.write(start * pageSize, out);
  }

  /** Forgets buffered pages (after a failed commit). */
  void discard() {
    pages = 0;
  }
}
