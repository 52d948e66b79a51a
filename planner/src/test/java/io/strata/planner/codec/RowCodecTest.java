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
}
