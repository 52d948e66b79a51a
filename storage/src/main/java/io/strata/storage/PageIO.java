package io.strata.storage;

/**
 * The single file-I/O interface of the store. Every byte the store reads or writes goes through
 * it, so tests can fail, tear, drop or reorder writes here. The store reads and writes whole pages
 * at page-aligned positions, except when it sniffs the page size of an existing file.
 * Implementations are thread-safe for concurrent reads; writes come from one committer at a time.
 */
interface PageIO extends AutoCloseable {

  /** Reads dst.length bytes at pos; bytes beyond the end of the file read as zeros. */
  void read(long pos, byte[] dst);

  /** Writes src at pos, growing the file if needed. */
  void write(long pos, byte[] src);

  /** Writes src[off, off + len) at pos; the same as writing a copy of that range. */
  default void write(long pos, byte[] src, int off, int len) {
    write(pos, off == 0 && len == src.length ? src : java.util.Arrays.copyOfRange(src, off, off + len));
  }

  /** Makes every write so far durable (fsync). */
  void sync();

  /** Current size in bytes. */
  long size();

  /** Shrinks (or grows) the file to size bytes. */
  void truncate(long size);

  @Override
  void close();
}
