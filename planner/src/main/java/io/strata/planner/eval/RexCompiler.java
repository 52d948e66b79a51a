package io.strata.planner.eval;

import io.strata.planner.StrataException;
import io.strata.planner.StrataException.Reason;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.util.Sarg;

/**
 * Compiles a {@link RexNode} into an {@link Evaluator}. Compilation happens once per plan; an
 * expression the evaluator does not support fails here with {@code UNSUPPORTED}, never later.
 */
public final class RexCompiler {

  private RexCompiler() {}

  /** Compiles each expression of a list. */
  public static Evaluator[] compile(List<? extends RexNode> exprs) {
    Evaluator[] out = new Evaluator[exprs.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = compile(exprs.get(i));
    }
    return out;
  }

  /** Compiles one expression. */
  public static Evaluator compile(RexNode e) {
    if (e instanceof RexInputRef) {
      return new Basic.InputRef(((RexInputRef) e).getIndex());
    }
    if (e instanceof RexLiteral) {
      return new Basic.Const(Literals.value((RexLiteral) e));
    }
    if (e instanceof RexDynamicParam) {
      RexDynamicParam p = (RexDynamicParam) e;
      return new Basic.Param(p.getIndex(), Kind.of(p.getType()));
    }
    if (e instanceof RexFieldAccess) {
      RexFieldAccess fa = (RexFieldAccess) e;
      if (fa.getReferenceExpr() instanceof RexCorrelVariable) {
        RexCorrelVariable cv = (RexCorrelVariable) fa.getReferenceExpr();
        return new Basic.CorrelField(cv.id.getId(), fa.getField().getIndex());
      }
      throw unsupported("field access " + e);
    }
    if (e instanceof RexCall) {
      return call((RexCall) e);
    }
    throw unsupported("expression " + e);
  }

  /** Wraps {@code ev} so that its non-null results have the representation of {@code type}. */
  static Evaluator typed(Evaluator ev, RelDataType type) {
    Kind k = Kind.of(type);
    if (k == Kind.OTHER || k == Kind.BOOLEAN) {
      return ev;
    }
    return new Basic.Coerce(ev, k);
  }

  private static StrataException unsupported(String what) {
    return new StrataException(Reason.UNSUPPORTED, "not supported: " + what);
  }

  private static Evaluator call(RexCall c) {
    List<RexNode> ops = c.getOperands();
    SqlKind kind = c.getKind();
    switch (kind) {
      case AND:
        return new Logic.And(compile(ops));
      case OR:
        return new Logic.Or(compile(ops));
      case NOT:
        return new Logic.Not(compile(ops.get(0)));
      case EQUALS:
        return comparison(Compare.EQ, c);
      case NOT_EQUALS:
        return comparison(Compare.NE, c);
      case LESS_THAN:
        return comparison(Compare.LT, c);
      case LESS_THAN_OR_EQUAL:
        return comparison(Compare.LE, c);
      case GREATER_THAN:
        return comparison(Compare.GT, c);
      case GREATER_THAN_OR_EQUAL:
        return comparison(Compare.GE, c);
      case IS_DISTINCT_FROM:
        return new Compare.Distinct(true, compile(ops.get(0)), compile(ops.get(1)));
      case IS_NOT_DISTINCT_FROM:
        return new Compare.Distinct(false, compile(ops.get(0)), compile(ops.get(1)));
      case IS_NULL:
        return new Logic.Is(Logic.IS_NULL, compile(ops.get(0)));
      case IS_NOT_NULL:
        return new Logic.Is(Logic.IS_NOT_NULL, compile(ops.get(0)));
      case IS_TRUE:
        return new Logic.Is(Logic.IS_TRUE, compile(ops.get(0)));
      case IS_NOT_TRUE:
        return new Logic.Is(Logic.IS_NOT_TRUE, compile(ops.get(0)));
      case IS_FALSE:
        return new Logic.Is(Logic.IS_FALSE, compile(ops.get(0)));
      case IS_NOT_FALSE:
        return new Logic.Is(Logic.IS_NOT_FALSE, compile(ops.get(0)));
      case PLUS:
        return plusMinus(c, true);
      case MINUS:
        return plusMinus(c, false);
      case TIMES:
        return Arith.binary(Arith.TIMES, compile(ops.get(0)), compile(ops.get(1)), c.getType());
      case DIVIDE:
        return Arith.binary(Arith.DIVIDE, compile(ops.get(0)), compile(ops.get(1)), c.getType());
      case MOD:
        return Arith.binary(Arith.MOD, compile(ops.get(0)), compile(ops.get(1)), c.getType());
      case MINUS_PREFIX:
        return new Arith.Negate(compile(ops.get(0)));
      case PLUS_PREFIX:
      case REINTERPRET:
        return compile(ops.get(0));
      case CAST:
        return cast(c);
      case SAFE_CAST:
        return new SafeCast(cast(c));
      case CASE:
        return caseWhen(c);
      case COALESCE:
        return typed(new Basic.Coalesce(compile(ops)), c.getType());
      case NULLIF:
        return new Basic.NullIf(compile(ops.get(0)), compile(ops.get(1)));
      case SEARCH:
        return search(c);
      case LIKE:
        return like(c);
      case EXTRACT:
        return extract(c);
      case TRIM:
        return trim(c);
      case POSITION:
        if (ops.size() == 2) {
          return new Functions.Strict2(compile(ops.get(0)), compile(ops.get(1)),
              (x, y) -> Functions.position(x, y, null));
        }
        return new Functions.StrictN(compile(ops), a -> Functions.position(a[0], a[1], a[2]));
      case FLOOR:
      case CEIL:
        if (ops.size() != 1) {
          throw unsupported(c.getOperator().getName() + " of a date or time");
        }
        boolean floor = kind == SqlKind.FLOOR;
        return new Functions.Strict1(compile(ops.get(0)), x -> Functions.floorOrCeil(x, floor));
      case GREATEST:
        return typed(new Functions.StrictN(compile(ops), a -> Functions.extreme(a, true)),
            c.getType());
      case LEAST:
        return typed(new Functions.StrictN(compile(ops), a -> Functions.extreme(a, false)),
            c.getType());
      default:
        return byName(c);
    }
  }

  private static Evaluator comparison(int op, RexCall c) {
    RexNode a = c.getOperands().get(0);
    RexNode b = c.getOperands().get(1);
    if (a instanceof RexLiteral && !(b instanceof RexLiteral)) {
      RexNode t = a;
      a = b;
      b = t;
      op = Compare.flip(op);
    }
    if (b instanceof RexLiteral && ((RexLiteral) b).isNull()) {
      return new Basic.Const(null);
    }
    if (a instanceof RexInputRef && b instanceof RexLiteral) {
      return new Compare.CmpRefConst(op, ((RexInputRef) a).getIndex(),
          Literals.value((RexLiteral) b));
    }
    return new Compare.Cmp(op, compile(a), compile(b));
  }

  private static Evaluator plusMinus(RexCall c, boolean plus) {
    RexNode a = c.getOperands().get(0);
    RexNode b = c.getOperands().get(1);
    Kind ka = Kind.of(a.getType());
    Kind kb = Kind.of(b.getType());
    Evaluator ea = compile(a);
    Evaluator eb = compile(b);
    if (ka.isTemporal() && kb.isInterval()) {
      boolean months = kb == Kind.INTERVAL_MONTHS;
      return new Functions.Strict2(ea, eb, (x, y) ->
          DateTimes.plus(x, plus ? Values.toLong(y) : -Values.toLong(y), months));
    }
    if (plus && ka.isInterval() && kb.isTemporal()) {
      boolean months = ka == Kind.INTERVAL_MONTHS;
      return new Functions.Strict2(ea, eb, (x, y) -> DateTimes.plus(y, Values.toLong(x), months));
    }
    if (!plus && ka.isTemporal() && kb.isTemporal()) {
      boolean months = Kind.of(c.getType()) == Kind.INTERVAL_MONTHS;
      return new Functions.Strict2(ea, eb, (x, y) -> DateTimes.minus(x, y, months));
    }
    return Arith.binary(plus ? Arith.PLUS : Arith.MINUS, ea, eb, c.getType());
  }

  private static Evaluator cast(RexCall c) {
    RexNode operand = c.getOperands().get(0);
    Kind from = Kind.of(operand.getType());
    Kind to = Kind.of(c.getType());
    Evaluator e = compile(operand);
    if (from == to && to != Kind.DECIMAL && to != Kind.TIMESTAMP && to != Kind.TIME
        && to != Kind.OTHER) {
      // same representation: only a width/nullability change, which Strata does not enforce
      return to == Kind.STRING || to == Kind.BINARY ? e : typed(e, c.getType());
    }
    if (from.isInterval() && to.isNumeric() || from.isNumeric() && to.isInterval()) {
      return typed(e, c.getType());
    }
    return new Casts.Cast(e, c.getType());
  }

  /** CAST that yields NULL instead of failing. */
  private static final class SafeCast extends Evaluator {
    private final Evaluator cast;

    SafeCast(Evaluator cast) {
      this.cast = cast;
    }

    @Override
    public Object eval(Object[] row, Bindings bs) {
      try {
        return cast.eval(row, bs);
      } catch (StrataException e) {
        return null;
      }
    }
  }

  private static Evaluator caseWhen(RexCall c) {
    List<RexNode> ops = c.getOperands();
    int pairs = (ops.size() - 1) / 2;
    Evaluator[] whens = new Evaluator[pairs];
    Evaluator[] thens = new Evaluator[pairs];
    for (int i = 0; i < pairs; i++) {
      whens[i] = compile(ops.get(2 * i));
      thens[i] = compile(ops.get(2 * i + 1));
    }
    Evaluator otherwise = compile(ops.get(ops.size() - 1));
    return typed(new Basic.Case(whens, thens, otherwise), c.getType());
  }

  private static Evaluator search(RexCall c) {
    RexNode operand = c.getOperands().get(0);
    RexLiteral lit = (RexLiteral) c.getOperands().get(1);
    Sarg<?> sarg = lit.getValueAs(Sarg.class);
    return new SargEvaluator(compile(operand), sarg, Kind.of(operand.getType()));
  }

  private static Evaluator like(RexCall c) {
    if (!(c.getOperator() instanceof SqlLikeOperator)) {
      throw unsupported(c.getOperator().getName());
    }
    boolean negated = ((SqlLikeOperator) c.getOperator()).isNegated();
    List<RexNode> ops = c.getOperands();
    Evaluator subject = compile(ops.get(0));
    RexNode pattern = ops.get(1);
    RexNode escape = ops.size() > 2 ? ops.get(2) : null;
    boolean constEscape = escape == null || escape instanceof RexLiteral;
    if (pattern instanceof RexLiteral && constEscape) {
      Object p = Literals.value((RexLiteral) pattern);
      Object esc = escape == null ? null : Literals.value((RexLiteral) escape);
      if (p == null || (escape != null && esc == null)) {
        return new Basic.Const(null);
      }
      return new Like.ConstPattern(subject, Like.compile(Values.toText(p), Like.escapeChar(esc)),
          negated);
    }
    return new Like.DynamicPattern(subject, compile(pattern),
        escape == null ? null : compile(escape), negated);
  }

  private static Evaluator extract(RexCall c) {
    RexLiteral flag = (RexLiteral) c.getOperands().get(0);
    TimeUnitRange unit = flag.getValueAs(TimeUnitRange.class);
    return new Functions.Strict1(compile(c.getOperands().get(1)), v -> DateTimes.extract(unit, v));
  }

  private static Evaluator trim(RexCall c) {
    List<RexNode> ops = c.getOperands();
    SqlTrimFunction.Flag flag = ((RexLiteral) ops.get(0)).getValueAs(SqlTrimFunction.Flag.class);
    boolean leading = flag != SqlTrimFunction.Flag.TRAILING;
    boolean trailing = flag != SqlTrimFunction.Flag.LEADING;
    return new Functions.Strict2(compile(ops.get(1)), compile(ops.get(2)),
        (chars, s) -> Functions.trim(leading, trailing, chars, s));
  }

  private static Evaluator byName(RexCall c) {
    String name = c.getOperator().getName().toUpperCase(Locale.ROOT);
    List<RexNode> ops = c.getOperands();
    int n = ops.size();
    switch (name) {
      case "ABS":
        return new Functions.Strict1(compile(ops.get(0)), Functions::abs);
      case "ROUND":
      case "TRUNCATE":
      case "TRUNC": {
        boolean round = name.equals("ROUND");
        if (n == 1) {
          return new Functions.Strict1(compile(ops.get(0)),
              x -> round ? Functions.round(x, 0) : Functions.truncate(x, 0));
        }
        return new Functions.Strict2(compile(ops.get(0)), compile(ops.get(1)),
            (x, d) -> round ? Functions.round(x, Values.toLong(d))
                : Functions.truncate(x, Values.toLong(d)));
      }
      case "MOD":
        return Arith.binary(Arith.MOD, compile(ops.get(0)), compile(ops.get(1)), c.getType());
      case "SIGN":
        return new Functions.Strict1(compile(ops.get(0)), Functions::sign);
      case "POWER":
      case "POW":
        return new Functions.Strict2(compile(ops.get(0)), compile(ops.get(1)),
            (x, y) -> Functions.real(Math.pow(Values.toDouble(x), Values.toDouble(y))));
      case "SQRT":
        return new Functions.Strict1(compile(ops.get(0)),
            x -> Functions.real(Math.sqrt(Values.toDouble(x))));
      case "EXP":
        return new Functions.Strict1(compile(ops.get(0)),
            x -> Functions.real(Math.exp(Values.toDouble(x))));
      case "LN":
        return new Functions.Strict1(compile(ops.get(0)),
            x -> Values.toDouble(x) <= 0 ? null : Functions.real(Math.log(Values.toDouble(x))));
      case "LOG10":
        return new Functions.Strict1(compile(ops.get(0)),
            x -> Values.toDouble(x) <= 0 ? null : Functions.real(Math.log10(Values.toDouble(x))));
      case "CHAR_LENGTH":
      case "CHARACTER_LENGTH":
      case "LENGTH":
      case "LEN":
        return new Functions.Strict1(compile(ops.get(0)), Functions::charLength);
      case "OCTET_LENGTH":
        return new Functions.Strict1(compile(ops.get(0)), x -> (long) (x instanceof byte[]
            ? ((byte[]) x).length
            : Values.toText(x).getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
      case "UPPER":
      case "UCASE":
        return new Functions.Strict1(compile(ops.get(0)), Functions::upper);
      case "LOWER":
      case "LCASE":
        return new Functions.Strict1(compile(ops.get(0)), Functions::lower);
      case "INITCAP":
        return new Functions.Strict1(compile(ops.get(0)), Functions::initcap);
      case "SUBSTRING":
        if (n == 2) {
          return new Functions.Strict2(compile(ops.get(0)), compile(ops.get(1)),
              (s, st) -> Functions.substring(s, st, null));
        }
        return new Functions.StrictN(compile(ops), a -> Functions.substring(a[0], a[1], a[2]));
      case "SUBSTR":
        if (n == 2) {
          return new Functions.Strict2(compile(ops.get(0)), compile(ops.get(1)),
              (s, st) -> Functions.substr(s, st, null));
        }
        return new Functions.StrictN(compile(ops), a -> Functions.substr(a[0], a[1], a[2]));
      case "||":
      case "CONCAT":
        if (n == 2) {
          return new Functions.Strict2(compile(ops.get(0)), compile(ops.get(1)),
              Functions::concat);
        }
        return new Functions.StrictN(compile(ops), a -> {
          StringBuilder sb = new StringBuilder();
          for (Object o : a) {
            sb.append(Values.toText(o));
          }
          return sb.toString();
        });
      case "REPLACE":
        return new Functions.StrictN(compile(ops), a -> Functions.replace(a[0], a[1], a[2]));
      case "LTRIM":
      case "RTRIM":
      case "BTRIM": {
        boolean l = !name.equals("RTRIM");
        boolean r = !name.equals("LTRIM");
        if (n == 1) {
          return new Functions.Strict1(compile(ops.get(0)), s -> Functions.trim(l, r, " ", s));
        }
        return new Functions.Strict2(compile(ops.get(0)), compile(ops.get(1)),
            (s, chars) -> Functions.trim(l, r, chars, s));
      }
      case "INSTR":
        return new Functions.Strict2(compile(ops.get(0)), compile(ops.get(1)),
            (h, s) -> Functions.position(s, h, null));
      case "IFNULL":
      case "NVL":
        return typed(new Basic.Coalesce(compile(ops)), c.getType());
      case "CURRENT_TIMESTAMP":
      case "LOCALTIMESTAMP":
        return new Clock(0);
      case "CURRENT_DATE":
        return new Clock(1);
      case "CURRENT_TIME":
      case "LOCALTIME":
        return new Clock(2);
      case "DATETIME_PLUS":
        return plusMinus(c, true);
      default:
        throw unsupported("function " + c.getOperator().getName());
    }
  }

  /** CURRENT_TIMESTAMP (0), CURRENT_DATE (1), CURRENT_TIME (2): the statement's clock. */
  private static final class Clock extends Evaluator {
    private final int what;

    Clock(int what) {
      this.what = what;
    }

    @Override
    public Object eval(Object[] row, Bindings bs) {
      LocalDateTime now = bs.now();
      return what == 0 ? now : what == 1 ? now.toLocalDate() : now.toLocalTime();
    }
  }
}
