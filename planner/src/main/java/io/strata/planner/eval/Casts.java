package io.strata.planner.eval;

import io.strata.planner.StrataException;
import io.strata.planner.StrataException.Reason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.apache.calcite.rel.type.RelDataType;

/**
 * CAST between Strata value kinds, with SQLite's lenient rules for text to number (longest
 * numeric prefix, else 0) and reals to integers (truncate toward zero). Strings are never padded
 * or truncated to a declared length: Strata strings carry no padding, as in SQLite.
 */
final class Casts {

  private Casts() {}

  /** Converts a non-null value to the representation of {@code target}. */
  static Object convert(Object v, Kind target) {
    switch (target) {
      case LONG:
        return v instanceof Long ? v : (Object) Values.toLong(v);
      case DOUBLE:
        return v instanceof Double ? v : (Object) Values.toDouble(v);
      case DECIMAL:
        return Values.toDecimal(v);
      case STRING:
        return Values.toText(v);
      case BOOLEAN:
        return Values.toBoolean(v);
      case DATE:
        return Values.toDate(v);
      case TIME:
        return Values.toTime(v);
      case TIMESTAMP:
        return Values.toTimestamp(v);
      case BINARY:
        if (v instanceof byte[]) {
          return v;
        }
        if (v instanceof String) {
          return ((String) v).getBytes(StandardCharsets.UTF_8);
        }
        throw Values.cannotConvert(v, "BINARY");
      case INTERVAL_MILLIS:
      case INTERVAL_MONTHS:
        if (v instanceof Long) {
          return v;
        }
        if (v instanceof Number) {
          return Values.toLong(v);
        }
        throw Values.cannotConvert(v, "INTERVAL");
      default:
        return v;
    }
  }

  /** Applies a DECIMAL(p, s) type's scale, rounding half up; rejects values beyond p digits. */
  static BigDecimal fitDecimal(BigDecimal bd, RelDataType type) {
    int scale = type.getScale();
    int precision = type.getPrecision();
    if (scale < 0 || scale == RelDataType.SCALE_NOT_SPECIFIED) {
      return bd;
    }
    BigDecimal r = bd.setScale(scale, RoundingMode.HALF_UP);
    if (precision > 0 && r.precision() - r.scale() > precision - scale) {
      throw new StrataException(Reason.NUMERIC_OUT_OF_RANGE,
          "value " + bd.toPlainString() + " does not fit DECIMAL(" + precision + ", " + scale + ")");
    }
    return r;
  }

  /** CAST(operand AS type). */
  static final class Cast extends Evaluator {
    private final Evaluator operand;
    private final Kind target;
    private final RelDataType type;

    Cast(Evaluator operand, RelDataType type) {
      this.operand = operand;
      this.target = Kind.of(type);
      this.type = type;
    }

    @Override
    public Object eval(Object[] row, Bindings b) {
      Object v = operand.eval(row, b);
      if (v == null) {
        return null;
      }
      Object r = convert(v, target);
      if (target == Kind.DECIMAL) {
        return fitDecimal((BigDecimal) r, type);
      }
      if (target == Kind.TIMESTAMP || target == Kind.TIME) {
        return truncateFraction(r, type.getPrecision());
      }
      return r;
    }
  }

  private static Object truncateFraction(Object r, int precision) {
    if (precision < 0 || precision >= 9) {
      return r;
    }
    int unit = 1;
    for (int i = precision; i < 9; i++) {
      unit *= 10;
    }
    if (r instanceof LocalDateTime) {
      LocalDateTime t = (LocalDateTime) r;
      return t.withNano(t.getNano() / unit * unit);
    }
    LocalTime t = (LocalTime) r;
    return t.withNano(t.getNano() / unit * unit);
  }
}
