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
   * A literal of exactly {@code type} holding {@code v}, or null when the value cannot be
   * represented faithfully as such a literal (the caller then leaves the expression unfolded).
   */
  static RexNode toLiteral(RexBuilder rb, Object v, RelDataType type) {
    if (v == null) {
      return rb.makeNullLiteral(type);
    }
    Kind kind = Kind.of(type);
    switch (type.getSqlTypeName()) {
      case TINYINT:
      case SMALLINT:
      case INTEGER:
        if (!(v instanceof Long)) {
          return null;
        }
        long l = (Long) v;
        long bound = type.getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.INTEGER
            ? Integer.MAX_VALUE
            : type.getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.SMALLINT
                ? Short.MAX_VALUE : Byte.MAX_VALUE;
        if (l > bound || l < -bound - 1) {
          return null; // our 64-bit result does not fit Calcite's narrower literal type
        }
        return rb.makeLiteral(BigDecimal.valueOf(l), type, false);
      case BIGINT:
        return v instanceof Long ? rb.makeLiteral(BigDecimal.valueOf((Long) v), type, false) : null;
      case DECIMAL:
        if (!(v instanceof BigDecimal)) {
          return null;
        }
        BigDecimal bd = (BigDecimal) v;
        if (type.getScale() >= 0 && bd.scale() > type.getScale()) {
          return null;
        }
        return rb.makeLiteral(bd, type, false);
      case FLOAT:
      case REAL:
      case DOUBLE:
        if (!(v instanceof Double) || !Double.isFinite((Double) v)) {
          return null;
        }
        return rb.makeLiteral(new BigDecimal((Double) v), type, false);
      case VARCHAR:
        return v instanceof String ? rb.makeLiteral(v, type, false) : null;
      case CHAR:
        // Only fold when no padding would be introduced: Strata strings are never padded.
        if (!(v instanceof String) || ((String) v).length() != type.getPrecision()) {
          return null;
        }
        return rb.makeLiteral(v, type, false);
      case BOOLEAN:
        return v instanceof Boolean ? rb.makeLiteral(v, type, false) : null;
      case DATE:
        return v instanceof LocalDate ? rb.makeLiteral(new DateString(v.toString()), type, false)
            : null;
      default:
        return null;
    }
  }
}
