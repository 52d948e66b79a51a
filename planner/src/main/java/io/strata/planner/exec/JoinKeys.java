package io.strata.planner.exec;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Splits a join condition into equi-keys and a residual condition. A conjunct
 * {@code l = r} or {@code l IS NOT DISTINCT FROM r} is a key when one side is a column of the
 * left input and the other a column of the right input, possibly under a widening numeric CAST
 * (INTEGER to BIGINT, to DECIMAL, …): such a cast does not change which values are equal, and
 * {@link GroupKey} compares numbers by value across types.
 */
final class JoinKeys {
  final int[] left;
  final int[] right;
  /** True where the key is IS NOT DISTINCT FROM (NULL matches NULL). */
  final boolean[] nullSafe;
  /** The conjuncts that are not keys, as one condition; null when there are none. */
  final RexNode residual;

  private JoinKeys(int[] left, int[] right, boolean[] nullSafe, RexNode residual) {
    this.left = left;
    this.right = right;
    this.nullSafe = nullSafe;
    this.residual = residual;
  }

  static JoinKeys of(RexNode condition, int leftWidth, RexBuilder rb) {
    List<Integer> ls = new ArrayList<>();
    List<Integer> rs = new ArrayList<>();
    List<Boolean> ns = new ArrayList<>();
    List<RexNode> rest = new ArrayList<>();
    for (RexNode c : RelOptUtil.conjunctions(condition)) {
      if (c.isAlwaysTrue()) {
        continue;
      }
      if (c.getKind() == SqlKind.EQUALS || c.getKind() == SqlKind.IS_NOT_DISTINCT_FROM) {
        RexCall call = (RexCall) c;
        int a = column(call.getOperands().get(0));
        int b = column(call.getOperands().get(1));
        if (a >= 0 && b >= 0 && (a < leftWidth) != (b < leftWidth)) {
          ls.add(Math.min(a, b));
          rs.add(Math.max(a, b) - leftWidth);
          ns.add(c.getKind() == SqlKind.IS_NOT_DISTINCT_FROM);
          continue;
        }
      }
      rest.add(c);
    }
    int n = ls.size();
    int[] l = new int[n];
    int[] r = new int[n];
    boolean[] safe = new boolean[n];
    for (int i = 0; i < n; i++) {
      l[i] = ls.get(i);
      r[i] = rs.get(i);
      safe[i] = ns.get(i);
    }
    RexNode residual = rest.isEmpty() ? null : RexUtil.composeConjunction(rb, rest);
    return new JoinKeys(l, r, safe, residual);
  }

  /** The input column {@code e} reads, looking through widening numeric casts; else -1. */
  private static int column(RexNode e) {
    while (e.getKind() == SqlKind.CAST) {
      RexNode operand = ((RexCall) e).getOperands().get(0);
      if (!widens(operand.getType(), e.getType())) {
        return -1;
      }
      e = operand;
    }
    return e instanceof RexInputRef ? ((RexInputRef) e).getIndex() : -1;
  }

  private static boolean widens(RelDataType from, RelDataType to) {
    SqlTypeName f = from.getSqlTypeName();
    SqlTypeName t = to.getSqlTypeName();
    if (SqlTypeName.INT_TYPES.contains(f)) {
      if (t == SqlTypeName.DECIMAL) {
        return true;
      }
      return SqlTypeName.INT_TYPES.contains(t) && rank(t) >= rank(f);
    }
    if (f == SqlTypeName.DECIMAL && t == SqlTypeName.DECIMAL) {
      return to.getScale() >= from.getScale()
          && to.getPrecision() - to.getScale() >= from.getPrecision() - from.getScale();
    }
    return (f == SqlTypeName.REAL || f == SqlTypeName.FLOAT) && t == SqlTypeName.DOUBLE
        || f == SqlTypeName.DOUBLE && t == SqlTypeName.DOUBLE
        || (f == SqlTypeName.VARCHAR || f == SqlTypeName.CHAR) && t == SqlTypeName.VARCHAR;
  }

  private static int rank(SqlTypeName t) {
    switch (t) {
      case TINYINT:
        return 0;
      case SMALLINT:
        return 1;
      case INTEGER:
        return 2;
      default:
        return 3;
    }
  }
}
