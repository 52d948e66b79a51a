package io.strata.planner.eval;

import static org.apache.calcite.sql.fun.SqlStdOperatorTable.ABS;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.CASE;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.CHAR_LENGTH;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.COALESCE;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.CONCAT;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.EQUALS;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.LOWER;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.NULLIF;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.POSITION;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.ROUND;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.SUBSTRING;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.TRIM;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.UPPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.strata.planner.StrataException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.junit.jupiter.api.Test;

class FunctionsTest {
  private final RexFixture f = new RexFixture();

  @Test
  void castStringToNumberIsLenient() {
    assertEquals(12L, f.eval(f.cast(SqlTypeName.INTEGER, f.s("12abc"))));
    assertEquals(0L, f.eval(f.cast(SqlTypeName.INTEGER, f.s("abc"))));
    assertEquals(-7L, f.eval(f.cast(SqlTypeName.BIGINT, f.s("  -7.9"))));
    assertEquals(1500.0, f.eval(f.cast(SqlTypeName.DOUBLE, f.s(" 1.5e3xyz"))));
    assertEquals(0.0, f.eval(f.cast(SqlTypeName.DOUBLE, f.s("."))));
    assertEquals(Long.MAX_VALUE, f.eval(f.cast(SqlTypeName.BIGINT, f.s("99999999999999999999"))));
  }

  @Test
  void castNumberToIntegerTruncates() {
    assertEquals(2L, f.eval(f.cast(SqlTypeName.INTEGER, f.col(1)), null, 2.9));
    assertEquals(-2L, f.eval(f.cast(SqlTypeName.INTEGER, f.col(1)), null, -2.9));
    assertEquals(5L, f.eval(f.cast(SqlTypeName.INTEGER, f.col(3)), null, null, null,
        new BigDecimal("5.75")));
    assertEquals(3.0, f.eval(f.cast(SqlTypeName.DOUBLE, f.col(0)), 3L));
    assertNull(f.eval(f.cast(SqlTypeName.DOUBLE, f.col(0)), (Object) null));
  }

  @Test
  void castNumberToString() {
    assertEquals("42", f.eval(f.cast(SqlTypeName.VARCHAR, f.col(0)), 42L));
    assertEquals("1.0", f.eval(f.cast(SqlTypeName.VARCHAR, f.col(1)), null, 1.0));
    assertEquals("0.1", f.eval(f.cast(SqlTypeName.VARCHAR, f.col(1)), null, 0.1));
    assertEquals("1.0e+20", f.eval(f.cast(SqlTypeName.VARCHAR, f.col(1)), null, 1e20));
    assertEquals("-2.5e-07", f.eval(f.cast(SqlTypeName.VARCHAR, f.col(1)), null, -2.5e-7));
    assertEquals("123456789012345.0", Values.formatDouble(123456789012345.0));
    assertEquals("1.23456789012346e+15", Values.formatDouble(1234567890123456.0));
    assertEquals("5.75", f.eval(f.cast(SqlTypeName.VARCHAR, f.col(3)), null, null, null,
        new BigDecimal("5.75")));
  }

  @Test
  void castToDecimalAndDates() {
    RexNode toDec = f.rb.makeCast(f.tf.createSqlType(SqlTypeName.DECIMAL, 5, 1), f.col(1));
    assertEquals(new BigDecimal("2.7"), f.eval(toDec, null, 2.66));
    assertThrows(StrataException.class, () -> f.eval(toDec, null, 123456.0));
    assertEquals(LocalDate.of(2024, 3, 1), f.eval(f.cast(SqlTypeName.DATE, f.col(2)), null, null,
        "2024-03-01"));
    assertThrows(StrataException.class,
        () -> f.eval(f.cast(SqlTypeName.DATE, f.col(2)), null, null, "not a date"));
  }

  @Test
  void caseCoalesceNullif() {
    RexNode c = f.call(CASE, f.call(EQUALS, f.col(0), f.i(1)), f.s("one"),
        f.call(EQUALS, f.col(0), f.i(2)), f.s("two"), f.s("many"));
    assertEquals("one", f.eval(c, 1L));
    assertEquals("two", f.eval(c, 2L));
    assertEquals("many", f.eval(c, 3L));
    assertEquals("many", f.eval(c, (Object) null)); // NULL condition is not true
    assertEquals(5L, f.eval(f.call(COALESCE, f.col(0), f.col(5)), null, null, null, null, null, 5L));
    assertNull(f.eval(f.call(COALESCE, f.col(0), f.col(5)), null, null, null, null, null, null));
    assertNull(f.eval(f.call(NULLIF, f.col(0), f.i(3)), 3L));
    assertEquals(4L, f.eval(f.call(NULLIF, f.col(0), f.i(3)), 4L));
  }

  @Test
  void numericFunctions() {
    assertEquals(5L, f.eval(f.call(ABS, f.col(0)), -5L));
    assertEquals(2.5, f.eval(f.call(ABS, f.col(1)), null, -2.5));
    assertEquals(3.0, f.eval(f.call(ROUND, f.col(1)), null, 2.5));
    assertEquals(-3.0, f.eval(f.call(ROUND, f.col(1)), null, -2.5));
    assertEquals(2.68, f.eval(f.call(ROUND, f.col(1), f.i(2)), null, 2.675));
    assertEquals(1300L, f.eval(f.call(ROUND, f.col(0), f.i(-2)), 1250L));
    assertEquals(1200L, f.eval(f.call(ROUND, f.col(0), f.i(-2)), 1249L));
    assertNull(f.eval(f.call(ABS, f.col(0)), (Object) null));
  }

  @Test
  void stringFunctions() {
    assertEquals("ABC", f.eval(f.call(UPPER, f.col(2)), null, null, "aBc"));
    assertEquals("abc", f.eval(f.call(LOWER, f.col(2)), null, null, "aBc"));
    assertEquals(3L, f.eval(f.call(CHAR_LENGTH, f.col(2)), null, null, "aBc"));
    assertEquals("ab", f.eval(f.call(CONCAT, f.col(2), f.s("b")), null, null, "a"));
    assertNull(f.eval(f.call(CONCAT, f.col(2), f.s("b")), null, null, null));
    assertEquals("ell", f.eval(f.call(SUBSTRING, f.col(2), f.i(2), f.i(3)), null, null, "hello"));
    assertEquals("llo", f.eval(f.call(SUBSTRING, f.col(2), f.i(3)), null, null, "hello"));
    assertEquals("h", f.eval(f.call(SUBSTRING, f.col(2), f.i(0), f.i(2)), null, null, "hello"));
    assertEquals("", f.eval(f.call(SUBSTRING, f.col(2), f.i(9), f.i(2)), null, null, "hello"));
    assertEquals(3L, f.eval(f.call(POSITION, f.s("ll"), f.col(2)), null, null, "hello"));
    assertEquals(0L, f.eval(f.call(POSITION, f.s("z"), f.col(2)), null, null, "hello"));
    RexNode trim = f.call(TRIM, f.rb.makeFlag(SqlTrimFunction.Flag.BOTH), f.s(" "), f.col(2));
    assertEquals("a b", f.eval(trim, null, null, "  a b "));
    RexNode ltrim = f.call(TRIM, f.rb.makeFlag(SqlTrimFunction.Flag.LEADING), f.s("x"), f.col(2));
    assertEquals("axx", f.eval(ltrim, null, null, "xxaxx"));
  }

  @Test
  void dateArithmeticAndExtract() {
    RexNode date = f.rb.makeDateLiteral(new DateString("2024-01-31"));
    RexNode oneMonth = f.rb.makeIntervalLiteral(BigDecimal.ONE,
        new SqlIntervalQualifier(TimeUnit.MONTH, null, SqlParserPos.ZERO));
    RexNode plusMonth = f.rb.makeCall(SqlStdOperatorTable.DATETIME_PLUS, date, oneMonth);
    assertEquals(LocalDate.of(2024, 2, 29), f.eval(plusMonth));
    RexNode twoDays = f.rb.makeIntervalLiteral(BigDecimal.valueOf(2 * 86_400_000L),
        new SqlIntervalQualifier(TimeUnit.DAY, null, SqlParserPos.ZERO));
    assertEquals(LocalDate.of(2024, 2, 2),
        f.eval(f.rb.makeCall(SqlStdOperatorTable.DATETIME_PLUS, date, twoDays)));
    RexNode minus = f.rb.makeCall(f.tf.createSqlType(SqlTypeName.DATE),
        SqlStdOperatorTable.MINUS_DATE, java.util.List.of(date, twoDays));
    assertEquals(LocalDate.of(2024, 1, 29), f.eval(minus));
    RexNode year = f.rb.makeCall(SqlStdOperatorTable.EXTRACT,
        f.rb.makeFlag(TimeUnitRange.YEAR), date);
    assertEquals(2024L, f.eval(year));
    RexNode now = f.rb.makeCall(SqlStdOperatorTable.CURRENT_TIMESTAMP);
    assertEquals(LocalDateTime.of(2024, 2, 29, 12, 30, 15), f.eval(now));
  }

  @Test
  void parametersAreConvertedToTheirType() {
    RexNode p = f.rb.makeDynamicParam(f.type(SqlTypeName.BIGINT), 0);
    Bindings b = new Bindings() {
      @Override
      public Object param(int index) {
        return Integer.valueOf(7);
      }

      @Override
      public Object[] correl(int id) {
        return null;
      }

      @Override
      public LocalDateTime now() {
        return null;
      }
    };
    assertEquals(7L, RexCompiler.compile(p).eval(new Object[0], b));
  }

  @Test
  void unsupportedFunctionFailsAtCompileTime() {
    RexNode e = f.call(SqlStdOperatorTable.SIMILAR_TO, f.col(2), f.s("a"));
    StrataException ex = assertThrows(StrataException.class, () -> RexCompiler.compile(e));
    assertEquals(StrataException.Reason.UNSUPPORTED, ex.reason());
  }
}
