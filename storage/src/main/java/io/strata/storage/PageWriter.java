package io.strata.storage;


/**
 * Gathers the pages a commit writes and issues runs of consecutive pages as one write. Only the
 * committer uses it; {@link #flush()} must run before the commit's fsync.
 *
 * <p>When a run goes past the end of the file, the file is first extended with zeros by a step
 * proportional to its size ({@link #step}), so later commits overwrite allocated blocks and their
 * fsyncs need not also persist a new file size (several times cheaper on ext4). The zeros lie
 * beyond the meta's page count and mean nothing. Without fsyncs ({@link StoreOptions.SyncMode#NONE})
 * there is nothing to make cheaper, and the zeros would double the bytes written at the end of
 * the file, so the pages themselves extend it.
 */
final class PageWriter {
  private static final int MAX_RUN = 64;
  private final PageIO io;
  private final int pageSize;
  private final byte[] run;
  private long start = -1;
  private int pages;
  private long fileEnd = -1;
  private final boolean preallocate;
  /** Zeros for extending the file, kept: a step is often a megabyte, and comes often. */
  private byte[] zeros = new byte[0];
  /** Every page written since the last {@link #takeWritten}: what a meta may list. */
  private final LongList written = new LongList();

  PageWriter(PageIO io, int pageSize, boolean preallocate) {
    this.io = io;
    this.preallocate = preallocate;
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
    written.add(id);
  }

  void flush() {
    if (pages == 0) {
      return;
    }
    int len = pages * pageSize;
    pages = 0;
    extendTo((start * pageSize) + len);
    io.write(start * pageSize, run, 0, len);
  }

  /**
   * How far the file grows beyond what a commit needs: an eighth of its size, between 8 pages and
   * 1 MiB (zeros written ahead are written twice, so the step stays small for bulk loads).
   */
  long step(long size) {
    long s = Math.min(1L << 20, Math.max(8L * pageSize, size / 8));
    return s / pageSize * pageSize;
  }

  private void extendTo(long end) {
    if (end <= fileSize()) {
      return;
    }
    if (!preallocate) {
      fileEnd = end;
      return;
    }
    long target = Math.max(end, fileEnd + step(fileEnd));
    int chunk = (int) Math.min(1 << 20, target - fileEnd);
    if (zeros.length < chunk) {
      zeros = new byte[chunk];
    }
    for (long p = fileEnd; p < target; p += chunk) {
      io.write(p, zeros, 0, (int) Math.min(chunk, target - p));
    }
    fileEnd = target;
  }

  /** The file's size as this writer left it (asks the file once after a reset). */
  long fileSize() {
    if (fileEnd < 0) {
      fileEnd = io.size();
    }
    return fileEnd;
  }

  /** The file was truncated (or its size is unknown): learn it again. */
  void resetFileEnd() {
    fileEnd = -1;
  }

  /** The pages written since the last call, which forgets them. */
  long[] takeWritten() {
    long[] out = written.toArray();
    written.clear();
    return out;
  }

  /** Forgets buffered pages (after a failed commit). */
  void discard() {
    pages = 0;
    written.clear();
  }
}
