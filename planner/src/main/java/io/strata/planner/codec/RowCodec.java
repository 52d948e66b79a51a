package io.strata.planner.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Compact, self-describing row encoding addressed by column id, so adding or dropping a column
 * never rewrites stored rows: a slot absent from an old row reads as NULL, and the slot of a
 * dropped column is skipped.
 *
 * <p>Layout: varint slot count n, then for each slot 0..n-1 (slot = column id) one tag byte, 0 for
 * NULL or the {@link ValueType#code()}, followed by the value: LONG and DATE (epoch day) zig-zag
 * varint; TIME nano-of-day varint; DOUBLE 8 bytes of IEEE bits; DECIMAL zig-zag scale, varint
 * length, unscaled two's-complement bytes; STRING and BYTES varint length and bytes (UTF-8);
 * BOOLEAN one byte; TIMESTAMP zig-zag epoch second (UTC) and varint nanos.
 */
public final class RowCodec {
  private RowCodec() {}

  /**
   * Encodes a row: {@code values[i]} goes to slot {@code ids[i]}; ids need not be sorted, but
   * must be distinct.
   */
  public static byte[] encode(int[] ids, ValueType[] types, Object[] values) {
    return encodeBySlot(valueOfSlot(ids), types, values);
  }

  /**
   * For {@link #encodeBySlot}: the index into the values of each slot, -1 for a slot no value
   * goes to (a dropped column).
   */
  public static int[] valueOfSlot(int[] ids) {
    int slots = 0;
    for (int id : ids) {
      slots = Math.max(slots, id + 1);
    }
    int[] bySlot = new int[slots];
    java.util.Arrays.fill(bySlot, -1);
    for (int i = 0; i < ids.length; i++) {
      bySlot[ids[i]] = i;
    }
    return bySlot;
  }

  /** {@link #encode} with the slot map computed once by {@link #valueOfSlot}. */
  public static byte[] encodeBySlot(int[] bySlot, ValueType[] types, Object[] values) {
    int slots = bySlot.length;
    ByteWriter out = new ByteWriter(16 + values.length * 8);
    out.writeVarLong(slots);
    for (int s = 0; s < slots; s++) {
      int i = bySlot[s];
      Object v = i < 0 ? null : values[i];
      if (v == null) {
        out.write(0);
      } else {
        out.write(types[i].code());
        writeValue(out, types[i], v);
      }
    }
    return out.toByteArray();
  }

  private static void writeValue(ByteWriter out, ValueType type, Object v) {
    switch (type) {
      case LONG -> out.writeZigZag((Long) v);
      case DOUBLE -> out.writeLong(Double.doubleToRawLongBits((Double) v));
      case DECIMAL -> {
        BigDecimal d = (BigDecimal) v;
        out.writeZigZag(d.scale());
        byte[] b = d.unscaledValue().toByteArray();
        out.writeVarLong(b.length);
        out.write(b);
      }
      case STRING -> {
        byte[] b = ((String) v).getBytes(StandardCharsets.UTF_8);
        out.writeVarLong(b.length);
        out.write(b);
      }
      case BYTES -> {
        byte[] b = (byte[]) v;
        out.writeVarLong(b.length);
        out.write(b);
      }
      case BOOLEAN -> out.write(((Boolean) v) ? 1 : 0);
      case DATE -> out.writeZigZag(((LocalDate) v).toEpochDay());
      case TIME -> out.writeVarLong(((LocalTime) v).toNanoOfDay());
      case TIMESTAMP -> {
        LocalDateTime ts = (LocalDateTime) v;
        out.writeZigZag(ts.toEpochSecond(ZoneOffset.UTC));
        out.writeVarLong(ts.getNano());
      }
    }
  }

  /**
   * Decodes the slots named by {@code outputOfSlot}: slot s goes to {@code out[outputOfSlot[s]]}
   * when {@code s < outputOfSlot.length} and {@code outputOfSlot[s] >= 0}. Other entries of
   * {@code out} are left untouched (callers pass a fresh array, so absent slots read as NULL).
   */
  public static void decode(byte[] row, int[] outputOfSlot, Object[] out) {
    // positions instead of a ByteReader, and skipping by tag without decoding: a scan decodes
    // every row it passes, mostly to skip the slots before the few columns it needs
    int p = 0;
    int slots = 0;
    int shift = 0;
    int b;
    do {
      b = row[p++]; // a negative byte has its high bit set: more bytes follow
      slots |= (b & 0x7F) << shift;
      shift += 7;
    } while (b < 0);
    int last = Math.min(slots, lastNeeded(outputOfSlot) + 1);
    for (int s = 0; s < last; s++) {
      int tag = row[p++] & 0xFF;
      if (tag == 0) {
        continue;
      }
      int target = s < outputOfSlot.length ? outputOfSlot[s] : -1;
      if (target < 0) {
        p = skip(row, p, tag);
      } else if (tag == LONG) {
        long v = 0;
        shift = 0;
        do {
          b = row[p++];
          v |= (long) (b & 0x7F) << shift;
          shift += 7;
        } while (b < 0);
        out[target] = (v >>> 1) ^ -(v & 1);
      } else {
        p = readValue(row, p, tag, out, target);
      }
    }
  }

  /**
   * Decodes the slots named by {@code outputOfSlot} into row r of a batch, as {@link #decode}
   * does into a row array: integers go to the batch's longs unboxed, other values to its objects,
   * and a column whose slot the row lacks or holds NULL is NULL.
   */
  public static void decodeInto(byte[] row, int[] outputOfSlot, ColumnBatch batch, int r) {
    byte[][] kinds = batch.kinds;
    for (byte[] k : kinds) {
      k[r] = ColumnBatch.NULL;
    }
    int p = 0;
    int slots = 0;
    int shift = 0;
    int b;
    do {
      b = row[p++];
      slots |= (b & 0x7F) << shift;
      shift += 7;
    } while (b < 0);
    int last = Math.min(slots, lastNeeded(outputOfSlot) + 1);
    for (int s = 0; s < last; s++) {
      int tag = row[p++] & 0xFF;
      if (tag == 0) {
        continue;
      }
      int target = s < outputOfSlot.length ? outputOfSlot[s] : -1;
      if (target < 0) {
        p = skip(row, p, tag);
      } else if (tag == LONG) {
        long v = 0;
        shift = 0;
        do {
          b = row[p++];
          v |= (long) (b & 0x7F) << shift;
          shift += 7;
        } while (b < 0);
        batch.longs[target][r] = (v >>> 1) ^ -(v & 1);
        kinds[target][r] = ColumnBatch.LONG;
      } else {
        p = readValue(row, p, tag, batch.objects[target], r);
        kinds[target][r] = ColumnBatch.OBJECT;
      }
    }
  }

  /** Skips the value with this tag at p; returns the position after it. */
  private static int skip(byte[] row, int p, int tag) {
    return switch (tag) {
      case LONG, DATE, TIME -> skipVarint(row, p);
      case DOUBLE -> p + 8;
      case BOOLEAN -> p + 1;
      case TIMESTAMP -> skipVarint(row, skipVarint(row, p));
      case DECIMAL -> skipBytes(row, skipVarint(row, p));
      case STRING, BYTES -> skipBytes(row, p);
      default -> throw unknownTag(tag);
    };
  }

  // the codes of ValueType, as constants a switch can name (checked against it below)
  private static final int LONG = 1;
  private static final int DOUBLE = 2;
  private static final int DECIMAL = 3;
  private static final int STRING = 4;
  private static final int BOOLEAN = 5;
  private static final int DATE = 6;
  private static final int TIME = 7;
  private static final int TIMESTAMP = 8;
  private static final int BYTES = 9;

  static {
    int[] codes = {LONG, DOUBLE, DECIMAL, STRING, BOOLEAN, DATE, TIME, TIMESTAMP, BYTES};
    ValueType[] types = {ValueType.LONG, ValueType.DOUBLE, ValueType.DECIMAL, ValueType.STRING,
        ValueType.BOOLEAN, ValueType.DATE, ValueType.TIME, ValueType.TIMESTAMP, ValueType.BYTES};
    for (int i = 0; i < codes.length; i++) {
      if (types[i].code() != codes[i]) {
        throw new IllegalStateException("value type codes changed: " + types[i]);
      }
    }
  }

  private static IllegalArgumentException unknownTag(int tag) {
    return new IllegalArgumentException("unknown value type code " + tag);
  }

  /** Reads the value with this tag at p into out[target]; returns the position after it. */
  private static int readValue(byte[] row, int p, int tag, Object[] out, int target) {
    ByteReader in = new ByteReader(row, p);
    out[target] = readValue(in, ValueType.ofCode(tag));
    return in.position();
  }

  private static int skipVarint(byte[] row, int p) {
    while (row[p++] < 0) {
      // a set high bit: more bytes follow
    }
    return p;
  }

  /** Skips a varint length and that many bytes. */
  private static int skipBytes(byte[] row, int p) {
    int n = 0;
    int shift = 0;
    int b;
    do {
      b = row[p++];
      n |= (b & 0x7F) << shift;
      shift += 7;
    } while (b < 0);
    return p + n;
  }

  private static int lastNeeded(int[] outputOfSlot) {
    for (int s = outputOfSlot.length - 1; s >= 0; s--) {
      if (outputOfSlot[s] >= 0) {
        return s;
      }
    }
    return -1;
  }

  private static Object readValue(ByteReader in, ValueType type) {
    return switch (type) {
      case LONG -> in.readZigZag();
      case DOUBLE -> Double.longBitsToDouble(in.readLong());
      case DECIMAL -> {
        int scale = (int) in.readZigZag();
        int n = (int) in.readVarLong();
        yield new BigDecimal(new BigInteger(in.read(n)), scale);
      }
      case STRING -> {
        int n = (int) in.readVarLong();
        int p = in.position();
        in.skip(n);
        yield new String(in.buffer(), p, n, StandardCharsets.UTF_8);
      }
      case BYTES -> in.read((int) in.readVarLong());
      case BOOLEAN -> in.read() != 0;
      case DATE -> LocalDate.ofEpochDay(in.readZigZag());
      case TIME -> LocalTime.ofNanoOfDay(in.readVarLong());
      case TIMESTAMP -> {
        long sec = in.readZigZag();
        int nano = (int) in.readVarLong();
        yield LocalDateTime.ofEpochSecond(sec, nano, ZoneOffset.UTC);
      }
    };
  }
}
