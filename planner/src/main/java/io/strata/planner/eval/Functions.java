package io.strata.planner.eval;

import io.strata.planner.StrataException;
import io.strata.planner.StrataException.Reason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Built-in scalar functions on numbers and strings. All are strict (NULL in, NULL out) unless
 * noted. Strings are indexed by UTF-16 code unit positions, 1-based as in SQL.
 */
final class Functions {

  private Functions() {}

  /** A one-argument strict function. */
  interface F1 {
    Object apply(Object x);
  }

  /** A two-argument strict function. */
  interface F2 {
    Object apply(Object x, Object y);
  }

  /** An n-argument strict function. */
  interface FN {
    Object apply(Object[] args);
  }

  static final class Strict1 extends Evaluator {
    private final Evaluator a;
    private final F1 f;

    Strict1(Evaluator a, F1 f) {
      this.a = a;
      this.f = f;
    }

    @Override
    public Object eval(Object[] row, Bindings bs) {
      Object x = a.eval(row, bs);
      return x == null ? null : f.apply(x);
    }
  }

  static final class Strict2 extends Evaluator {
    private final Evaluator a;
    private final Evaluator b;
    private final F2 f;

    Strict2(Evaluator a, Evaluator b, F2 f) {
      this.a = a;
      this.b = b;
      this.f = f;
    }

    @Override
    public Object eval(Object[] row, Bindings bs) {
      Object x = a.eval(row, bs);
      if (x == null) {
        return null;
      }
      Object y = b.eval(row, bs);
      return y == null ? null : f.apply(x, y);
    }
  }

  static final class StrictN extends Evaluator {
    private final Evaluator[] args;
    private final FN f;

    StrictN(Evaluator[] args, FN f) {
      this.args = args;
      this.f = f;
    }

    @Override
    public Object eval(Object[] row, Bindings bs) {
      Object[] vs = new Object[args.length];
      for (int i = 0; i < args.length; i++) {
        Object v = args[i].eval(row, bs);
        if (v == null) {
          return null;
        }
        vs[i] = v;
      }
      return f.apply(vs);
    }
  }

  // ---------------------------------------------------------------- numeric

  static Object abs(Object x) {
    if (x instanceof Long) {
      long l = (Long) x;
      if (l == Long.MIN_VALUE) {
        throw Arith.overflow();
      }
      return Math.abs(l);
    }
    if (x instanceof BigDecimal) {
      return ((BigDecimal) x).abs();
    }
    return Math.abs(Values.toDouble(x));
  }

  /** ROUND(x, digits): half away from zero, as SQLite; keeps the operand's kind. */
  static Object round(Object x, long digits) {
    int d = (int) Math.max(-40, Math.min(40, digits));
    if (x instanceof Long) {
      if (d >= 0) {
        return x;
      }
      return BigDecimal.valueOf((Long) x).setScale(d, RoundingMode.HALF_UP).longValue();
    }
    if (x instanceof BigDecimal) {
      return ((BigDecimal) x).setScale(d, RoundingMode.HALF_UP);
    }
    double v = Values.toDouble(x);
    if (!Double.isFinite(v)) {
      return v;
    }
    // Round the shortest decimal form (2.675 rounds like the 2.675 the user wrote).
    return new BigDecimal(Double.toString(v)).setScale(d, RoundingMode.HALF_UP).doubleValue();
  }

  static Object truncate(Object x, long digits) {
    int d = (int) Math.max(-40, Math.min(40, digits));
    if (x instanceof Long) {
      if (d >= 0) {
        return x;
      }
      return BigDecimal.valueOf((Long) x).setScale(d, RoundingMode.DOWN).longValue();
    }
    if (x instanceof BigDecimal) {
      return ((BigDecimal) x).setScale(d, RoundingMode.DOWN);
    }
    double v = Values.toDouble(x);
    if (!Double.isFinite(v)) {
      return v;
    }
    return new BigDecimal(Double.toString(v)).setScale(d, RoundingMode.DOWN).doubleValue();
  }

  static Object floorOrCeil(Object x, boolean floor) {
    if (x instanceof Long) {
      return x;
    }
    if (x instanceof BigDecimal) {
      return ((BigDecimal) x).setScale(0, floor ? RoundingMode.FLOOR : RoundingMode.CEILING);
    }
    double v = Values.toDouble(x);
    return floor ? Math.floor(v) : Math.ceil(v);
  }

  static Object sign(Object x) {
    if (x instanceof Long) {
      return (long) Long.signum((Long) x);
    }
    if (x instanceof BigDecimal) {
      return BigDecimal.valueOf(((BigDecimal) x).signum());
    }
    return Math.signum(Values.toDouble(x));
  }

  /** A real-valued function whose result is NULL outside its domain (as SQLite's math functions). */
  static Object real(double r) {
    return Double.isNaN(r) ? null : (Object) r;
  }

  // ---------------------------------------------------------------- strings

  static String text(Object v) {
    return Values.toText(v);
  }

  static Object charLength(Object x) {
    if (x instanceof byte[]) {
      return (long) ((byte[]) x).length;
    }
    String s = text(x);
    return (long) s.codePointCount(0, s.length());
  }

  static Object upper(Object x) {
    return text(x).toUpperCase(Locale.ROOT);
  }

  static Object lower(Object x) {
    return text(x).toLowerCase(Locale.ROOT);
  }

  static Object initcap(Object x) {
    String s = text(x);
    StringBuilder sb = new StringBuilder(s.length());
    boolean start = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
      start = !Character.isLetterOrDigit(c);
    }
    return sb.toString();
  }

  /** SQL SUBSTRING(s FROM start [FOR length]): positions before 1 shorten the result. */
  static Object substring(Object str, Object startV, Object lenV) {
    String s = text(str);
    long start = Values.toLong(startV);
    long end;
    if (lenV == null) {
      end = Long.MAX_VALUE;
    } else {
      long len = Values.toLong(lenV);
      if (len < 0) {
        throw new StrataException(Reason.DATA, "negative substring length " + len);
      }
      end = start > Long.MAX_VALUE - len ? Long.MAX_VALUE : start + len; // [start, end) 1-based
    }
    long from = Math.max(start, 1);
    long to = Math.min(end, (long) s.length() + 1);
    if (from >= to) {
      return "";
    }
    return s.substring((int) from - 1, (int) to - 1);
  }

  /** SQLite's substr(s, start [, len]): a negative start counts from the end. */
  static Object substr(Object str, Object startV, Object lenV) {
    String s = text(str);
    long start = Values.toLong(startV);
    if (start < 0) {
      start = s.length() + start + 1;
      if (start < 1 && lenV != null) {
        long len = Values.toLong(lenV) + start - 1;
        return substring(s, 1L, Math.max(0, len));
      }
    } else if (start == 0) {
      if (lenV == null) {
        return s;
      }
      return substring(s, 1L, Math.max(0, Values.toLong(lenV) - 1));
    }
    if (lenV != null && Values.toLong(lenV) < 0) {
      long len = -Values.toLong(lenV);
      long from = Math.max(1, start - len);
      return substring(s, from, start - from);
    }
    return substring(s, start, lenV);
  }

  static Object trim(boolean leading, boolean trailing, Object chars, Object str) {
    String s = text(str);
    String set = text(chars);
    int b = 0;
    int e = s.length();
    if (leading) {
      while (b < e && set.indexOf(s.charAt(b)) >= 0) {
        b++;
      }
    }
    if (trailing) {
      while (e > b && set.indexOf(s.charAt(e - 1)) >= 0) {
        e--;
      }
    }
    return s.substring(b, e);
  }

  /** POSITION(needle IN haystack [FROM start]): 1-based, 0 when absent. */
  static Object position(Object needle, Object hay, Object fromV) {
    String n = text(needle);
    String h = text(hay);
    int from = fromV == null ? 0 : (int) Math.max(0, Math.min(h.length() + 1, Values.toLong(fromV) - 1));
    return (long) (h.indexOf(n, from) + 1);
  }

  static Object concat(Object x, Object y) {
    return text(x).concat(text(y));
  }

  static Object replace(Object s, Object from, Object to) {
    String f = text(from);
    if (f.isEmpty()) {
      return text(s);
    }
    return text(s).replace(f, text(to));
  }

  /** GREATEST/LEAST over non-null arguments. */
  static Object extreme(Object[] args, boolean greatest) {
    Object best = args[0];
    for (int i = 1; i < args.length; i++) {
      int c = Values.compare(args[i], best);
      if (greatest ? c > 0 : c < 0) {
        best = args[i];
      }
    }
    return best;
  }
}
