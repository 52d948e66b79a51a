package io.strata.planner.codec;

/** Reads what {@link ByteWriter} wrote. */
public final class ByteReader {
  private final byte[] buf;
  private int pos;

  public ByteReader(byte[] buf) {
    this(buf, 0);
  }

  public ByteReader(byte[] buf, int pos) {
    this.buf = buf;
    this.pos = pos;
  }

  public int position() {
    return pos;
  }

  public boolean hasMore() {
    return pos < buf.length;
  }

  public int read() {
    return buf[pos++] & 0xFF;
  }

  public int peek() {
    return buf[pos] & 0xFF;
  }

  public byte[] read(int n) {
    byte[] out = new byte[n];
    System.arraycopy(buf, pos, out, 0, n);
    pos += n;
    return out;
  }

  public void skip(int n) {
    pos += n;
  }

  public long readLong() {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (buf[pos++] & 0xFF);
    }
    return v;
  }

  public int readInt() {
    int v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (buf[pos++] & 0xFF);
    }
    return v;
  }

  public long readVarLong() {
    long v = 0;
    int shift = 0;
    while (true) {
      int b = buf[pos++] & 0xFF;
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
      shift += 7;
    }
  }

  public long readZigZag() {
    long v = readVarLong();
    return (v >>> 1) ^ -(v & 1);
  }

  public String readString() {
    int n = (int) readVarLong();
    String s = new String(buf, pos, n, java.nio.charset.StandardCharsets.UTF_8);
    pos += n;
    return s;
  }

  public byte[] buffer() {
    return buf;
  }
}
