package io.strata.planner.exec;

import io.strata.planner.StrataException;
import io.strata.planner.StrataException.Reason;
import io.strata.planner.codec.ColumnBatch;
import io.strata.planner.eval.Values;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashSet;
import java.util.List;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Aggregate functions. An {@link AggFn} is the compiled, immutable form of one
 * {@link AggregateCall}; it creates one {@link Acc} per group. Results are converted to the
 * call's declared type (so SUM of integers is a Long and AVG of integers a Double when the type
 * system says so). Integer sums that overflow 64 bits raise {@code DATA}, as in SQLite.
 */
final class Aggregates {

  private Aggregates() {}

  /** Per-group running state of one aggregate function. */
  abstract static class Acc {
    abstract void add(Object[] row);

    /**
     * Adds every row of the batch, whose columns are the aggregate's input columns. The
     * accumulators a global aggregate over a table scan mostly meets read their column directly;
     * the others see each row as an array.
     */
    void addBatch(ColumnBatch b) {
      for (int r = 0; r < b.size; r++) {
        add(b.row(r));
      }
    }

    abstract Object result();
  }

  /** One aggregate call, compiled. */
  static final class AggFn {
    private final SqlKind kind;
    private final int[] args;
    private final int filterArg;
    private final boolean distinct;
    private final RelDataType type;
    private final Object literal; // LITERAL_AGG
    private final List<Integer> groupingArgs; // GROUPING / GROUPING_ID
    private final String name;

    AggFn(AggregateCall call) {
      this(call, false, null);
    }

    /**
     * ANY_VALUE of an argument that is the same constant on every row: the constant, even for a
     * group without rows (SQLite's value of a bare constant in an aggregate query).
     */
    static AggFn constant(AggregateCall call, Object value) {
      return new AggFn(call, true, value);
    }

    private AggFn(AggregateCall call, boolean isConstant, Object constant) {
      this.kind = isConstant ? SqlKind.LITERAL_AGG : effectiveKind(call);
      this.args = call.getArgList().stream().mapToInt(Integer::intValue).toArray();
      this.filterArg = call.filterArg;
      this.distinct = call.isDistinct();
      this.type = call.getType();
      this.name = call.getAggregation().getName();
      this.groupingArgs = call.getArgList();
      Object lit = constant;
      if (kind == SqlKind.LITERAL_AGG && !isConstant) {
        RexNode r = call.rexList.get(0);
        lit = Values.convert(literalValue((RexLiteral) r), type);
      }
      this.literal = lit;
      switch (kind) {
        case COUNT:
        case SUM:
        case SUM0:
        case AVG:
        case MIN:
        case MAX:
        case SINGLE_VALUE:
        case ANY_VALUE:
        case LITERAL_AGG:
        case GROUPING:
        case GROUPING_ID:
        case GROUP_ID:
          break;
        default:
          throw new StrataException(Reason.UNSUPPORTED, "aggregate function " + name);
      }
    }

    /** BOOL_AND/EVERY is MIN over booleans, BOOL_OR/SOME is MAX (FALSE sorts below TRUE). */
    private static SqlKind effectiveKind(AggregateCall call) {
      switch (call.getAggregation().getName().toUpperCase(java.util.Locale.ROOT)) {
        case "BOOL_AND":
        case "EVERY":
        case "LOGICAL_AND":
          return SqlKind.MIN;
        case "BOOL_OR":
        case "SOME":
        case "LOGICAL_OR":
          return SqlKind.MAX;
        default:
          return call.getAggregation().getKind();
      }
    }

    private static Object literalValue(RexLiteral lit) {
      if (lit.isNull()) {
        return null;
      }
      if (lit.getTypeName() == SqlTypeName.BOOLEAN) {
        return lit.getValueAs(Boolean.class);
      }
      if (lit.getTypeName() == SqlTypeName.CHAR || lit.getTypeName() == SqlTypeName.VARCHAR) {
        return lit.getValueAs(String.class);
      }
      return lit.getValueAs(BigDecimal.class);
    }

    /**
     * A fresh accumulator for a group of grouping set {@code groupSet} out of the aggregate's
     * full group key {@code fullGroup}.
     */
    Acc create(ImmutableBitSet groupSet, ImmutableBitSet fullGroup) {
      Acc acc;
      switch (kind) {
        case COUNT:
          acc = args.length == 0 ? new CountStar() : new Count(args);
          break;
        case SUM:
          acc = new Sum(args[0], type, false);
          break;
        case SUM0:
          acc = new Sum(args[0], type, true);
          break;
        case AVG:
          acc = new Avg(args[0], type);
          break;
        case MIN:
          acc = new MinMax(args[0], true);
          break;
        case MAX:
          acc = new MinMax(args[0], false);
          break;
        case SINGLE_VALUE:
          acc = new SingleValue(args[0]);
          break;
        case ANY_VALUE:
          acc = new AnyValue(args[0]);
          break;
        case LITERAL_AGG:
          return new Const(literal);
        case GROUP_ID:
          return new Const(0L);
        default: // GROUPING, GROUPING_ID
          long bits = 0;
          for (int arg : groupingArgs) {
            bits = (bits << 1) | (groupSet.get(arg) ? 0 : 1);
          }
          return new Const(Values.convert(bits, type));
      }
      if (distinct && args.length > 0) {
        acc = new Distinct(acc, args);
      }
      if (filterArg >= 0) {
        acc = new Filtered(acc, filterArg);
      }
      return acc;
    }
  }

  static final class Const extends Acc {
    private final Object value;

    Const(Object value) {
      this.value = value;
    }

    @Override
    void add(Object[] row) {}

    @Override
    Object result() {
      return value;
    }
  }

  static final class Filtered extends Acc {
    private final Acc inner;
    private final int filterArg;

    Filtered(Acc inner, int filterArg) {
      this.inner = inner;
      this.filterArg = filterArg;
    }

    @Override
    void add(Object[] row) {
      if (Boolean.TRUE.equals(row[filterArg])) {
        inner.add(row);
      }
    }

    @Override
    Object result() {
      return inner.result();
    }
  }

  /** Feeds the inner accumulator only the first row of each distinct argument tuple. */
  static final class Distinct extends Acc {
    private final Acc inner;
    private final int[] args;
    private final HashSet<GroupKey> seen = new HashSet<>();
    private final GroupKey probe;

    Distinct(Acc inner, int[] args) {
      this.inner = inner;
      this.args = args;
      this.probe = GroupKey.probe(args.length);
    }

    @Override
    void add(Object[] row) {
      probe.fill(row, args);
      if (probe.hasNull()) {
        return; // every aggregate ignores NULL arguments; COUNT(DISTINCT) counts non-null ones
      }
      if (seen.add(probe.copy())) {
        inner.add(row);
      }
    }

    @Override
    Object result() {
      return inner.result();
    }
  }

  static final class CountStar extends Acc {
    private long n;

    @Override
    void add(Object[] row) {
      n++;
    }

    @Override
    void addBatch(ColumnBatch b) {
      n += b.size;
    }

    @Override
    Object result() {
      return n;
    }
  }

  static final class Count extends Acc {
    private final int[] args;
    private long n;

    Count(int[] args) {
      this.args = args;
    }

    @Override
    void add(Object[] row) {
      for (int a : args) {
        if (row[a] == null) {
          return;
        }
      }
      n++;
    }

    @Override
    void addBatch(ColumnBatch b) {
      for (int r = 0; r < b.size; r++) {
        boolean counted = true;
        for (int a : args) {
          counted &= b.kinds[a][r] != ColumnBatch.NULL;
        }
        if (counted) {
          n++;
        }
      }
    }

    @Override
    Object result() {
      return n;
    }
  }

  /**
   * Running sum in the narrowest exact form seen so far: long, then BigDecimal when a decimal
   * arrives; any double makes it a double sum.
   */
  static class Sum extends Acc {
    private final int arg;
    private final RelDataType type;
    private final boolean zeroIfEmpty;
    long count;
    long lsum;
    double dsum;
    BigDecimal bsum;
    boolean isDouble;

    Sum(int arg, RelDataType type, boolean zeroIfEmpty) {
      this.arg = arg;
      this.type = type;
      this.zeroIfEmpty = zeroIfEmpty;
    }

    @Override
    void add(Object[] row) {
      Object v = row[arg];
      if (v != null) {
        addValue(v);
      }
    }

    @Override
    void addBatch(ColumnBatch b) {
      long[] longs = b.longs[arg];
      byte[] kinds = b.kinds[arg];
      Object[] objects = b.objects[arg];
      for (int r = 0; r < b.size; r++) {
        byte k = kinds[r];
        if (k == ColumnBatch.LONG) {
          if (!isDouble && bsum == null) {
            count++;
            addExact(longs[r]);
          } else {
            addValue(longs[r]);
          }
        } else if (k == ColumnBatch.OBJECT) {
          addValue(objects[r]);
        }
      }
    }

    private void addExact(long l) {
      long r = lsum + l;
      if (((lsum ^ r) & (l ^ r)) < 0) {
        throw new StrataException(Reason.NUMERIC_OUT_OF_RANGE, "integer overflow in SUM");
      }
      lsum = r;
    }

    /** Adds a non-null value. */
    private void addValue(Object v) {
      count++;
      if (v instanceof Long && !isDouble && bsum == null) {
        addExact((Long) v);
      } else if (v instanceof Double || isDouble) {
        if (!isDouble) {
          isDouble = true;
          dsum = lsum + (bsum == null ? 0.0 : bsum.doubleValue());
        }
        dsum += Values.toDouble(v);
      } else {
        if (bsum == null) {
          bsum = BigDecimal.valueOf(lsum);
        }
        bsum = bsum.add(Values.toDecimal(v));
      }
    }

    Object rawSum() {
      return isDouble ? (Object) dsum : bsum != null ? bsum : (Object) lsum;
    }

    @Override
    Object result() {
      if (count == 0) {
        return zeroIfEmpty ? Values.convert(0L, type) : null;
      }
      return Values.convert(rawSum(), type);
    }
  }

  static final class Avg extends Sum {
    private final RelDataType type;

    Avg(int arg, RelDataType type) {
      super(arg, type, false);
      this.type = type;
    }

    @Override
    Object result() {
      if (count == 0) {
        return null;
      }
      Object s = rawSum();
      switch (type.getSqlTypeName()) {
        case TINYINT:
        case SMALLINT:
        case INTEGER:
        case BIGINT:
          if (s instanceof Long) {
            return (Long) s / count;
          }
          return Values.convert(Values.toDouble(s) / count, type);
        case DECIMAL:
          BigDecimal q = Values.toDecimal(s).divide(BigDecimal.valueOf(count), MathContext.DECIMAL128);
          return q;
        default:
          return Values.toDouble(s) / count;
      }
    }
  }

  static final class MinMax extends Acc {
    private final int arg;
    private final boolean min;
    private Object best;

    MinMax(int arg, boolean min) {
      this.arg = arg;
      this.min = min;
    }

    @Override
    void add(Object[] row) {
      Object v = row[arg];
      if (v != null) {
        addValue(v);
      }
    }

    private void addValue(Object v) {
      if (best == null) {
        best = v;
        return;
      }
      int c = Values.compare(v, best);
      if (min ? c < 0 : c > 0) {
        best = v;
      }
    }

    @Override
    void addBatch(ColumnBatch b) {
      long[] longs = b.longs[arg];
      byte[] kinds = b.kinds[arg];
      Object[] objects = b.objects[arg];
      for (int r = 0; r < b.size; r++) {
        byte k = kinds[r];
        if (k == ColumnBatch.LONG) {
          long l = longs[r];
          // box only a value that becomes the best; integers compare as Values.compare does
          if (best instanceof Long cur) {
            if (min ? l < cur : l > cur) {
              best = l;
            }
          } else {
            addValue(l);
          }
        } else if (k == ColumnBatch.OBJECT) {
          addValue(objects[r]);
        }
      }
    }

    @Override
    Object result() {
      return best;
    }
  }

  static final class SingleValue extends Acc {
    private final int arg;
    private Object value;
    private boolean seen;

    SingleValue(int arg) {
      this.arg = arg;
    }

    @Override
    void add(Object[] row) {
      if (seen) {
        throw new StrataException(Reason.CARDINALITY_VIOLATION,
            "more than one row returned by a subquery used as an expression");
      }
      seen = true;
      value = row[arg];
    }

    @Override
    Object result() {
      return value;
    }
  }

  static final class AnyValue extends Acc {
    private final int arg;
    private Object value;

    AnyValue(int arg) {
      this.arg = arg;
    }

    @Override
    void add(Object[] row) {
      if (value == null) {
        value = row[arg];
      }
    }

    @Override
    Object result() {
      return value;
    }
  }
}
