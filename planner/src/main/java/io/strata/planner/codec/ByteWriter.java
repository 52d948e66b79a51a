package io.strata.planner.codec;

import java.util.Arrays;

/** A growable byte buffer with the primitive writes the codecs need. Not thread-safe. */
public final class ByteWriter {
  private byte[] buf;
  private int len;

  public ByteWriter() {
    this(32);
  }

  public ByteWriter(int capacity) {
    buf = new byte[Math.max(8, capacity)];
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  public void write(int b) {
    ensure(1);
    buf[len++] = (byte) b;
  }

  public void write(byte[] b) {
    write(b, 0, b.length);
  }

  public void write(byte[] b, int off, int n) {
    ensure(n);
    System.arraycopy(b, off, buf, len, n);
    len += n;
  }

  public void writeLong(long v) {
    ensure(8);
    for (int i = 7; i >= 0; i--) {
      buf[len++] = (byte) (v >>> (i * 8));
    }
  }

  public void writeInt(int v) {
    ensure(4);
    for (int i = 3; i >= 0; i--) {
      buf[len++] = (byte) (v >>> (i * 8));
    }
  }

  /** Unsigned LEB128. */
  public void writeVarLong(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[len++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[len++] = (byte) v;
  }

  /** Zig-zag then LEB128, so small negative numbers stay short. */
  public void writeZigZag(long v) {
    writeVarLong((v << 1) ^ (v >> 63));
  }

  /** Varint length and UTF-8 bytes. */
  public void writeString(String s) {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    writeVarLong(b.length);
    write(b);
  }

  public int length() {
    return len;
  }

  /** Discards everything after the first n bytes. */
  public void truncate(int n) {
    len = n;
  }

  public void reset() {
    len = 0;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }
}
