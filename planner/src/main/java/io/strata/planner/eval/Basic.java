package io.strata.planner.eval;

import io.strata.planner.StrataException;
import io.strata.planner.StrataException.Reason;

/** Leaves and control flow: column, constant, parameter, correlation field, CASE, COALESCE. */
final class Basic {

  private Basic() {}

  static final class InputRef extends Evaluator {
    final int index;

    InputRef(int index) {
      this.index = index;
    }

    @Override
    public Object eval(Object[] row, Bindings bs) {
      return row[index];
    }
  }

  static final class Const extends Evaluator {
    final Object value;

    Const(Object value) {
      this.value = value;
    }

    @Override
    public Object eval(Object[] row, Bindings bs) {
      return value;
    }
  }

  /** A dynamic parameter, converted to the representation of the type Calcite inferred for it. */
  static final class Param extends Evaluator {
    private final int index;
    private final Kind kind;

    Param(int index, Kind kind) {
      this.index = index;
      this.kind = kind;
    }

    @Override
    public Object eval(Object[] row, Bindings bs) {
      Object v = bs.param(index);
      if (v == null || kind == Kind.OTHER) {
        return v;
      }
      if (kind.isNumeric() && v instanceof String) {
        String s = (String) v;
        int end = Values.numericPrefixEnd(s, true);
        if (end == 0 || !s.substring(end).trim().isEmpty()) {
          throw new StrataException(Reason.BAD_PARAMETER,
              "parameter " + (index + 1) + ": '" + s + "' is not a number");
        }
      }
      return Casts.convert(v, kind);
    }
  }

  /** {@code $corN.field}: a field of the row bound to a correlation variable. */
  static final class CorrelField extends Evaluator {
    private final int id;
    private final int field;

    CorrelField(int id, int field) {
      this.id = id;
      this.field = field;
    }

    @Override
    public Object eval(Object[] row, Bindings bs) {
      Object[] r = bs.correl(id);
      return r == null ? null : r[field];
    }
  }

  /** Converts a non-null result to the representation of the expression's declared type. */
  static final class Coerce extends Evaluator {
    private final Evaluator a;
    private final Kind kind;

    Coerce(Evaluator a, Kind kind) {
      this.a = a;
      this.kind = kind;
    }

    @Override
    public Object eval(Object[] row, Bindings bs) {
      Object v = a.eval(row, bs);
      return v == null ? null : Casts.convert(v, kind);
    }
  }

  /** Searched CASE: when/then pairs then the ELSE value (operands as Calcite orders them). */
  static final class Case extends Evaluator {
    private final Evaluator[] whens;
    private final Evaluator[] thens;
    private final Evaluator otherwise;

    Case(Evaluator[] whens, Evaluator[] thens, Evaluator otherwise) {
      this.whens = whens;
      this.thens = thens;
      this.otherwise = otherwise;
    }

    @Override
    public Object eval(Object[] row, Bindings bs) {
      for (int i = 0; i < whens.length; i++) {
        Object c = whens[i].eval(row, bs);
        if (c != null && Values.toBoolean(c)) {
          return thens[i].eval(row, bs);
        }
      }
      return otherwise.eval(row, bs);
    }
  }

  static final class Coalesce extends Evaluator {
    private final Evaluator[] ops;

    Coalesce(Evaluator[] ops) {
      this.ops = ops;
    }

    @Override
    public Object eval(Object[] row, Bindings bs) {
      for (Evaluator e : ops) {
        Object v = e.eval(row, bs);
        if (v != null) {
          return v;
        }
      }
      return null;
    }
  }

  static final class NullIf extends Evaluator {
    private final Evaluator a;
    private final Evaluator b;

    NullIf(Evaluator a, Evaluator b) {
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
      return y != null && Values.compare(x, y) == 0 ? null : x;
    }
  }
}
