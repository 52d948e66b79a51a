package io.strata.planner.table;

import io.strata.planner.StrataException;
import io.strata.planner.StrataException.Reason;
import io.strata.planner.catalog.ColumnDef;
import io.strata.planner.catalog.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Rejects a value that does not fit the column it is written to, before it is converted to the
 * column's type: the conversion itself is lenient (it saturates integers and keeps long strings,
 * as expressions need), but a stored value must never be silently altered. Strings longer than a
 * declared VARCHAR(n)/CHAR(n) fail with {@link Reason#STRING_TOO_LONG}; numbers outside the 64-bit
 * range of an integer column fail with {@link Reason#NUMERIC_OUT_OF_RANGE}. After conversion, a
 * DECIMAL(p, s) value is rounded half up to scale s and fails with NUMERIC_OUT_OF_RANGE if it then
 * needs more than p - s integer digits.
 */
final class ColumnFit {
  private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private ColumnFit() {}

  static void check(Object v, ColumnDef column, String table) {
    if (v == null) {
      return;
    }
    ColumnType t = column.type();
    switch (t.sqlType()) {
      case "VARCHAR" -> {
        // a string no longer in chars than the limit has no more code points than that
        if (v instanceof String s && t.precision() >= 0 && s.length() > t.precision()
            && s.codePointCount(0, s.length()) > t.precision()) {
          throw new StrataException(Reason.STRING_TOO_LONG, "value too long for column "
              + column.name() + " of table " + table + " (" + t.declared() + "(" + t.precision()
              + ")): " + s.codePointCount(0, s.length()) + " characters");
        }
      }
      case "BIGINT" -> {
        if (!fitsLong(v)) {
          throw new StrataException(Reason.NUMERIC_OUT_OF_RANGE, "value " + plain(v)
              + " is out of range for column " + column.name() + " of table " + table
              + " (64-bit integer)");
        }
      }
      default -> { }
    }
  }

  /** The converted value of a DECIMAL column at the column's scale. */
  static Object fitConverted(Object v, ColumnDef column, String table) {
    ColumnType t = column.type();
    if (!(v instanceof BigDecimal bd) || !t.sqlType().equals("DECIMAL") || t.precision() <= 0
        || t.scale() < 0) {
      return v;
    }
    BigDecimal r = bd.setScale(t.scale(), RoundingMode.HALF_UP);
    if (r.precision() - r.scale() > t.precision() - t.scale()) {
      throw new StrataException(Reason.NUMERIC_OUT_OF_RANGE, "value " + bd.toPlainString()
          + " is out of range for column " + column.name() + " of table " + table + " (DECIMAL("
          + t.precision() + ", " + t.scale() + "))");
    }
    return r;
  }

  private static boolean fitsLong(Object v) {
    if (v instanceof BigDecimal bd) {
      BigInteger i = bd.toBigInteger();
      return i.compareTo(MIN) >= 0 && i.compareTo(MAX) <= 0;
    }
    if (v instanceof BigInteger i) {
      return i.compareTo(MIN) >= 0 && i.compareTo(MAX) <= 0;
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      // 2^63 itself is out of range; NaN fits nothing
      return d >= -0x1p63 && d < 0x1p63;
    }
    return true;
  }

  private static String plain(Object v) {
    return v instanceof BigDecimal bd ? bd.toPlainString() : String.valueOf(v);
  }
}
