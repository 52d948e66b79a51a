package io.strata.planner.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class KeyCodecTest {

  private static byte[] enc(ValueType t, Object v, boolean desc) {
    ByteWriter w = new ByteWriter();
    KeyCodec.encode(w, t, v, desc);
    return w.toByteArray();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int sqlCompare(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a instanceof byte[] x) {
      return Arrays.compareUnsigned(x, (byte[]) b);
    }
    if (a instanceof String x) {
      return Arrays.compareUnsigned(x.getBytes(java.nio.charset.StandardCharsets.UTF_8),
          ((String) b).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return ((Comparable) a).compareTo(b);
  }

  private static void checkOrder(ValueType t, Supplier<Object> gen, long seed) {
    List<Object> values = new ArrayList<>();
    values.add(null);
    for (int i = 0; i < 400; i++) {
      values.add(gen.get());
    }
    for (boolean desc : new boolean[] {false, true}) {
      for (Object v : values) {
        Object back = KeyCodec.decode(new ByteReader(enc(t, v, desc)), t, desc);
        if (v instanceof byte[] b) {
          assertArrayEquals(b, (byte[]) back, "seed " + seed);
        } else if (v instanceof BigDecimal d) {
          assertEquals(0, d.compareTo((BigDecimal) back), "seed " + seed + " " + d);
        } else {
          assertEquals(v, back, "seed " + seed);
        }
      }
      for (int i = 0; i < values.size(); i++) {
        for (int j = 0; j < values.size(); j += 7) {
          Object a = values.get(i);
          Object b = values.get(j);
          int expect = Integer.signum(sqlCompare(a, b)) * (desc ? -1 : 1);
          int got = Integer.signum(Arrays.compareUnsigned(enc(t, a, desc), enc(t, b, desc)));
          assertEquals(expect, got, "seed " + seed + " " + t + " " + a + " vs " + b + " desc=" + desc);
        }
      }
    }
  }

  @Test
  void everyTypeSortsInSqlOrder() {
    long seed = System.nanoTime();
    System.out.println("KeyCodecTest seed " + seed);
    Random r = new Random(seed);
    checkOrder(ValueType.LONG, () -> switch (r.nextInt(4)) {
      case 0 -> Long.MIN_VALUE + r.nextInt(3);
      case 1 -> Long.MAX_VALUE - r.nextInt(3);
      default -> (long) r.nextInt(2000) - 1000;
    }, seed);
    checkOrder(ValueType.DOUBLE, () -> switch (r.nextInt(5)) {
      case 0 -> Double.NEGATIVE_INFINITY;
      case 1 -> Double.POSITIVE_INFINITY;
      case 2 -> 0.0;
      default -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(20) - 10);
    }, seed);
    checkOrder(ValueType.DECIMAL, () -> new BigDecimal(r.nextLong() % 100000)
        .movePointLeft(r.nextInt(12) - 4), seed);
    checkOrder(ValueType.STRING, () -> {
      StringBuilder b = new StringBuilder();
      int n = r.nextInt(6);
      for (int i = 0; i < n; i++) {
        b.append("a\u0000b\u00e9\uffff".charAt(r.nextInt(5)));
      }
      return b.toString();
    }, seed);
    checkOrder(ValueType.BYTES, () -> {
      byte[] b = new byte[r.nextInt(5)];
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) (r.nextBoolean() ? 0 : r.nextInt(256));
      }
      return b;
    }, seed);
    checkOrder(ValueType.BOOLEAN, r::nextBoolean, seed);
    checkOrder(ValueType.DATE, () -> LocalDate.ofEpochDay(r.nextInt(200000) - 100000), seed);
    checkOrder(ValueType.TIME, () -> LocalTime.ofNanoOfDay(
        (long) (r.nextDouble() * 86_399_999_999_999L)), seed);
    checkOrder(ValueType.TIMESTAMP, () -> LocalDateTime.of(1900 + r.nextInt(300), 1 + r.nextInt(12),
        1 + r.nextInt(28), r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextInt(3) * 1000), seed);
  }

  @Test
  void equalDecimalsEncodeEqually() {
    assertArrayEquals(enc(ValueType.DECIMAL, new BigDecimal("1.50"), false),
        enc(ValueType.DECIMAL, new BigDecimal("1.5"), false));
    assertArrayEquals(enc(ValueType.DECIMAL, new BigDecimal("0.000"), false),
        enc(ValueType.DECIMAL, BigDecimal.ZERO, false));
  }

  @Test
  void compositeKeysOrderByFirstThenSecondAndPrefixesBoundRanges() {
    ValueType[] types = {ValueType.STRING, ValueType.LONG};
    boolean[] desc = {false, true};
    List<Object[]> rows = new ArrayList<>();
    for (String s : new String[] {"", "a", "ab", "b", null}) {
      for (Long l : new Long[] {null, -5L, 0L, 7L}) {
        rows.add(new Object[] {s, l});
      }
    }
    List<byte[]> keys = new ArrayList<>();
    for (Object[] row : rows) {
      keys.add(KeyCodec.encodeKey(types, desc, row));
    }
    keys.sort(Arrays::compareUnsigned);
    List<Object[]> decoded = new ArrayList<>();
    for (byte[] k : keys) {
      ByteReader in = new ByteReader(k);
      decoded.add(new Object[] {KeyCodec.decode(in, types[0], false),
          KeyCodec.decode(in, types[1], true)});
      assertTrue(!in.hasMore());
    }
    Comparator<Object[]> sql = (x, y) -> {
      int c = sqlCompare(x[0], y[0]);
      return c != 0 ? c : -sqlCompare(x[1], y[1]);
    };
    List<Object[]> expected = new ArrayList<>(rows);
    expected.sort(sql);
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), decoded.get(i));
    }
    byte[] prefix = enc(ValueType.STRING, "a", false);
    byte[] end = KeyCodec.prefixEnd(prefix);
    long inRange = keys.stream().filter(k -> Arrays.compareUnsigned(k, prefix) >= 0
        && Arrays.compareUnsigned(k, end) < 0).count();
    assertEquals(4, inRange);
  }
}
