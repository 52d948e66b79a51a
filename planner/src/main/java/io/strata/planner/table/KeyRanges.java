package io.strata.planner.table;

import io.strata.planner.calcite.KeyBound;
import io.strata.planner.calcite.KeyRange;
import io.strata.planner.codec.ByteWriter;
import io.strata.planner.codec.KeyCodec;
import io.strata.planner.codec.ValueType;
import io.strata.planner.exec.ExecContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Turns planned {@link KeyRange}s into byte ranges [from, to) of a tree, once parameters are known.
 * Each byte range covers at least the keys its key range selects (a value that does not convert
 * exactly to the column type widens the range), and the result is sorted and disjoint, so a row is
 * never read twice.
 */
final class KeyRanges {
  /** Marker: no key satisfies the range. */
  private static final Object EMPTY = new Object();

  private KeyRanges() {}

  /**
   * A byte range; null ends are unbounded. {@code point}: the range holds the one key
   * {@code from}, a value for every key column (a primary key tree then has at most one entry in
   * it, found by a lookup instead of a cursor).
   */
  record Bytes(byte[] from, byte[] to, boolean point) {
    Bytes(byte[] from, byte[] to) {
      this(from, to, false);
    }
  }

  static List<Bytes> compute(List<KeyRange> ranges, ValueType[] keyTypes, boolean[] descending,
      ExecContext ctx) {
    List<Bytes> out = new ArrayList<>();
    for (KeyRange r : ranges) {
      Bytes b = compute(r, keyTypes, descending, ctx);
      if (b != null) {
        out.add(b);
      }
    }
    return merge(out);
  }

  private static Bytes compute(KeyRange r, ValueType[] types, boolean[] desc, ExecContext ctx) {
    ByteWriter prefix = new ByteWriter(16);
    int n = r.prefix().size();
    for (int i = 0; i < n; i++) {
      Object v = value(r.prefix().get(i), types[i], ctx, 0);
      if (v == EMPTY) {
        return null;
      }
      if (v == null) {
        // not exactly representable as a key: widen to the prefix so far
        return prefixRange(prefix.toByteArray());
      }
      KeyCodec.encode(prefix, types[i], v, desc[i]);
    }
    byte[] p = prefix.toByteArray();
    if (n == types.length && !r.hasBounds() && p.length > 0) {
      return new Bytes(p, KeyCodec.prefixEnd(p), true);
    }
    if (!r.hasBounds() || n >= types.length) {
      return prefixRange(p);
    }
    ValueType t = types[n];
    boolean d = desc[n];
    Object lo = null;
    boolean loInc = true;
    Object hi = null;
    boolean hiInc = true;
    if (r.lower() != null) {
      lo = value(r.lower(), t, ctx, -1);
      if (lo == EMPTY) {
        return null;
      }
      loInc = lo == null || exact(r.lower(), lo) ? r.lower().inclusive() : true;
    }
    if (r.upper() != null) {
      hi = value(r.upper(), t, ctx, 1);
      if (hi == EMPTY) {
        return null;
      }
      hiInc = hi == null || exact(r.upper(), hi) ? r.upper().inclusive() : true;
    }
    // non-null values of the column: ascending tag 0x02, descending 0xFD (NULL is 0x01 / 0xFE)
    byte[] nonNullFrom = concat(p, new byte[] {(byte) (d ? 0xFD : 0x02)});
    byte[] nonNullTo = concat(p, new byte[] {(byte) (d ? 0xFE : 0x03)});
    byte[] from;
    byte[] to;
    Object keyLo = d ? hi : lo;
    boolean keyLoInc = d ? hiInc : loInc;
    Object keyHi = d ? lo : hi;
    boolean keyHiInc = d ? loInc : hiInc;
    if (keyLo == null) {
      from = nonNullFrom;
    } else {
      byte[] k = part(p, t, keyLo, d);
      from = keyLoInc ? k : KeyCodec.prefixEnd(k);
    }
    if (keyHi == null) {
      to = nonNullTo;
    } else {
      byte[] k = part(p, t, keyHi, d);
      to = keyHiInc ? KeyCodec.prefixEnd(k) : k;
    }
    if (Arrays.compareUnsigned(from, to) >= 0) {
      return null;
    }
    return new Bytes(from, to);
  }

  private static boolean exact(KeyBound b, Object converted) {
    return !(converted instanceof Inexact);
  }

  private static byte[] part(byte[] prefix, ValueType t, Object v, boolean desc) {
    ByteWriter w = new ByteWriter(prefix.length + 16);
    w.write(prefix);
    KeyCodec.encode(w, t, v instanceof Inexact in ? in.value : v, desc);
    return w.toByteArray();
  }

  private static Bytes prefixRange(byte[] p) {
    return p.length == 0 ? new Bytes(null, null) : new Bytes(p, KeyCodec.prefixEnd(p));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  /** A bound value rounded outward because the column type cannot hold it exactly. */
  private record Inexact(Object value) {}

  /**
   * The key value for a bound: the converted value, an {@link Inexact} rounded outward
   * (direction -1 lower, +1 upper; 0 = equality, where inexact means EMPTY), EMPTY when no key can
   * match (NULL), or null when it cannot be converted at all (the range widens).
   */
  private static Object value(KeyBound b, ValueType t, ExecContext ctx, int direction) {
    Object v;
    if (b.isCorrelated()) {
      Object[] row = ctx.correl(b.correlation());
      v = row == null ? null : row[b.field()];
    } else {
      v = b.param() >= 0 ? ctx.param(b.param()) : literal(b.constant());
    }
    if (v == null) {
      return EMPTY;
    }
    Object c = convert(v, t, direction);
    if (c instanceof Inexact && direction == 0) {
      return EMPTY;
    }
    if (c instanceof Inexact in && direction != 0) {
      return in;
    }
    return c;
  }

  private static Object literal(Object c) {
    if (c instanceof NlsString s) {
      return s.getValue();
    }
    if (c instanceof DateString d) {
      return LocalDate.ofEpochDay(d.getDaysSinceEpoch());
    }
    if (c instanceof TimeString t) {
      return LocalTime.parse(t.toString());
    }
    if (c instanceof TimestampString ts) {
      long ms = ts.getMillisSinceEpoch();
      return LocalDateTime.ofEpochSecond(Math.floorDiv(ms, 1000), (int) Math.floorMod(ms, 1000) * 1_000_000,
          ZoneOffset.UTC);
    }
    if (c instanceof ByteString bs) {
      return bs.getBytes();
    }
    return c;
  }

  private static Object convert(Object v, ValueType t, int direction) {
    switch (t) {
      case LONG -> {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
          return ((Number) v).longValue();
        }
        if (v instanceof BigDecimal || v instanceof Double || v instanceof Float) {
          BigDecimal d = v instanceof BigDecimal bd ? bd : BigDecimal.valueOf(((Number) v).doubleValue());
          BigDecimal rounded = d.setScale(0, direction < 0 ? RoundingMode.FLOOR : RoundingMode.CEILING);
          if (rounded.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
              || rounded.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
            return null;
          }
          long l = rounded.longValue();
          return rounded.compareTo(d) == 0 ? (Object) l : new Inexact(l);
        }
        return null;
      }
      case DOUBLE -> {
        if (v instanceof Double dd) {
          return dd;
        }
        if (v instanceof Number n) {
          return new Inexact(n.doubleValue());
        }
        return null;
      }
      case DECIMAL -> {
        if (v instanceof BigDecimal bd) {
          return bd;
        }
        if (v instanceof Long || v instanceof Integer) {
          return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof Double dd && !dd.isNaN() && !dd.isInfinite()) {
          return new Inexact(new BigDecimal(dd));
        }
        return null;
      }
      case STRING -> {
        return v instanceof String ? v : null;
      }
      case BOOLEAN -> {
        return v instanceof Boolean ? v : null;
      }
      case DATE -> {
        return v instanceof LocalDate ? v : null;
      }
      case TIME -> {
        return v instanceof LocalTime ? v : null;
      }
      case TIMESTAMP -> {
        return v instanceof LocalDateTime ? v : null;
      }
      case BYTES -> {
        return v instanceof byte[] ? v : null;
      }
      default -> {
        return null;
      }
    }
  }

  private static final Comparator<byte[]> FROM_ORDER = (a, b) -> {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return Arrays.compareUnsigned(a, b);
  };

  /** Sorts by start and merges overlapping ranges. */
  static List<Bytes> merge(List<Bytes> in) {
    if (in.size() <= 1) {
      return in;
    }
    List<Bytes> sorted = new ArrayList<>(in);
    sorted.sort((x, y) -> FROM_ORDER.compare(x.from(), y.from()));
    List<Bytes> out = new ArrayList<>();
    Bytes cur = sorted.get(0);
    for (int i = 1; i < sorted.size(); i++) {
      Bytes b = sorted.get(i);
      boolean overlaps = cur.to() == null || Arrays.compareUnsigned(b.from(), cur.to()) <= 0;
      if (overlaps && cur.point() && b.point() && Arrays.equals(cur.from(), b.from())) {
        continue; // the same point twice
      }
      if (overlaps) {
        byte[] to = cur.to() == null || b.to() == null ? null
            : Arrays.compareUnsigned(cur.to(), b.to()) >= 0 ? cur.to() : b.to();
        cur = new Bytes(cur.from(), to);
      } else {
        out.add(cur);
        cur = b;
      }
    }
    out.add(cur);
    return out;
  }
}
