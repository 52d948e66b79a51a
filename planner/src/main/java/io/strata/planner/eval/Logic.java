package io.strata.planner.eval;

/**
 * Three-valued logic: AND, OR, NOT and the IS [NOT] TRUE/FALSE/NULL tests. AND and OR stop at the
 * first operand that decides the result (FALSE, respectively TRUE).
 */
final class Logic {

  private Logic() {}

  static final class And extends Evaluator {
    private final Evaluator[] ops;

    And(Evaluator[] ops) {
      this.ops = ops;
    }

    @Override
    public Object eval(Object[] row, Bindings bs) {
      boolean sawNull = false;
      for (Evaluator e : ops) {
        Object v = e.eval(row, bs);
        if (v == null) {
          sawNull = true;
        } else if (!Values.toBoolean(v)) {
          return Boolean.FALSE;
        }
      }
      return sawNull ? null : Boolean.TRUE;
    }
  }

  static final class Or extends Evaluator {
    private final Evaluator[] ops;

    Or(Evaluator[] ops) {
      this.ops = ops;
    }

    @Override
    public Object eval(Object[] row, Bindings bs) {
      boolean sawNull = false;
      for (Evaluator e : ops) {
        Object v = e.eval(row, bs);
        if (v == null) {
          sawNull = true;
        } else if (Values.toBoolean(v)) {
          return Boolean.TRUE;
        }
      }
      return sawNull ? null : Boolean.FALSE;
    }
  }

  static final class Not extends Evaluator {
    private final Evaluator a;

    Not(Evaluator a) {
      this.a = a;
    }

    @Override
    public Object eval(Object[] row, Bindings bs) {
      Object v = a.eval(row, bs);
      return v == null ? null : Values.toBoolean(v) ? Boolean.FALSE : Boolean.TRUE;
    }
  }

  static final int IS_NULL = 0;
  static final int IS_NOT_NULL = 1;
  static final int IS_TRUE = 2;
  static final int IS_NOT_TRUE = 3;
  static final int IS_FALSE = 4;
  static final int IS_NOT_FALSE = 5;

  /** IS [NOT] NULL / TRUE / FALSE: never NULL. */
  static final class Is extends Evaluator {
    private final int test;
    private final Evaluator a;

    Is(int test, Evaluator a) {
      this.test = test;
      this.a = a;
    }

    @Override
    public Object eval(Object[] row, Bindings bs) {
      Object v = a.eval(row, bs);
      boolean r;
      switch (test) {
        case IS_NULL:
          r = v == null;
          break;
        case IS_NOT_NULL:
          r = v != null;
          break;
        case IS_TRUE:
          r = v != null && Values.toBoolean(v);
          break;
        case IS_NOT_TRUE:
          r = v == null || !Values.toBoolean(v);
          break;
        case IS_FALSE:
          r = v != null && !Values.toBoolean(v);
          break;
        default:
          r = v == null || Values.toBoolean(v);
          break;
      }
      return r ? Boolean.TRUE : Boolean.FALSE;
    }
  }
}
