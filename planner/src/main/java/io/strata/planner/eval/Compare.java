package io.strata.planner.eval;

/**
 * Comparison evaluators: {@code = <> < <= > >=} (NULL when an operand is NULL) and
 * {@code IS [NOT] DISTINCT FROM} (never NULL). Values of different numeric classes compare by
 * value, see {@link Values#compare}.
 */
final class Compare {

  private Compare() {}

  static final int EQ = 0;
  static final int NE = 1;
  static final int LT = 2;
  static final int LE = 3;
  static final int GT = 4;
  static final int GE = 5;

  static boolean holds(int op, int c) {
    switch (op) {
      case EQ:
        return c == 0;
      case NE:
        return c != 0;
      case LT:
        return c < 0;
      case LE:
        return c <= 0;
      case GT:
        return c > 0;
      default:
        return c >= 0;
    }
  }

  /** The comparison with its operands swapped: {@code a < b} is {@code b > a}. */
  static int flip(int op) {
    switch (op) {
      case LT:
        return GT;
      case LE:
        return GE;
      case GT:
        return LT;
      case GE:
        return LE;
      default:
        return op;
    }
  }

  static final class Cmp extends Evaluator {
    private final int op;
    private final Evaluator a;
    private final Evaluator b;

    Cmp(int op, Evaluator a, Evaluator b) {
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
      int c = (x instanceof Long && y instanceof Long)
          ? Long.compare((Long) x, (Long) y) : Values.compare(x, y);
      return holds(op, c) ? Boolean.TRUE : Boolean.FALSE;
    }
  }

  /** A column compared with a constant, the commonest predicate: one virtual call less. */
  static final class CmpRefConst extends Evaluator {
    private final int op;
    private final int index;
    private final Object constant;
    private final boolean longConst;
    private final long l;

    CmpRefConst(int op, int index, Object constant) {
      this.op = op;
      this.index = index;
      this.constant = constant;
      this.longConst = constant instanceof Long;
      this.l = longConst ? (Long) constant : 0;
    }

    @Override
    public Object eval(Object[] row, Bindings bs) {
      Object x = row[index];
      if (x == null) {
        return null;
      }
      int c = (longConst && x instanceof Long)
          ? Long.compare((Long) x, l) : Values.compare(x, constant);
      return holds(op, c) ? Boolean.TRUE : Boolean.FALSE;
    }
  }

  static final class Distinct extends Evaluator {
    private final boolean distinct;
    private final Evaluator a;
    private final Evaluator b;

    Distinct(boolean distinct, Evaluator a, Evaluator b) {
      this.distinct = distinct;
      this.a = a;
      this.b = b;
    }

    @Override
    public Object eval(Object[] row, Bindings bs) {
      boolean same = Values.same(a.eval(row, bs), b.eval(row, bs));
      return same != distinct ? Boolean.TRUE : Boolean.FALSE;
    }
  }
}
