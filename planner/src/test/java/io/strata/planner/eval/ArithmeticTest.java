package io.strata.planner.eval;

import static org.apache.calcite.sql.fun.SqlStdOperatorTable.DIVIDE;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.MINUS;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.MOD;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.MULTIPLY;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.PLUS;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.UNARY_MINUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.strata.planner.StrataException;
import java.math.BigDecimal;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class ArithmeticTest {
  private final RexFixture f = new RexFixture();

  @Test
  void integerArithmeticIs64BitEvenWhenTypedInteger() {
    // Calcite types 2147483647 + 1 as INTEGER; SQLite computes in 64 bits.
    assertEquals(2147483648L, f.eval(f.call(PLUS, f.i(2147483647), f.i(1))));
    assertEquals(10_000_000_000L, f.eval(f.call(MULTIPLY, f.i(100000), f.i(100000))));
    assertEquals(-4L, f.eval(f.call(MINUS, f.i(3), f.i(7))));
  }

  @Test
  void integerDivisionTruncatesTowardZero() {
    assertEquals(3L, f.eval(f.call(DIVIDE, f.i(7), f.i(2))));
    assertEquals(-3L, f.eval(f.call(DIVIDE, f.i(-7), f.i(2))));
    assertEquals(-3L, f.eval(f.call(DIVIDE, f.i(7), f.i(-2))));
    assertEquals(-1L, f.eval(f.call(MOD, f.i(-7), f.i(2))));
    assertEquals(1L, f.eval(f.call(MOD, f.i(7), f.i(-2))));
  }

  @Test
  void divisionAndModuloByZeroAreNull() {
    assertNull(f.eval(f.call(DIVIDE, f.i(1), f.i(0))));
    assertNull(f.eval(f.call(MOD, f.i(5), f.i(0))));
    assertNull(f.eval(f.call(DIVIDE, f.d(1.0), f.d(0.0))));
    assertNull(f.eval(f.call(DIVIDE, f.dec("1.0"), f.dec("0"))));
    assertNull(f.eval(f.call(DIVIDE, f.col(0), f.col(5)), 10L, null, null, null, null, 0L));
  }

  @Test
  void overflowRaisesDataError() {
    StrataException e = assertThrows(StrataException.class,
        () -> f.eval(f.call(PLUS, f.big(Long.MAX_VALUE), f.big(1))));
    assertEquals(StrataException.Reason.NUMERIC_OUT_OF_RANGE, e.reason());
    assertThrows(StrataException.class,
        () -> f.eval(f.call(MULTIPLY, f.big(Long.MAX_VALUE / 2), f.big(3))));
    assertThrows(StrataException.class,
        () -> f.eval(f.call(DIVIDE, f.col(0), f.big(-1)), Long.MIN_VALUE));
    assertThrows(StrataException.class,
        () -> f.eval(f.call(UNARY_MINUS, f.col(0)), Long.MIN_VALUE));
  }

  @Test
  void nullPropagates() {
    assertNull(f.eval(f.call(PLUS, f.col(0), f.i(1)), (Object) null));
    assertNull(f.eval(f.call(MULTIPLY, f.nul(SqlTypeName.INTEGER), f.i(1))));
    assertNull(f.eval(f.call(UNARY_MINUS, f.cast(SqlTypeName.INTEGER, f.nul(SqlTypeName.INTEGER)))));
  }

  @Test
  void mixedNumericTypes() {
    assertEquals(3.5, f.eval(f.call(PLUS, f.col(0), f.col(1)), 1L, 2.5));
    assertEquals(2.5, f.eval(f.call(DIVIDE, f.col(1), f.i(2)), 1L, 5.0));
    Object r = f.eval(f.call(PLUS, f.col(3), f.i(1)), null, null, null, new BigDecimal("1.25"));
    assertEquals(0, new BigDecimal("2.25").compareTo((BigDecimal) r));
    assertEquals(-5L, f.eval(f.call(UNARY_MINUS, f.col(0)), 5L));
    assertEquals(-2.5, f.eval(f.call(UNARY_MINUS, f.col(1)), null, 2.5));
  }

  @Test
  void realModuloUsesIntegerParts() {
    assertEquals(1.0, f.eval(f.call(MOD, f.col(1), f.d(2.0)), null, 7.5));
    // Calcite types MOD by its second operand: an INTEGER result is a Long
    assertEquals(1L, f.eval(f.call(MOD, f.col(1), f.i(2)), null, 7.5));
    assertNull(f.eval(f.call(MOD, f.col(1), f.d(0.5)), null, 7.5));
  }
}
