package io.strata.planner.eval;

import io.strata.planner.StrataException;
import io.strata.planner.StrataException.Reason;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * Comparison, hashing and conversion of Strata values ({@code Long}, {@code Double},
 * {@code BigDecimal}, {@code String}, {@code Boolean}, {@code LocalDate}, {@code LocalTime},
 * {@code LocalDateTime}, {@code byte[]}).
 *
 * <p>Invariants: {@link #compare} is a total order on non-null values in which numerically equal
 * numbers of different Java types compare equal (Long 1, Double 1.0 and BigDecimal 1.00), and
 * {@link #hash} agrees with it: {@code compare(a, b) == 0} implies {@code hash(a) == hash(b)}.
 * Values of unrelated kinds order as SQLite does: numbers, then strings, then blobs; booleans
 * count as the numbers 0 and 1; temporal values sort after blobs.
 */
public final class Values {

  private Values() {}

  private static final double TWO_63 = 9.223372036854775808E18;

  // ---------------------------------------------------------------- comparison and hashing

  /** Compares two non-null values; see the class comment for the order. */
  public static int compare(Object a, Object b) {
    if (a instanceof Long && b instanceof Long) {
      return Long.compare((Long) a, (Long) b);
    }
    if (a instanceof String && b instanceof String) {
      return ((String) a).compareTo((String) b);
    }
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    switch (ra) {
      case 0:
        return compareNumbers(asNumber(a), asNumber(b));
      case 2:
        return Arrays.compareUnsigned((byte[]) a, (byte[]) b);
      case 3:
        return compareTemporal(a, b);
      default:
        return a.toString().compareTo(b.toString());
    }
  }

  /** Null-aware equality in which NULL equals NULL: the grouping, DISTINCT and set-operation test. */
  public static boolean same(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a.getClass() == b.getClass() && !(a instanceof BigDecimal) && !(a instanceof byte[])
        && !(a instanceof Double)) {
      return a.equals(b);
    }
    return compare(a, b) == 0;
  }

  /** A hash code consistent with {@link #compare}; NULL hashes to 0. */
  public static int hash(Object v) {
    if (v == null) {
      return 0;
    }
    if (v instanceof Long) {
      return Long.hashCode((Long) v);
    }
    if (v instanceof String) {
      return v.hashCode();
    }
    if (v instanceof Double) {
      double d = (Double) v;
      long l = (long) d;
      if (l == d && d != 0x1p63) {
        return Long.hashCode(l);
      }
      return Double.hashCode(d == 0.0 ? 0.0 : d);
    }
    if (v instanceof BigDecimal) {
      BigDecimal bd = (BigDecimal) v;
      if (bd.signum() == 0) {
        return 0;
      }
      BigDecimal s = bd.stripTrailingZeros();
      if (s.scale() <= 0) {
        BigInteger bi = s.toBigIntegerExact();
        if (bi.bitLength() < 64) {
          return Long.hashCode(bi.longValue());
        }
      }
      return Double.hashCode(bd.doubleValue());
    }
    if (v instanceof Boolean) {
      return Long.hashCode((Boolean) v ? 1L : 0L);
    }
    if (v instanceof byte[]) {
      return Arrays.hashCode((byte[]) v);
    }
    if (v instanceof LocalDate) {
      return ((LocalDate) v).atStartOfDay().hashCode();
    }
    return v.hashCode();
  }

  private static int rank(Object v) {
    if (v instanceof Number || v instanceof Boolean) {
      return 0;
    }
    if (v instanceof String) {
      return 1;
    }
    if (v instanceof byte[]) {
      return 2;
    }
    if (v instanceof LocalDate || v instanceof LocalDateTime) {
      return 3;
    }
    if (v instanceof LocalTime) {
      return 4;
    }
    return 5;
  }

  private static Number asNumber(Object v) {
    if (v instanceof Boolean) {
      return (Boolean) v ? 1L : 0L;
    }
    return (Number) v;
  }

  private static int compareTemporal(Object a, Object b) {
    LocalDateTime x = a instanceof LocalDate ? ((LocalDate) a).atStartOfDay() : (LocalDateTime) a;
    LocalDateTime y = b instanceof LocalDate ? ((LocalDate) b).atStartOfDay() : (LocalDateTime) b;
    return x.compareTo(y);
  }

  /** Exact comparison of two numbers of any of the Strata numeric types. */
  public static int compareNumbers(Number a, Number b) {
    if (a instanceof Long) {
      long x = a.longValue();
      if (b instanceof Long) {
        return Long.compare(x, b.longValue());
      }
      if (b instanceof Double) {
        return compareLongDouble(x, b.doubleValue());
      }
    } else if (a instanceof Double) {
      double x = a.doubleValue();
      if (b instanceof Double) {
        return compareDoubles(x, b.doubleValue());
      }
      if (b instanceof Long) {
        return -compareLongDouble(b.longValue(), x);
      }
    }
    // At least one BigDecimal (or an unexpected Number subclass): compare exactly.
    if (isNonFinite(a) || isNonFinite(b)) {
      return compareDoubles(a.doubleValue(), b.doubleValue());
    }
    return toBigDecimal(a).compareTo(toBigDecimal(b));
  }

  private static boolean isNonFinite(Number n) {
    return (n instanceof Double || n instanceof Float) && !Double.isFinite(n.doubleValue());
  }

  private static int compareDoubles(double x, double y) {
    if (x < y) {
      return -1;
    }
    if (x > y) {
      return 1;
    }
    if (x == y) {
      return 0; // also 0.0 == -0.0
    }
    return Double.compare(x, y); // NaN sorts above everything, equal to itself
  }

  /** Exact comparison of a long with a double (no rounding of the long to double). */
  static int compareLongDouble(long x, double y) {
    if (Double.isNaN(y)) {
      return -1;
    }
    if (y >= TWO_63) {
      return -1;
    }
    if (y < -TWO_63) {
      return 1;
    }
    long t = (long) y; // truncates toward zero, exact for |y| < 2^63
    if (x != t) {
      return Long.compare(x, t);
    }
    double frac = y - t;
    return frac > 0 ? -1 : frac < 0 ? 1 : 0;
  }

  // ---------------------------------------------------------------- conversions

  /** Converts to BigDecimal exactly (a Double by its exact binary value). */
  public static BigDecimal toBigDecimal(Number n) {
    if (n instanceof BigDecimal) {
      return (BigDecimal) n;
    }
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return BigDecimal.valueOf(n.longValue());
    }
    if (n instanceof BigInteger) {
      return new BigDecimal((BigInteger) n);
    }
    return new BigDecimal(n.doubleValue());
  }

  /**
   * Converts a value to a 64-bit integer as SQLite's CAST(x AS INTEGER) does: reals truncate
   * toward zero (saturating at the long range), text takes its longest integer prefix (0 if none),
   * booleans are 0/1.
   */
  public static long toLong(Object v) {
    if (v instanceof Long) {
      return (Long) v;
    }
    if (v instanceof Double) {
      return doubleToLong((Double) v);
    }
    if (v instanceof BigDecimal) {
      BigDecimal bd = (BigDecimal) v;
      BigInteger bi = bd.toBigInteger();
      if (bi.bitLength() < 64) {
        return bi.longValue();
      }
      return bd.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    if (v instanceof Number) {
      return ((Number) v).longValue();
    }
    if (v instanceof String) {
      return parseLongPrefix((String) v);
    }
    if (v instanceof Boolean) {
      return (Boolean) v ? 1 : 0;
    }
    throw cannotConvert(v, "INTEGER");
  }

  static long doubleToLong(double d) {
    if (Double.isNaN(d)) {
      return 0;
    }
    return (long) d; // Java saturates at Long.MIN_VALUE/MAX_VALUE and truncates toward zero
  }

  /** Converts a value to a double as SQLite's CAST(x AS REAL) does (text: longest real prefix). */
  public static double toDouble(Object v) {
    if (v instanceof Double) {
      return (Double) v;
    }
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof String) {
      return parseDoublePrefix((String) v);
    }
    if (v instanceof Boolean) {
      return (Boolean) v ? 1 : 0;
    }
    throw cannotConvert(v, "DOUBLE");
  }

  /** Converts a value to BigDecimal; text takes its longest numeric prefix (0 if none). */
  public static BigDecimal toDecimal(Object v) {
    if (v instanceof BigDecimal) {
      return (BigDecimal) v;
    }
    if (v instanceof Long) {
      return BigDecimal.valueOf((Long) v);
    }
    if (v instanceof Double) {
      double d = (Double) v;
      if (!Double.isFinite(d)) {
        throw new StrataException(Reason.NUMERIC_OUT_OF_RANGE, "cannot convert " + d + " to DECIMAL");
      }
      return BigDecimal.valueOf(d); // shortest decimal that round-trips: 0.1 stays 0.1
    }
    if (v instanceof Number) {
      return toBigDecimal((Number) v);
    }
    if (v instanceof String) {
      String s = (String) v;
      int end = numericPrefixEnd(s, true);
      int start = skipSpaces(s);
      if (end <= start) {
        return BigDecimal.ZERO;
      }
      try {
        return new BigDecimal(s.substring(start, end).replace("+", ""));
      } catch (NumberFormatException e) {
        return BigDecimal.ZERO;
      }
    }
    if (v instanceof Boolean) {
      return (Boolean) v ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    throw cannotConvert(v, "DECIMAL");
  }

  private static int skipSpaces(String s) {
    int i = 0;
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
  }

  /** SQLite's text-to-integer rule: optional spaces, sign, digits; saturates on overflow. */
  static long parseLongPrefix(String s) {
    int i = skipSpaces(s);
    int n = s.length();
    boolean neg = false;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      neg = s.charAt(i) == '-';
      i++;
    }
    long acc = 0;
    boolean overflow = false;
    while (i < n) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      int d = c - '0';
      if (!overflow) {
        // accumulate negatively so that Long.MIN_VALUE is representable
        if (acc < (Long.MIN_VALUE + d) / 10) {
          overflow = true;
        } else {
          acc = acc * 10 - d;
        }
      }
      i++;
    }
    if (overflow) {
      return neg ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    if (neg) {
      return acc;
    }
    return acc == Long.MIN_VALUE ? Long.MAX_VALUE : -acc;
  }

  /** SQLite's text-to-real rule: the longest prefix that reads as a real number, else 0. */
  static double parseDoublePrefix(String s) {
    int start = skipSpaces(s);
    int end = numericPrefixEnd(s, true);
    if (end <= start) {
      return 0.0;
    }
    try {
      return Double.parseDouble(s.substring(start, end));
    } catch (NumberFormatException e) {
      return 0.0;
    }
  }

  /**
   * End (exclusive) of the longest numeric prefix after leading spaces: sign, digits, optional
   * fraction, optional exponent with at least one digit. Returns the start when there is none.
   */
  static int numericPrefixEnd(String s, boolean allowReal) {
    int n = s.length();
    int start = skipSpaces(s);
    int i = start;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (allowReal && i < n && s.charAt(i) == '.') {
      int j = i + 1;
      int frac = 0;
      while (j < n && isDigit(s.charAt(j))) {
        j++;
        frac++;
      }
      if (digits + frac > 0) {
        i = j;
        digits += frac;
      }
    }
    if (digits == 0) {
      return start;
    }
    if (allowReal && i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      int j = i + 1;
      if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
        j++;
      }
      int exp = 0;
      while (j < n && isDigit(s.charAt(j))) {
        j++;
        exp++;
      }
      if (exp > 0) {
        i = j;
      }
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Converts to boolean: numbers are true when non-zero, text 'true'/'false' (or a number). */
  public static boolean toBoolean(Object v) {
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    if (v instanceof Number) {
      return toDouble(v) != 0.0;
    }
    if (v instanceof String) {
      String s = ((String) v).trim();
      if (s.equalsIgnoreCase("true")) {
        return true;
      }
      if (s.equalsIgnoreCase("false")) {
        return false;
      }
      int end = numericPrefixEnd(s, true);
      if (end > 0) {
        return parseDoublePrefix(s) != 0.0;
      }
    }
    throw cannotConvert(v, "BOOLEAN");
  }

  /**
   * Renders a value as text: integers without a fraction, reals as SQLite prints them (15
   * significant digits, always with a decimal point or exponent), decimals in plain notation,
   * dates and times in ISO form with a space between date and time.
   */
  public static String toText(Object v) {
    if (v instanceof String) {
      return (String) v;
    }
    if (v instanceof Long) {
      return v.toString();
    }
    if (v instanceof Double) {
      return formatDouble((Double) v);
    }
    if (v instanceof BigDecimal) {
      return ((BigDecimal) v).toPlainString();
    }
    if (v instanceof Boolean) {
      return (Boolean) v ? "TRUE" : "FALSE";
    }
    if (v instanceof LocalDateTime) {
      LocalDateTime t = (LocalDateTime) v;
      return t.toLocalDate() + " " + formatTime(t.toLocalTime());
    }
    if (v instanceof LocalTime) {
      return formatTime((LocalTime) v);
    }
    if (v instanceof LocalDate) {
      return v.toString();
    }
    if (v instanceof byte[]) {
      return new String((byte[]) v, java.nio.charset.StandardCharsets.UTF_8);
    }
    return String.valueOf(v);
  }

  private static String formatTime(LocalTime t) {
    String s = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    int nanos = t.getNano();
    if (nanos == 0) {
      return s;
    }
    String f = String.format("%09d", nanos);
    int end = f.length();
    while (f.charAt(end - 1) == '0') {
      end--;
    }
    return s + "." + f.substring(0, end);
  }

  /** Formats a double like SQLite's "%!.15g": 1.0, 0.1, 1.5e+20, -2.5e-07. */
  public static String formatDouble(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Inf" : "-Inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    BigDecimal bd = new BigDecimal(d).round(new MathContext(15, RoundingMode.HALF_EVEN));
    bd = bd.stripTrailingZeros();
    int exp = bd.precision() - bd.scale() - 1; // decimal exponent of the leading digit
    if (exp < -4 || exp >= 15) {
      String digits = bd.unscaledValue().abs().toString();
      StringBuilder sb = new StringBuilder();
      if (bd.signum() < 0) {
        sb.append('-');
      }
      sb.append(digits.charAt(0)).append('.');
      sb.append(digits.length() > 1 ? digits.substring(1) : "0");
      sb.append('e').append(exp < 0 ? '-' : '+');
      int ae = Math.abs(exp);
      if (ae < 10) {
        sb.append('0');
      }
      sb.append(ae);
      return sb.toString();
    }
    String plain = bd.toPlainString();
    return plain.indexOf('.') < 0 ? plain + ".0" : plain;
  }

  /** Parses text as a DATE ('yyyy-mm-dd', optionally followed by a time that is ignored). */
  public static LocalDate toDate(Object v) {
    if (v instanceof LocalDate) {
      return (LocalDate) v;
    }
    if (v instanceof LocalDateTime) {
      return ((LocalDateTime) v).toLocalDate();
    }
    if (v instanceof String) {
      String s = ((String) v).trim();
      try {
        if (s.length() > 10 && (s.charAt(10) == ' ' || s.charAt(10) == 'T')) {
          return LocalDate.parse(s.substring(0, 10));
        }
        return LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        throw new StrataException(Reason.INVALID_DATETIME, "invalid DATE value '" + s + "'");
      }
    }
    throw cannotConvert(v, "DATE");
  }

  /** Parses text as a TIME ('hh:mm[:ss[.fff]]'). */
  public static LocalTime toTime(Object v) {
    if (v instanceof LocalTime) {
      return (LocalTime) v;
    }
    if (v instanceof LocalDateTime) {
      return ((LocalDateTime) v).toLocalTime();
    }
    if (v instanceof String) {
      String s = ((String) v).trim();
      try {
        return LocalTime.parse(s);
      } catch (DateTimeParseException e) {
        throw new StrataException(Reason.INVALID_DATETIME, "invalid TIME value '" + s + "'");
      }
    }
    throw cannotConvert(v, "TIME");
  }

  /** Parses text as a TIMESTAMP ('yyyy-mm-dd[ hh:mm[:ss[.fff]]]'); a DATE becomes midnight. */
  public static LocalDateTime toTimestamp(Object v) {
    if (v instanceof LocalDateTime) {
      return (LocalDateTime) v;
    }
    if (v instanceof LocalDate) {
      return ((LocalDate) v).atStartOfDay();
    }
    if (v instanceof String) {
      String s = ((String) v).trim();
      try {
        if (s.length() <= 10) {
          return LocalDate.parse(s).atStartOfDay();
        }
        return LocalDateTime.parse(s.replace(' ', 'T'));
      } catch (DateTimeParseException e) {
        throw new StrataException(Reason.INVALID_DATETIME, "invalid TIMESTAMP value '" + s + "'");
      }
    }
    throw cannotConvert(v, "TIMESTAMP");
  }

  /**
   * Converts a value to the representation of {@code type} (CAST semantics without width
   * checks); NULL stays NULL, types without a fixed representation leave the value alone.
   */
  public static Object convert(Object v, org.apache.calcite.rel.type.RelDataType type) {
    return v == null ? null : Casts.convert(v, Kind.of(type));
  }

  static StrataException cannotConvert(Object v, String type) {
    String what = v instanceof byte[] ? "a binary value" : "'" + v + "'";
    return new StrataException(Reason.INVALID_CHARACTER_VALUE, "cannot convert " + what + " to " + type);
  }
}
