package io.strata.jdbc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * Value conversions between JDBC and the engine. Engine values are Long, Double, BigDecimal,
 * String, Boolean, LocalDate, LocalTime, LocalDateTime, byte[] or null (parameters may also be
 * Instant). Every failed conversion is an {@link java.sql.SQLDataException} (22xxx) naming the value
 * and the target; nothing is silently truncated or wrapped.
 */
final class Conversions {
  private static final DateTimeFormatter TIMESTAMP_TEXT = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart()
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalEnd()
      .optionalEnd()
      .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
      .toFormatter(Locale.ROOT);

  private Conversions() {}

  // ---- JDBC → engine -----------------------------------------------------------------------------

  /** A parameter value as the engine takes it. */
  static Object toEngine(Object x) throws SQLException {
    if (x == null || x instanceof Long || x instanceof String || x instanceof Boolean
        || x instanceof Double || x instanceof BigDecimal || x instanceof LocalDate
        || x instanceof LocalDateTime || x instanceof LocalTime || x instanceof byte[]
        || x instanceof Instant) {
      return x;
    }
    if (x instanceof Integer || x instanceof Short || x instanceof Byte) {
      return ((Number) x).longValue();
    }
    if (x instanceof Float f) {
      // Float → Double through its decimal text, so 0.1f binds as 0.1 rather than 0.10000000149.
      return Double.parseDouble(Float.toString(f));
    }
    if (x instanceof BigInteger b) {
      return b.bitLength() < 64 ? (Object) b.longValue() : new BigDecimal(b);
    }
    if (x instanceof Timestamp t) {
      return t.toLocalDateTime();
    }
    if (x instanceof Date d) {
      return d.toLocalDate();
    }
    if (x instanceof Time t) {
      return t.toLocalTime();
    }
    if (x instanceof java.util.Date d) {
      return LocalDateTime.ofInstant(d.toInstant(), ZoneId.systemDefault());
    }
    if (x instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (x instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    if (x instanceof OffsetTime o) {
      return o.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime();
    }
    if (x instanceof Calendar c) {
      return LocalDateTime.ofInstant(c.toInstant(), c.getTimeZone().toZoneId());
    }
    if (x instanceof Character || x instanceof UUID || x instanceof StringBuilder || x instanceof StringBuffer) {
      return x.toString();
    }
    if (x instanceof char[] c) {
      return new String(c);
    }
    if (x instanceof Enum<?> e) {
      return e.name();
    }
    if (x instanceof Clob c) {
      long len = c.length();
      return len == 0 ? "" : c.getSubString(1, (int) Math.min(Integer.MAX_VALUE, len));
    }
    if (x instanceof Blob b) {
      long len = b.length();
      return len == 0 ? new byte[0] : b.getBytes(1, (int) Math.min(Integer.MAX_VALUE, len));
    }
    if (x instanceof Reader r) {
      return readAll(r, -1);
    }
    if (x instanceof InputStream in) {
      return readAll(in, -1);
    }
    throw SqlStates.exception(SqlStates.INVALID_PARAMETER_VALUE,
        "cannot bind a value of type " + x.getClass().getName());
  }

  /** {@code setObject(i, x, targetSqlType)}: converts to the target type, then to the engine. */
  static Object toEngine(Object x, int targetSqlType, int scaleOrLength) throws SQLException {
    if (x == null) {
      return null;
    }
    Object v = toEngine(x);
    switch (targetSqlType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
        return toLong(v, "BIGINT");
      }
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
        return toDouble(v);
      }
      case Types.DECIMAL, Types.NUMERIC -> {
        BigDecimal d = toBigDecimal(v);
        return scaleOrLength > 0 || (x instanceof Number && scaleOrLength == 0)
            ? d.setScale(scaleOrLength, java.math.RoundingMode.HALF_UP) : d;
      }
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR,
          Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB -> {
        return toText(v);
      }
      case Types.BOOLEAN, Types.BIT -> {
        return toBoolean(v);
      }
      case Types.DATE -> {
        return toLocalDate(v);
      }
      case Types.TIME, Types.TIME_WITH_TIMEZONE -> {
        return toLocalTime(v);
      }
      case Types.TIMESTAMP -> {
        return toLocalDateTime(v);
      }
      case Types.TIMESTAMP_WITH_TIMEZONE -> {
        return v instanceof Instant ? v : toLocalDateTime(v);
      }
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
        return toBytes(v);
      }
      case Types.NULL -> {
        return null;
      }
      default -> {
        return v;
      }
    }
  }

  static String readAll(Reader r, long length) throws SQLException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[8192];
    try {
      long left = length < 0 ? Long.MAX_VALUE : length;
      while (left > 0) {
        int n = r.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          break;
        }
        sb.append(buf, 0, n);
        left -= n;
      }
    } catch (IOException e) {
      throw SqlStates.exception(SqlStates.DATA, "reading the character stream failed: " + e.getMessage(), e);
    }
    return sb.toString();
  }

  static byte[] readAll(InputStream in, long length) throws SQLException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try {
      long left = length < 0 ? Long.MAX_VALUE : length;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          break;
        }
        out.write(buf, 0, n);
        left -= n;
      }
    } catch (IOException e) {
      throw SqlStates.exception(SqlStates.DATA, "reading the stream failed: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  // ---- engine → JDBC -----------------------------------------------------------------------------

  private static SQLException cannot(Object v, String target) {
    String shown = v instanceof byte[] b ? "X'" + HexFormat.of().formatHex(b) + "'" : String.valueOf(v);
    if (shown.length() > 60) {
      shown = shown.substring(0, 57) + "...";
    }
    String state = v instanceof String ? SqlStates.INVALID_CHARACTER_VALUE : SqlStates.DATA;
    return SqlStates.exception(state, "cannot convert " + typeName(v) + " '" + shown + "' to " + target);
  }

  private static String typeName(Object v) {
    if (v instanceof Long) {
      return "BIGINT";
    } else if (v instanceof Double) {
      return "DOUBLE";
    } else if (v instanceof BigDecimal) {
      return "DECIMAL";
    } else if (v instanceof String) {
      return "VARCHAR";
    } else if (v instanceof Boolean) {
      return "BOOLEAN";
    } else if (v instanceof LocalDate) {
      return "DATE";
    } else if (v instanceof LocalTime) {
      return "TIME";
    } else if (v instanceof LocalDateTime) {
      return "TIMESTAMP";
    } else if (v instanceof byte[]) {
      return "VARBINARY";
    }
    return v.getClass().getSimpleName();
  }

  static String toText(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof Double d) {
      double x = d;
      if (x == Math.rint(x) && !Double.isInfinite(x) && Math.abs(x) < 1e15) {
        return Long.toString((long) x) + ".0";
      }
      return d.toString();
    }
    if (v instanceof LocalDateTime t) {
      return Timestamp.valueOf(t).toString();
    }
    if (v instanceof LocalTime t) {
      return t.getNano() == 0 ? Time.valueOf(t).toString() : t.toString();
    }
    if (v instanceof byte[] b) {
      return HexFormat.of().formatHex(b);
    }
    if (v instanceof Boolean b) {
      return b ? "TRUE" : "FALSE";
    }
    return v.toString();
  }

  static boolean toBoolean(Object v) throws SQLException {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Long l) {
      return l != 0;
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (v instanceof String s) {
      String t = s.trim().toLowerCase(Locale.ROOT);
      switch (t) {
        case "true", "t", "yes", "y", "on", "1" -> {
          return true;
        }
        case "false", "f", "no", "n", "off", "0" -> {
          return false;
        }
        default -> {
          // fall through to the error
        }
      }
    }
    throw cannot(v, "BOOLEAN");
  }

  static long toLong(Object v, String target) throws SQLException {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Integer i) {
      return i;
    }
    if (v instanceof Double d) {
      if (Double.isNaN(d) || d < -9.223372036854775808E18 || d >= 9.223372036854775808E18) {
        throw outOfRange(v, target);
      }
      return (long) d.doubleValue();
    }
    if (v instanceof BigDecimal d) {
      try {
        return d.setScale(0, java.math.RoundingMode.DOWN).longValueExact();
      } catch (ArithmeticException e) {
        throw outOfRange(v, target);
      }
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof String s) {
      String t = s.trim();
      try {
        return Long.parseLong(t);
      } catch (NumberFormatException e) {
        try {
          return toLong(new BigDecimal(t), target);
        } catch (NumberFormatException e2) {
          throw cannot(v, target);
        }
      }
    }
    throw cannot(v, target);
  }

  static long toLong(Object v, String target, long min, long max) throws SQLException {
    long l = toLong(v, target);
    if (l < min || l > max) {
      throw outOfRange(v, target);
    }
    return l;
  }

  private static SQLException outOfRange(Object v, String target) {
    return SqlStates.exception(SqlStates.NUMERIC_OUT_OF_RANGE, "value " + v + " is out of range for " + target);
  }

  static double toDouble(Object v) throws SQLException {
    if (v instanceof Double d) {
      return d;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        throw cannot(v, "DOUBLE");
      }
    }
    throw cannot(v, "DOUBLE");
  }

  static float toFloat(Object v) throws SQLException {
    double d = toDouble(v);
    if (!Double.isInfinite(d) && !Double.isNaN(d) && Math.abs(d) > Float.MAX_VALUE) {
      throw outOfRange(v, "REAL");
    }
    return (float) d;
  }

  static BigDecimal toBigDecimal(Object v) throws SQLException {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw cannot(v, "DECIMAL");
      }
      return BigDecimal.valueOf(d);
    }
    if (v instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    if (v instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (v instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        throw cannot(v, "DECIMAL");
      }
    }
    throw cannot(v, "DECIMAL");
  }

  static byte[] toBytes(Object v) throws SQLException {
    if (v instanceof byte[] b) {
      return b;
    }
    if (v instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    throw cannot(v, "VARBINARY");
  }

  static LocalDate toLocalDate(Object v) throws SQLException {
    if (v instanceof LocalDate d) {
      return d;
    }
    if (v instanceof LocalDateTime t) {
      return t.toLocalDate();
    }
    if (v instanceof Instant i) {
      return LocalDateTime.ofInstant(i, ZoneId.systemDefault()).toLocalDate();
    }
    if (v instanceof String s) {
      return parseTimestamp(s, "DATE").toLocalDate();
    }
    throw cannot(v, "DATE");
  }

  static LocalTime toLocalTime(Object v) throws SQLException {
    if (v instanceof LocalTime t) {
      return t;
    }
    if (v instanceof LocalDateTime t) {
      return t.toLocalTime();
    }
    if (v instanceof Instant i) {
      return LocalDateTime.ofInstant(i, ZoneId.systemDefault()).toLocalTime();
    }
    if (v instanceof String s) {
      try {
        return LocalTime.parse(s.trim());
      } catch (DateTimeParseException e) {
        return parseTimestamp(s, "TIME").toLocalTime();
      }
    }
    throw cannot(v, "TIME");
  }

  static LocalDateTime toLocalDateTime(Object v) throws SQLException {
    if (v instanceof LocalDateTime t) {
      return t;
    }
    if (v instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    if (v instanceof Instant i) {
      return LocalDateTime.ofInstant(i, ZoneId.systemDefault());
    }
    if (v instanceof String s) {
      return parseTimestamp(s, "TIMESTAMP");
    }
    throw cannot(v, "TIMESTAMP");
  }

  private static LocalDateTime parseTimestamp(String s, String target) throws SQLException {
    try {
      return LocalDateTime.parse(s.trim(), TIMESTAMP_TEXT);
    } catch (DateTimeParseException e) {
      throw SqlStates.exception(SqlStates.INVALID_DATETIME, "cannot convert '" + s + "' to " + target);
    }
  }

  /** DATE in a calendar's zone: the local date at midnight in that zone. */
  static Date toDate(Object v, Calendar cal) throws SQLException {
    LocalDate d = toLocalDate(v);
    if (cal == null) {
      return Date.valueOf(d);
    }
    return new Date(d.atStartOfDay(cal.getTimeZone().toZoneId()).toInstant().toEpochMilli());
  }

  static Time toTime(Object v, Calendar cal) throws SQLException {
    LocalTime t = toLocalTime(v);
    if (cal == null) {
      return Time.valueOf(t);
    }
    return new Time(t.atDate(LocalDate.of(1970, 1, 1)).atZone(cal.getTimeZone().toZoneId()).toInstant().toEpochMilli());
  }

  static Timestamp toTimestamp(Object v, Calendar cal) throws SQLException {
    LocalDateTime t = toLocalDateTime(v);
    if (cal == null) {
      return Timestamp.valueOf(t);
    }
    return Timestamp.from(t.atZone(cal.getTimeZone().toZoneId()).toInstant());
  }

  /** A java.sql parameter taken with a calendar: its wall-clock value in that calendar's zone. */
  static Object fromCalendar(java.util.Date x, Calendar cal, int kind) {
    ZoneId zone = cal.getTimeZone().toZoneId();
    LocalDateTime t = LocalDateTime.ofInstant(x.toInstant(), zone);
    if (x instanceof Timestamp ts) {
      t = t.withNano(ts.getNanos());
    }
    return switch (kind) {
      case Types.DATE -> t.toLocalDate();
      case Types.TIME -> t.toLocalTime();
      default -> t;
    };
  }

  /** getObject(): the standard Java class for the column's JDBC type. */
  static Object toObject(Object v, int jdbcType) throws SQLException {
    if (v == null) {
      return null;
    }
    return switch (jdbcType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER ->
          v instanceof Long || v instanceof Integer || v instanceof BigDecimal || v instanceof Double
              ? (Object) (int) toLong(v, "INTEGER", Integer.MIN_VALUE, Integer.MAX_VALUE) : v;
      case Types.BIGINT -> v instanceof Number ? (Object) toLong(v, "BIGINT") : v;
      case Types.REAL -> v instanceof Number ? (Object) toFloat(v) : v;
      case Types.FLOAT, Types.DOUBLE -> v instanceof Number ? (Object) toDouble(v) : v;
      case Types.DECIMAL, Types.NUMERIC -> v instanceof Number ? toBigDecimal(v) : v;
      case Types.DATE -> v instanceof LocalDate || v instanceof LocalDateTime ? toDate(v, null) : v;
      case Types.TIME -> v instanceof LocalTime ? toTime(v, null) : v;
      case Types.TIMESTAMP -> v instanceof LocalDateTime || v instanceof LocalDate ? toTimestamp(v, null) : v;
      default -> standard(v);
    };
  }

  /** The java.sql class for an engine value whose column type says nothing more. */
  static Object standard(Object v) {
    if (v instanceof LocalDate d) {
      return Date.valueOf(d);
    }
    if (v instanceof LocalTime t) {
      return Time.valueOf(t);
    }
    if (v instanceof LocalDateTime t) {
      return Timestamp.valueOf(t);
    }
    if (v instanceof Instant i) {
      return Timestamp.from(i);
    }
    return v;
  }

  /** getObject(i, type). */
  @SuppressWarnings("unchecked")
  static <T> T toClass(Object v, Class<T> type) throws SQLException {
    if (type == null) {
      throw SqlStates.exception(SqlStates.INVALID_ARGUMENT, "type is null");
    }
    if (v == null) {
      return null;
    }
    Object r;
    if (type == String.class) {
      r = toText(v);
    } else if (type == Long.class || type == long.class) {
      r = toLong(v, "BIGINT");
    } else if (type == Integer.class || type == int.class) {
      r = (int) toLong(v, "INTEGER", Integer.MIN_VALUE, Integer.MAX_VALUE);
    } else if (type == Short.class || type == short.class) {
      r = (short) toLong(v, "SMALLINT", Short.MIN_VALUE, Short.MAX_VALUE);
    } else if (type == Byte.class || type == byte.class) {
      r = (byte) toLong(v, "TINYINT", Byte.MIN_VALUE, Byte.MAX_VALUE);
    } else if (type == Double.class || type == double.class) {
      r = toDouble(v);
    } else if (type == Float.class || type == float.class) {
      r = toFloat(v);
    } else if (type == BigDecimal.class) {
      r = toBigDecimal(v);
    } else if (type == BigInteger.class) {
      r = toBigDecimal(v).toBigInteger();
    } else if (type == Boolean.class || type == boolean.class) {
      r = toBoolean(v);
    } else if (type == LocalDate.class) {
      r = toLocalDate(v);
    } else if (type == LocalTime.class) {
      r = toLocalTime(v);
    } else if (type == LocalDateTime.class) {
      r = toLocalDateTime(v);
    } else if (type == Instant.class) {
      r = v instanceof Instant i ? i : toLocalDateTime(v).atZone(ZoneId.systemDefault()).toInstant();
    } else if (type == OffsetDateTime.class) {
      r = toLocalDateTime(v).atZone(ZoneId.systemDefault()).toOffsetDateTime();
    } else if (type == ZonedDateTime.class) {
      r = toLocalDateTime(v).atZone(ZoneId.systemDefault());
    } else if (type == Date.class) {
      r = toDate(v, null);
    } else if (type == Time.class) {
      r = toTime(v, null);
    } else if (type == Timestamp.class || type == java.util.Date.class) {
      r = toTimestamp(v, null);
    } else if (type == byte[].class) {
      r = toBytes(v);
    } else if (type == UUID.class) {
      try {
        r = v instanceof byte[] b && b.length == 16 ? uuid(b) : UUID.fromString(toText(v).trim());
      } catch (IllegalArgumentException e) {
        throw cannot(v, "UUID");
      }
    } else if (type == Object.class) {
      r = standard(v);
    } else if (type.isInstance(v)) {
      r = v;
    } else {
      throw SqlStates.exception(SqlStates.UNSUPPORTED, "conversion to " + type.getName() + " is not supported");
    }
    return (T) r;
  }

  private static UUID uuid(byte[] b) {
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 8; i++) {
      hi = (hi << 8) | (b[i] & 0xff);
      lo = (lo << 8) | (b[8 + i] & 0xff);
    }
    return new UUID(hi, lo);
  }

  /** getColumnClassName for a JDBC type. */
  static String className(int jdbcType) {
    return switch (jdbcType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> Integer.class.getName();
      case Types.BIGINT -> Long.class.getName();
      case Types.REAL -> Float.class.getName();
      case Types.FLOAT, Types.DOUBLE -> Double.class.getName();
      case Types.DECIMAL, Types.NUMERIC -> BigDecimal.class.getName();
      case Types.BOOLEAN, Types.BIT -> Boolean.class.getName();
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.CLOB -> String.class.getName();
      case Types.DATE -> Date.class.getName();
      case Types.TIME -> Time.class.getName();
      case Types.TIMESTAMP -> Timestamp.class.getName();
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> byte[].class.getName();
      default -> Object.class.getName();
    };
  }

  /** A display width for a column of this type. */
  static int displaySize(int jdbcType, int precision, int scale) {
    return switch (jdbcType) {
      case Types.BOOLEAN, Types.BIT -> 5;
      case Types.TINYINT -> 4;
      case Types.SMALLINT -> 6;
      case Types.INTEGER -> 11;
      case Types.BIGINT -> 20;
      case Types.REAL -> 15;
      case Types.FLOAT, Types.DOUBLE -> 24;
      case Types.DECIMAL, Types.NUMERIC -> precision > 0 ? precision + 2 : 40;
      case Types.DATE -> 10;
      case Types.TIME -> 8;
      case Types.TIMESTAMP -> 29;
      case Types.BINARY, Types.VARBINARY -> precision > 0 && precision < Integer.MAX_VALUE / 2 ? precision * 2 : Integer.MAX_VALUE;
      default -> precision > 0 ? precision : Integer.MAX_VALUE;
    };
  }

  /** Whether the type is signed numeric. */
  static boolean isSigned(int jdbcType) {
    return switch (jdbcType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT,
          Types.DOUBLE, Types.DECIMAL, Types.NUMERIC -> true;
      default -> false;
    };
  }
}
