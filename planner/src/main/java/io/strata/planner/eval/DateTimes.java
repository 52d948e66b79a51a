package io.strata.planner.eval;

import io.strata.planner.StrataException;
import io.strata.planner.StrataException.Reason;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import org.apache.calcite.avatica.util.TimeUnitRange;

/**
 * Date and time arithmetic: datetime ± interval, datetime − datetime and EXTRACT. Day-time
 * intervals are Longs of milliseconds, year-month intervals Longs of months, as in Calcite
 * literals.
 */
final class DateTimes {

  private DateTimes() {}

  private static final long MILLIS_PER_DAY = 86_400_000L;

  /** datetime + interval (interval negated for subtraction by the caller). */
  static Object plus(Object dt, long amount, boolean months) {
    if (dt instanceof LocalDate) {
      LocalDate d = (LocalDate) dt;
      return months ? d.plusMonths(amount) : d.plusDays(Math.floorDiv(amount, MILLIS_PER_DAY));
    }
    if (dt instanceof LocalDateTime) {
      LocalDateTime t = (LocalDateTime) dt;
      return months ? t.plusMonths(amount) : t.plus(amount, ChronoUnit.MILLIS);
    }
    if (dt instanceof LocalTime) {
      return months ? dt : ((LocalTime) dt).plus(amount, ChronoUnit.MILLIS);
    }
    throw new StrataException(Reason.DATA, "cannot add an interval to '" + dt + "'");
  }

  /** datetime − datetime as an interval of milliseconds or whole months. */
  static Object minus(Object a, Object b, boolean months) {
    if (a instanceof LocalTime && b instanceof LocalTime) {
      long ms = ChronoUnit.MILLIS.between((LocalTime) b, (LocalTime) a);
      return months ? 0L : ms;
    }
    LocalDateTime x = Values.toTimestamp(a);
    LocalDateTime y = Values.toTimestamp(b);
    return months ? ChronoUnit.MONTHS.between(y, x) : ChronoUnit.MILLIS.between(y, x);
  }

  static Object extract(TimeUnitRange unit, Object v) {
    if (v instanceof Long) {
      return extractInterval(unit, (Long) v);
    }
    LocalDate d = null;
    LocalTime t = null;
    if (v instanceof LocalDate) {
      d = (LocalDate) v;
    } else if (v instanceof LocalDateTime) {
      d = ((LocalDateTime) v).toLocalDate();
      t = ((LocalDateTime) v).toLocalTime();
    } else if (v instanceof LocalTime) {
      t = (LocalTime) v;
    } else {
      throw new StrataException(Reason.DATA, "cannot EXTRACT from '" + v + "'");
    }
    switch (unit) {
      case YEAR:
        return (long) need(d, unit).getYear();
      case QUARTER:
        return (long) ((need(d, unit).getMonthValue() + 2) / 3);
      case MONTH:
        return (long) need(d, unit).getMonthValue();
      case WEEK:
        return (long) need(d, unit).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      case DAY:
        return (long) need(d, unit).getDayOfMonth();
      case DOW:
        return (long) (need(d, unit).getDayOfWeek().getValue() % 7 + 1); // Sunday = 1
      case ISODOW:
        return (long) need(d, unit).getDayOfWeek().getValue();
      case DOY:
        return (long) need(d, unit).getDayOfYear();
      case HOUR:
        return t == null ? 0L : (long) t.getHour();
      case MINUTE:
        return t == null ? 0L : (long) t.getMinute();
      case SECOND:
        return t == null ? 0L : (long) t.getSecond();
      case MILLISECOND:
        return t == null ? 0L : (long) (t.getSecond() * 1000 + t.getNano() / 1_000_000);
      case MICROSECOND:
        return t == null ? 0L : (long) (t.getSecond() * 1_000_000 + t.getNano() / 1000);
      case EPOCH:
        if (d == null) {
          return (long) t.toSecondOfDay();
        }
        return (t == null ? d.atStartOfDay() : d.atTime(t)).toEpochSecond(ZoneOffset.UTC);
      default:
        throw new StrataException(Reason.UNSUPPORTED, "EXTRACT(" + unit + ") is not supported");
    }
  }

  private static LocalDate need(LocalDate d, TimeUnitRange unit) {
    if (d == null) {
      throw new StrataException(Reason.DATA, "cannot EXTRACT " + unit + " from a TIME");
    }
    return d;
  }

  private static Object extractInterval(TimeUnitRange unit, long v) {
    switch (unit) {
      case YEAR:
        return v / 12;
      case MONTH:
        return v % 12;
      case DAY:
        return v / MILLIS_PER_DAY;
      case HOUR:
        return (v / 3_600_000L) % 24;
      case MINUTE:
        return (v / 60_000L) % 60;
      case SECOND:
        return (v / 1000) % 60;
      default:
        throw new StrataException(Reason.UNSUPPORTED, "EXTRACT(" + unit + ") from an interval");
    }
  }
}
