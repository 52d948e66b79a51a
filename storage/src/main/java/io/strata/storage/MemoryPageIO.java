package io.strata.storage;

import java.util.Arrays;

/**
 * {@link PageIO} over memory, in chunks of 1 MiB allocated as they are first written, so an
 * in-memory store grows without copying what it holds and is bounded only by the heap; sync does
 * nothing. A chunk never written reads as zeros.
 */
final class MemoryPageIO implements PageIO {
  private static final int CHUNK_BITS = 20;
  private static final int CHUNK = 1 << CHUNK_BITS;
  private byte[][] chunks = new byte[0][];
  private long size;

  MemoryPageIO() {}

  /** A memory file holding a copy of image (for reopening a simulated crash). */
  MemoryPageIO(byte[] image) {
    write(0, image);
  }

  /** A copy of the current bytes. */
  synchronized byte[] image() {
    byte[] out = new byte[(int) size];
    copyOut(0, out, out.length);
    return out;
  }

  @Override
  public synchronized void read(long pos, byte[] dst) {
    Arrays.fill(dst, (byte) 0);
    if (pos < size) {
      copyOut(pos, dst, (int) Math.min(dst.length, size - pos));
    }
  }

  private void copyOut(long pos, byte[] dst, int len) {
    int off = 0;
    while (off < len) {
      int c = (int) (pos >>> CHUNK_BITS);
      int at = (int) (pos & (CHUNK - 1));
      int n = Math.min(len - off, CHUNK - at);
      byte[] chunk = c < chunks.length ? chunks[c] : null;
      if (chunk != null) {
        System.arraycopy(chunk, at, dst, off, n);
      }
      pos += n;
      off += n;
    }
  }

  @Override
  public void write(long pos, byte[] src) {
    write(pos, src, 0, src.length);
  }

  @Override
  public synchronized void write(long pos, byte[] src, int off, int len) {
    long end = pos + len;
    int last = (int) ((end - 1) >>> CHUNK_BITS);
    if (len > 0 && last >= chunks.length) {
      chunks = Arrays.copyOf(chunks, Math.max(last + 1, chunks.length * 2));
    }
    int done = 0;
    while (done < len) {
      int c = (int) (pos >>> CHUNK_BITS);
      int at = (int) (pos & (CHUNK - 1));
      int n = Math.min(len - done, CHUNK - at);
      System.arraycopy(src, off + done, chunk(c), at, n);
      pos += n;
      done += n;
    }
    size = Math.max(size, end);
  }

  private byte[] chunk(int c) {
    byte[] chunk = chunks[c];
    if (chunk == null) {
      try {
        chunk = new byte[CHUNK];
      } catch (OutOfMemoryError e) {
        throw new StorageException(ErrorCode.IO,
            "the in-memory store cannot grow: the Java heap is full (raise -Xmx)");
      }
      chunks[c] = chunk;
    }
    return chunk;
  }

  @Override
  public void sync() {}

  @Override
  public synchronized long size() {
    return size;
  }

  @Override
  public synchronized void truncate(long newSize) {
    if (newSize < size) {
      // bytes past the new end read as zeros if the file grows again
      int first = (int) ((newSize + CHUNK - 1) >>> CHUNK_BITS);
      for (int c = first; c < chunks.length; c++) {
        chunks[c] = null;
      }
      int partial = (int) (newSize >>> CHUNK_BITS);
      if ((newSize & (CHUNK - 1)) != 0 && partial < chunks.length && chunks[partial] != null) {
        Arrays.fill(chunks[partial], (int) (newSize & (CHUNK - 1)), CHUNK, (byte) 0);
      }
    }
    size = newSize;
  }

  @Override
  public void close() {}
}
