package io.strata.planner.eval;

import io.strata.planner.StrataException;
import io.strata.planner.StrataException.Reason;
import java.math.BigDecimal;
import java.math.MathContext;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Arithmetic evaluators, specialised on the result kind Calcite derived: 64-bit integer, double,
 * decimal, interval, or decided per row when the type says nothing. Division and modulo by zero
 * yield NULL; integer overflow raises {@code DATA}; integer division truncates toward zero.
 */
final class Arith {

  private Arith() {}

  static final int PLUS = 0;
  static final int MINUS = 1;
  static final int TIMES = 2;
  static final int DIVIDE = 3;
  static final int MOD = 4;

  static StrataException overflow() {
    return new StrataException(Reason.NUMERIC_OUT_OF_RANGE, "integer overflow");
  }

  /** Returns the evaluator for {@code a op b} whose result has {@code type}. */
  static Evaluator binary(int op, Evaluator a, Evaluator b, RelDataType type) {
    switch (Kind.of(type)) {
      case LONG:
      case INTERVAL_MILLIS:
      case INTERVAL_MONTHS:
        return new LongOp(op, a, b);
      case DOUBLE:
        return new DoubleOp(op, a, b);
      case DECIMAL:
        return new DecimalOp(op, a, b, type);
      default:
        return new GenericOp(op, a, b);
    }
  }

  static Object longOp(int op, long x, long y) {
    try {
      switch (op) {
        case PLUS:
          return Math.addExact(x, y);
        case MINUS:
          return Math.subtractExact(x, y);
        case TIMES:
          return Math.multiplyExact(x, y);
        case DIVIDE:
          if (y == 0) {
            return null;
          }
          if (x == Long.MIN_VALUE && y == -1) {
            throw overflow();
          }
          return x / y;
        default:
          return y == 0 ? null : (Object) (x % y);
      }
    } catch (ArithmeticException e) {
      throw overflow();
    }
  }

  static Object doubleOp(int op, double x, double y) {
    switch (op) {
      case PLUS:
        return x + y;
      case MINUS:
        return x - y;
      case TIMES:
        return x * y;
      case DIVIDE:
        return y == 0.0 ? null : (Object) (x / y);
      default:
        // SQLite's % works on the integer parts of its operands.
        long ly = Values.doubleToLong(y);
        if (ly == 0) {
          return null;
        }
        return (double) (Values.doubleToLong(x) % ly);
    }
  }

  static Object decimalOp(int op, BigDecimal x, BigDecimal y) {
    switch (op) {
      case PLUS:
        return x.add(y);
      case MINUS:
        return x.subtract(y);
      case TIMES:
        return x.multiply(y);
      case DIVIDE:
        if (y.signum() == 0) {
          return null;
        }
        BigDecimal q = x.divide(y, MathContext.DECIMAL128).stripTrailingZeros();
        return q.scale() < 0 ? q.setScale(0) : q;
      default:
        return y.signum() == 0 ? null : x.remainder(y);
    }
  }

  /** {@code a op b} by the runtime classes of the operands (Long, then Double, else BigDecimal). */
  static Object genericOp(int op, Object x, Object y) {
    if (x instanceof Long && y instanceof Long) {
      return longOp(op, (Long) x, (Long) y);
    }
    if (x instanceof String) {
      x = numericOfText((String) x);
    }
    if (y instanceof String) {
      y = numericOfText((String) y);
    }
    if (x instanceof Long && y instanceof Long) {
      return longOp(op, (Long) x, (Long) y);
    }
    if (x instanceof BigDecimal || y instanceof BigDecimal) {
      if (!(x instanceof Double) && !(y instanceof Double)) {
        return decimalOp(op, Values.toDecimal(x), Values.toDecimal(y));
      }
    }
    return doubleOp(op, Values.toDouble(x), Values.toDouble(y));
  }

  /** SQLite's numeric value of text in arithmetic: an integer if it reads as one, else a real. */
  static Object numericOfText(String s) {
    int end = Values.numericPrefixEnd(s, true);
    int intEnd = Values.numericPrefixEnd(s, false);
    if (end == intEnd) {
      return Values.parseLongPrefix(s);
    }
    return Values.parseDoublePrefix(s);
  }

  private static final class LongOp extends Evaluator {
    private final int op;
    private final Evaluator a;
    private final Evaluator b;

    LongOp(int op, Evaluator a, Evaluator b) {
      this.op = op;
      this.a = a;
      this.b = b;
    }

    @Override
    public Object eval(Object[] row, Bindings bs) {
      Object x = a.eval(row, bs);
      if (x == null) {
        return null;
      }
      Object y = b.eval(row, bs);
      if (y == null) {
        return null;
      }
      if (x instanceof Long && y instanceof Long) {
        return longOp(op, (Long) x, (Long) y);
      }
      // Calcite typed the result as an integer but an operand is not one (e.g. a REAL parameter
      // of an integer-typed expression): compute by value and truncate, as SQLite's CAST would.
      Object r = genericOp(op, x, y);
      return r == null || r instanceof Long ? r : (Object) Values.toLong(r);
    }
  }

  private static final class DoubleOp extends Evaluator {
    private final int op;
    private final Evaluator a;
    private final Evaluator b;

    DoubleOp(int op, Evaluator a, Evaluator b) {
      this.op = op;
      this.a = a;
      this.b = b;
    }

    @Override
    public Object eval(Object[] row, Bindings bs) {
      Object x = a.eval(row, bs);
      if (x == null) {
        return null;
      }
      Object y = b.eval(row, bs);
      if (y == null) {
        return null;
      }
      return doubleOp(op, Values.toDouble(x), Values.toDouble(y));
    }
  }

  private static final class DecimalOp extends Evaluator {
    private final int op;
    private final Evaluator a;
    private final Evaluator b;
    private final RelDataType type;

    DecimalOp(int op, Evaluator a, Evaluator b, RelDataType type) {
      this.op = op;
      this.a = a;
      this.b = b;
      this.type = type;
    }

    @Override
    public Object eval(Object[] row, Bindings bs) {
      Object x = a.eval(row, bs);
      if (x == null) {
        return null;
      }
      Object y = b.eval(row, bs);
      if (y == null) {
        return null;
      }
      if (x instanceof Double || y instanceof Double) {
        // an approximate operand makes the result approximate, as in SQLite
        return doubleOp(op, Values.toDouble(x), Values.toDouble(y));
      }
      BigDecimal r = (BigDecimal) decimalOp(op, Values.toDecimal(x), Values.toDecimal(y));
      if (r == null || op == DIVIDE) {
        return r;
      }
      return r.scale() > type.getScale() && type.getScale() >= 0 ? Casts.fitDecimal(r, type) : r;
    }
  }

  private static final class GenericOp extends Evaluator {
    private final int op;
    private final Evaluator a;
    private final Evaluator b;

    GenericOp(int op, Evaluator a, Evaluator b) {
      this.op = op;
      this.a = a;
      this.b = b;
    }

    @Override
    public Object eval(Object[] row, Bindings bs) {
      Object x = a.eval(row, bs);
      if (x == null) {
        return null;
      }
      Object y = b.eval(row, bs);
      if (y == null) {
        return null;
      }
      return genericOp(op, x, y);
    }
  }

  /** Unary minus. */
  static final class Negate extends Evaluator {
    private final Evaluator a;

    Negate(Evaluator a) {
      this.a = a;
    }

    @Override
    public Object eval(Object[] row, Bindings bs) {
      Object x = a.eval(row, bs);
      if (x == null) {
        return null;
      }
      if (x instanceof Long) {
        long l = (Long) x;
        if (l == Long.MIN_VALUE) {
          throw overflow();
        }
        return -l;
      }
      if (x instanceof Double) {
        return -(Double) x;
      }
      if (x instanceof BigDecimal) {
        return ((BigDecimal) x).negate();
      }
      Object n = x instanceof String ? numericOfText((String) x) : (Object) Values.toDouble(x);
      return genericOp(MINUS, 0L, n);
    }
  }
}
