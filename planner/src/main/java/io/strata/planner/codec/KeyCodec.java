package io.strata.planner.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Order-preserving ("memcomparable") key encoding: for values a, b of one {@link ValueType},
 * {@code compare(a, b)} in SQL order (NULL first) equals the unsigned byte order of their encodings,
 * and encodings are prefix-free, so a composite key is the concatenation of its parts and a prefix
 * of parts selects a contiguous key range.
 *
 * <p>Layout of one ascending part: {@code 0x01} for NULL, or {@code 0x02} followed by the payload:
 * <ul>
 *   <li>LONG, DATE (epoch day), TIME (nano of day): 8 bytes big-endian with the sign bit flipped;
 *   <li>DOUBLE: the IEEE bits, all flipped when negative, else the sign bit flipped (-0.0 is 0.0);
 *   <li>DECIMAL: 0x02 for zero; 0x03 + exponent (4 bytes, sign flipped) + digits 1..10 + 0x00 for
 *       positive; 0x01 + the bitwise complement of the positive form for negative (trailing zeros
 *       stripped, so equal values encode equally);
 *   <li>STRING (UTF-8) and BYTES: each 0x00 written as 0x00 0xFF, then the terminator 0x00 0x01;
 *   <li>BOOLEAN: 0x00 or 0x01; TIMESTAMP: epoch second (UTC) as LONG then nanos as 4 bytes.
 * </ul>
 * A descending part is the bitwise complement of the ascending one. No part starts with 0x00 or
 * 0xFF, so every key extending a prefix P lies in [P, P·0xFF).
 */
public final class KeyCodec {
  public static final int NULL_TAG = 0x01;
  public static final int VALUE_TAG = 0x02;

  private KeyCodec() {}

  /** Appends one part. The value must already have the Java class of its type (see package doc). */
  public static void encode(ByteWriter out, ValueType type, Object value, boolean descending) {
    int start = out.length();
    if (value == null) {
      out.write(NULL_TAG);
    } else {
      out.write(VALUE_TAG);
      encodeValue(out, type, value);
    }
    if (descending) {
      invert(out, start);
    }
  }

  private static void invert(ByteWriter out, int start) {
    byte[] all = out.toByteArray();
    out.truncate(start);
    for (int i = start; i < all.length; i++) {
      out.write(~all[i] & 0xFF);
    }
  }

  private static void encodeValue(ByteWriter out, ValueType type, Object value) {
    switch (type) {
      case LONG -> out.writeLong(((Long) value) ^ Long.MIN_VALUE);
      case DOUBLE -> {
        double d = (Double) value;
        if (d == 0.0) {
          d = 0.0;
        }
        long bits = Double.doubleToLongBits(d);
        out.writeLong(bits < 0 ? ~bits : bits ^ Long.MIN_VALUE);
      }
      case DECIMAL -> encodeDecimal(out, (BigDecimal) value);
      case STRING -> encodeBytes(out, ((String) value).getBytes(StandardCharsets.UTF_8));
      case BYTES -> encodeBytes(out, (byte[]) value);
      case BOOLEAN -> out.write(((Boolean) value) ? 1 : 0);
      case DATE -> out.writeLong(((LocalDate) value).toEpochDay() ^ Long.MIN_VALUE);
      case TIME -> out.writeLong(((LocalTime) value).toNanoOfDay() ^ Long.MIN_VALUE);
      case TIMESTAMP -> {
        LocalDateTime ts = (LocalDateTime) value;
        out.writeLong(ts.toEpochSecond(ZoneOffset.UTC) ^ Long.MIN_VALUE);
        out.writeInt(ts.getNano());
      }
    }
  }

  private static void encodeBytes(ByteWriter out, byte[] b) {
    for (byte x : b) {
      out.write(x);
      if (x == 0) {
        out.write(0xFF);
      }
    }
    out.write(0x00);
    out.write(0x01);
  }

  private static void encodeDecimal(ByteWriter out, BigDecimal d) {
    if (d.signum() == 0) {
      out.write(0x02);
      return;
    }
    int start = out.length();
    out.write(d.signum() > 0 ? 0x03 : 0x01);
    BigDecimal abs = d.abs().stripTrailingZeros();
    int exponent = abs.precision() - abs.scale();
    int body = out.length();
    out.writeInt(exponent ^ Integer.MIN_VALUE);
    String digits = abs.unscaledValue().toString();
    for (int i = 0; i < digits.length(); i++) {
      out.write(digits.charAt(i) - '0' + 1);
    }
    out.write(0x00);
    if (d.signum() < 0) {
      byte[] all = out.toByteArray();
      out.truncate(body);
      for (int i = body; i < all.length; i++) {
        out.write(~all[i] & 0xFF);
      }
    }
    assert out.length() > start;
  }

  /** Reads one part written by {@link #encode}. */
  public static Object decode(ByteReader in, ValueType type, boolean descending) {
    int tag = flip(in.read(), descending);
    if (tag == NULL_TAG) {
      return null;
    }
    if (tag != VALUE_TAG) {
      throw new IllegalStateException("bad key part tag " + tag);
    }
    return switch (type) {
      case LONG -> readLong(in, descending) ^ Long.MIN_VALUE;
      case DOUBLE -> {
        long bits = readLong(in, descending);
        yield Double.longBitsToDouble(bits < 0 ? bits ^ Long.MIN_VALUE : ~bits);
      }
      case DECIMAL -> decodeDecimal(in, descending);
      case STRING -> new String(decodeBytes(in, descending), StandardCharsets.UTF_8);
      case BYTES -> decodeBytes(in, descending);
      case BOOLEAN -> flip(in.read(), descending) != 0;
      case DATE -> LocalDate.ofEpochDay(readLong(in, descending) ^ Long.MIN_VALUE);
      case TIME -> LocalTime.ofNanoOfDay(readLong(in, descending) ^ Long.MIN_VALUE);
      case TIMESTAMP -> {
        long sec = readLong(in, descending) ^ Long.MIN_VALUE;
        int nano = (int) readLongN(in, 4, descending);
        yield LocalDateTime.ofEpochSecond(sec, nano, ZoneOffset.UTC);
      }
    };
  }

  private static int flip(int b, boolean descending) {
    return descending ? ~b & 0xFF : b;
  }

  private static long readLong(ByteReader in, boolean descending) {
    return readLongN(in, 8, descending);
  }

  private static long readLongN(ByteReader in, int n, boolean descending) {
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = (v << 8) | flip(in.read(), descending);
    }
    return v;
  }

  private static byte[] decodeBytes(ByteReader in, boolean descending) {
    ByteWriter out = new ByteWriter();
    while (true) {
      int b = flip(in.read(), descending);
      if (b == 0) {
        int next = flip(in.read(), descending);
        if (next == 0x01) {
          return out.toByteArray();
        }
        out.write(0);
      } else {
        out.write(b);
      }
    }
  }

  private static BigDecimal decodeDecimal(ByteReader in, boolean descending) {
    int sign = flip(in.read(), descending);
    if (sign == 0x02) {
      return BigDecimal.ZERO;
    }
    boolean neg = sign == 0x01;
    boolean inv = descending ^ neg;
    int exponent = (int) readLongN(in, 4, inv) ^ Integer.MIN_VALUE;
    StringBuilder digits = new StringBuilder();
    while (true) {
      int b = flip(in.read(), inv);
      if (b == 0) {
        break;
      }
      digits.append((char) ('0' + b - 1));
    }
    BigInteger unscaled = new BigInteger(digits.toString());
    BigDecimal v = new BigDecimal(unscaled, digits.length() - exponent);
    return neg ? v.negate() : v;
  }

  /** Skips one part. */
  public static void skip(ByteReader in, ValueType type, boolean descending) {
    decode(in, type, descending);
  }

  /** The smallest key greater than every key that starts with prefix. */
  public static byte[] prefixEnd(byte[] prefix) {
    byte[] out = java.util.Arrays.copyOf(prefix, prefix.length + 1);
    out[prefix.length] = (byte) 0xFF;
    return out;
  }

  /** Encodes a whole key. */
  public static byte[] encodeKey(ValueType[] types, boolean[] descending, Object[] values) {
    ByteWriter out = new ByteWriter(16);
    for (int i = 0; i < values.length; i++) {
      encode(out, types[i], values[i], descending != null && descending[i]);
    }
    return out.toByteArray();
  }
}
