package io.strata.planner.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.strata.planner.StrataException;
import io.strata.planner.StrataException.Reason;
import io.strata.planner.catalog.ColumnDef;
import io.strata.planner.catalog.ColumnType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ColumnFitTest {
  private static final ColumnDef INT = new ColumnDef(1, "V", ColumnType.of("INTEGER", -1, -1), true, null);
  private static final ColumnDef VC3 = new ColumnDef(2, "S", ColumnType.of("VARCHAR", 3, -1), true, null);
  private static final ColumnDef TEXT = new ColumnDef(3, "T", ColumnType.of("TEXT", -1, -1), true, null);

  private static Reason reason(Object v, ColumnDef c) {
    return assertThrows(StrataException.class, () -> ColumnFit.check(v, c, "T1")).reason();
  }

  @Test
  void integersBeyondSixtyFourBitsAreOutOfRange() {
    assertEquals(Reason.NUMERIC_OUT_OF_RANGE, reason(new BigDecimal("12345678901234567890123"), INT));
    assertEquals(Reason.NUMERIC_OUT_OF_RANGE, reason(new BigDecimal("-9223372036854775809"), INT));
    assertEquals(Reason.NUMERIC_OUT_OF_RANGE, reason(1e30, INT));
    assertEquals(Reason.NUMERIC_OUT_OF_RANGE, reason(0x1p63, INT));
    assertEquals(Reason.NUMERIC_OUT_OF_RANGE, reason(Double.NaN, INT));
    ColumnFit.check(new BigDecimal("9223372036854775807"), INT, "T1");
    ColumnFit.check(new BigDecimal("-9223372036854775808.9"), INT, "T1");
    ColumnFit.check(-0x1p63, INT, "T1");
    ColumnFit.check(Long.MAX_VALUE, INT, "T1");
  }

  @Test
  void stringsLongerThanTheDeclaredLengthAreTooLong() {
    assertEquals(Reason.STRING_TOO_LONG, reason("toolong", VC3));
    ColumnFit.check("abc", VC3, "T1");
    // length counts characters, not UTF-16 units
    ColumnFit.check("a\uD83D\uDE00b", VC3, "T1");
    ColumnFit.check("x".repeat(10_000), TEXT, "T1");
  }

  @Test
  void decimalsAreRoundedToScaleAndRangeChecked() {
    ColumnDef d52 = new ColumnDef(4, "D", ColumnType.of("DECIMAL", 5, 2), true, null);
    assertEquals(new BigDecimal("123.46"), ColumnFit.fitConverted(new BigDecimal("123.455"), d52, "T1"));
    assertEquals(new BigDecimal("-999.99"), ColumnFit.fitConverted(new BigDecimal("-999.99"), d52, "T1"));
    assertEquals(Reason.NUMERIC_OUT_OF_RANGE, assertThrows(StrataException.class,
        () -> ColumnFit.fitConverted(new BigDecimal("999.995"), d52, "T1")).reason());
    assertEquals(Reason.NUMERIC_OUT_OF_RANGE, assertThrows(StrataException.class,
        () -> ColumnFit.fitConverted(new BigDecimal("1000"), d52, "T1")).reason());
    assertEquals(5L, ColumnFit.fitConverted(5L, INT, "T1"));
  }
}
