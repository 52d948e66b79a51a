package io.strata.planner.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class RowCodecTest {
  private static final ValueType[] TYPES = {ValueType.LONG, ValueType.DOUBLE, ValueType.DECIMAL,
      ValueType.STRING, ValueType.BOOLEAN, ValueType.DATE, ValueType.TIME, ValueType.TIMESTAMP,
      ValueType.BYTES};
  private static final Object[] VALUES = {-42L, 2.5, new BigDecimal("-123.4500"), "héllo", true,
      LocalDate.of(2026, 11, 25), LocalTime.of(10, 1, 2, 3), LocalDateTime.of(1969, 7, 20, 20, 17),
      new byte[] {0, 1, -1}};

  @Test
  void everyTypeRoundTrips() {
    int[] ids = {0, 1, 2, 3, 4, 5, 6, 7, 8};
    byte[] row = RowCodec.encode(ids, TYPES, VALUES);
    Object[] out = new Object[9];
    RowCodec.decode(row, ids, out);
    for (int i = 0; i < 8; i++) {
      assertEquals(VALUES[i], out[i]);
    }
    assertArrayEquals((byte[]) VALUES[8], (byte[]) out[8]);
  }

  @Test
  void nullsAndProjectionByColumnId() {
    int[] ids = {4, 0, 9};
    byte[] row = RowCodec.encode(ids, new ValueType[] {ValueType.STRING, ValueType.LONG,
        ValueType.DOUBLE}, new Object[] {"x", null, 1.0});
    // read column 9 into position 0 and column 4 into position 1; column 0 is NULL
    int[] outputOfSlot = new int[10];
    java.util.Arrays.fill(outputOfSlot, -1);
    outputOfSlot[9] = 0;
    outputOfSlot[4] = 1;
    Object[] out = new Object[2];
    RowCodec.decode(row, outputOfSlot, out);
    assertEquals(1.0, out[0]);
    assertEquals("x", out[1]);
  }

  @Test
  void columnAddedLaterReadsAsNull() {
    byte[] old = RowCodec.encode(new int[] {0, 1}, new ValueType[] {ValueType.LONG, ValueType.LONG},
        new Object[] {1L, 2L});
    Object[] out = new Object[3];
    RowCodec.decode(old, new int[] {0, -1, -1, 1, 2}, out);
    assertEquals(1L, out[0]);
    assertNull(out[1]);
  }

  /**
   * Decoding one column skips every slot before it by its tag alone: each type's skip must end
   * exactly where the next value starts, whatever the values' sizes (long varints, long strings).
   * Decoding into a batch row gives the same values.
   */
  @Test
  void eachColumnAloneMatchesTheWholeRow() {
    long seed = System.nanoTime();
    System.out.println("RowCodecTest seed " + seed);
    java.util.Random r = new java.util.Random(seed);
    int n = TYPES.length;
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = i;
    }
    ColumnBatch batch = new ColumnBatch(1);
    for (int round = 0; round < 2000; round++) {
      // a random order of the types, some NULLs, values of random size
      ValueType[] types = new ValueType[n];
      Object[] values = new Object[n];
      for (int i = 0; i < n; i++) {
        types[i] = TYPES[r.nextInt(n)];
        values[i] = r.nextInt(6) == 0 ? null : randomValue(types[i], r);
      }
      byte[] row = RowCodec.encode(ids, types, values);
      for (int c = 0; c < n; c++) {
        int[] outputOfSlot = new int[c + 1];
        java.util.Arrays.fill(outputOfSlot, -1);
        outputOfSlot[c] = 0;
        Object[] out = new Object[1];
        RowCodec.decode(row, outputOfSlot, out);
        // and into a batch row that held another value before: integers unboxed
        int at = r.nextInt(ColumnBatch.CAPACITY);
        batch.kinds[0][at] = ColumnBatch.OBJECT;
        batch.objects[0][at] = "stale";
        RowCodec.decodeInto(row, outputOfSlot, batch, at);
        assertEquals(values[c] == null ? ColumnBatch.NULL
            : types[c] == ValueType.LONG ? ColumnBatch.LONG : ColumnBatch.OBJECT,
            batch.kinds[0][at], "kind in the batch, round " + round + ", column " + c);
        Object inBatch = batch.value(0, at);
        if (values[c] instanceof byte[] bytes) {
          assertArrayEquals(bytes, (byte[]) out[0], "round " + round + ", column " + c);
          assertArrayEquals(bytes, (byte[]) inBatch, "batch, round " + round + ", column " + c);
        } else {
          assertEquals(values[c], out[0], "round " + round + ", column " + c + " " + types[c]);
          assertEquals(values[c], inBatch, "batch, round " + round + ", column " + c);
        }
      }
    }
  }

  private static Object randomValue(ValueType type, java.util.Random r) {
    return switch (type) {
      case LONG -> r.nextBoolean() ? r.nextLong() : (long) r.nextInt(300) - 150;
      case DOUBLE -> r.nextDouble() * 1e6 - 5e5;
      case DECIMAL -> new BigDecimal(new java.math.BigInteger(r.nextInt(200) + 1, r), r.nextInt(20) - 5);
      case STRING -> "s".repeat(r.nextInt(300)) + r.nextInt();
      case BOOLEAN -> r.nextBoolean();
      case DATE -> LocalDate.ofEpochDay(r.nextInt(200_000) - 100_000);
      case TIME -> LocalTime.ofNanoOfDay((long) (r.nextDouble() * 86_399_999_999_999L));
      case TIMESTAMP -> LocalDateTime.ofEpochSecond(r.nextInt() * 10L, r.nextInt(1_000_000_000),
          java.time.ZoneOffset.UTC);
      case BYTES -> {
        byte[] b = new byte[r.nextInt(200)];
        r.nextBytes(b);
        yield b;
      }
    };
  }
}
