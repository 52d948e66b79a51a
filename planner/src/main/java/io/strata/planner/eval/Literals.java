package io.strata.planner.eval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/** Conversions between Calcite's literal values and Strata values, both ways. */
final class Literals {

  private Literals() {}

  /** The Strata value of a literal (a SYMBOL literal yields its enum constant). */
  static Object value(RexLiteral lit) {
    if (lit.isNull()) {
      return null;
    }
    switch (lit.getTypeName()) {
      case SYMBOL:
      case SARG:
        return lit.getValue();
      case DATE:
        return fromCalcite(lit.getValueAs(DateString.class), Kind.DATE);
      case TIME:
        return fromCalcite(lit.getValueAs(TimeString.class), Kind.TIME);
      case TIMESTAMP:
        return fromCalcite(lit.getValueAs(TimestampString.class), Kind.TIMESTAMP);
      default:
        return fromCalcite(lit.getValue(), Kind.of(lit.getType()));
    }
  }

  /**
   * Converts a value as Calcite holds it in literals and Sargs (BigDecimal, NlsString,
   * DateString, …) to the Strata representation of {@code kind}.
   */
  static Object fromCalcite(Object c, Kind kind) {
    if (c == null) {
      return null;
    }
    if (c instanceof NlsString) {
      String s = ((NlsString) c).getValue();
      return kind == Kind.STRING || kind == Kind.OTHER ? s : Casts.convert(s, kind);
    }
    if (c instanceof BigDecimal) {
      BigDecimal bd = (BigDecimal) c;
      switch (kind) {
        case LONG:
        case INTERVAL_MILLIS:
        case INTERVAL_MONTHS:
          if (bd.stripTrailingZeros().scale() <= 0) {
            try {
              return bd.longValueExact();
            } catch (ArithmeticException e) {
              return bd.doubleValue();
            }
          }
          return bd; // a fractional bound of an integer column (e.g. x > 1.5): compare exactly
        case DOUBLE:
          return bd.doubleValue();
        default:
          return bd;
      }
    }
    if (c instanceof Double || c instanceof Float) {
      return kind == Kind.DECIMAL ? Values.toDecimal(((Number) c).doubleValue())
          : ((Number) c).doubleValue();
    }
    if (c instanceof Long || c instanceof Integer || c instanceof Short || c instanceof Byte) {
      long l = ((Number) c).longValue();
      return kind == Kind.DOUBLE ? (Object) (double) l
          : kind == Kind.DECIMAL ? (Object) BigDecimal.valueOf(l) : (Object) l;
    }
    if (c instanceof DateString) {
      return LocalDate.parse(c.toString());
    }
    if (c instanceof TimestampString) {
      return LocalDateTime.parse(c.toString().replace(' ', 'T'));
    }
    if (c instanceof TimeString) {
      return LocalTime.parse(c.toString());
    }
    if (c instanceof ByteString) {
      return ((ByteString) c).getBytes();
    }
    return c; // Boolean, enums
  }

  /**
   * A literal holding {@code v} with exactly {@code type} (wrapped in a nullability or
   * CHAR-to-VARCHAR cast where Calcite's literals cannot carry the type themselves, as Calcite's
   * own executor does), or null when the value cannot be represented faithfully (the caller then
   * leaves the expression unfolded).
   */
  static RexNode toLiteral(RexBuilder rb, Object v, RelDataType type) {
    if (v == null) {
      // a NULL from an expression Calcite believes NOT NULL (1/0): keep the expression
      return type.isNullable() ? rb.makeNullLiteral(type) : null;
    }
    Object c = toCalcite(v, type);
    if (c == null) {
      return null;
    }
    RexNode lit = rb.makeLiteral(c, type, true);
    return lit.getType().equals(type) ? lit : null;
  }

  /** The value as RexBuilder.makeLiteral expects it for {@code type}, or null if unfit. */
  private static Object toCalcite(Object v, RelDataType type) {
    switch (type.getSqlTypeName()) {
      case TINYINT:
      case SMALLINT:
      case INTEGER: {
        if (!(v instanceof Long)) {
          return null;
        }
        long l = (Long) v;
        SqlTypeName t = type.getSqlTypeName();
        long bound = t == SqlTypeName.INTEGER ? Integer.MAX_VALUE
            : t == SqlTypeName.SMALLINT ? Short.MAX_VALUE : Byte.MAX_VALUE;
        // a 64-bit result of an expression Calcite typed narrower: no literal can hold it
        return l > bound || l < -bound - 1 ? null : BigDecimal.valueOf(l);
      }
      case BIGINT:
        return v instanceof Long ? BigDecimal.valueOf((Long) v) : null;
      case DECIMAL: {
        if (!(v instanceof BigDecimal)) {
          return null;
        }
        BigDecimal bd = (BigDecimal) v;
        return type.getScale() >= 0 && bd.scale() > type.getScale() ? null : bd;
      }
      case FLOAT:
      case REAL:
      case DOUBLE:
        return v instanceof Double && Double.isFinite((Double) v) ? new BigDecimal((Double) v)
            : null;
      case VARCHAR:
        return v instanceof String ? v : null;
      case CHAR:
        // only when no padding would be introduced: Strata strings are never padded
        return v instanceof String && ((String) v).length() == type.getPrecision() ? v : null;
      case BOOLEAN:
        return v instanceof Boolean ? v : null;
      case DATE:
        return v instanceof LocalDate ? new DateString(v.toString()) : null;
      default:
        return null;
    }
  }
}
