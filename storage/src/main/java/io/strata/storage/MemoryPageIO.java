package io.strata.storage;

import java.util.Arrays;

/** {@link PageIO} over a byte array in memory; sync does nothing. */
final class MemoryPageIO implements PageIO {
  private byte[] data = new byte[0];
  private long size;

  MemoryPageIO() {}

  /** A memory file holding a copy of image (for reopening a simulated crash). */
  MemoryPageIO(byte[] image) {
    data = image.clone();
    size = image.length;
  }

  /** A copy of the current bytes. */
  synchronized byte[] image() {
    return Arrays.copyOf(data, (int) size);
  }

  @Override
  public synchronized void read(long pos, byte[] dst) {
    Arrays.fill(dst, (byte) 0);
    if (pos < size) {
      int n = (int) Math.min(dst.length, size - pos);
      System.arraycopy(data, (int) pos, dst, 0, n);
    }
  }

  @Override
  public void write(long pos, byte[] src) {
    write(pos, src, 0, src.length);
  }

  @Override
  public synchronized void write(long pos, byte[] src, int off, int len) {
    long end = pos + len;
    if (end > Integer.MAX_VALUE - 16) {
      throw new StorageException(ErrorCode.IO, "in-memory store is full (2 GiB)");
    }
    if (end > data.length) {
      data = Arrays.copyOf(data, (int) Math.max(end, Math.min(Integer.MAX_VALUE - 16L, data.length * 2L)));
    }
    System.arraycopy(src, off, data, (int) pos, len);
    size = Math.max(size, end);
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
      Arrays.fill(data, (int) newSize, (int) size, (byte) 0);
    }
    size = newSize;
    if (size > data.length) {
      data = Arrays.copyOf(data, (int) size);
    }
  }

  @Override
  public void close() {}
}
