package io.strata.planner.calcite;

import io.strata.planner.catalog.ColumnDef;
import io.strata.planner.catalog.IndexDef;
import io.strata.planner.catalog.TableDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.Sarg;
import com.google.common.collect.BoundType;
import com.google.common.collect.Range;

/**
 * Chooses the access path of a scan from the conjuncts of the filter above it: equality, IN-list
 * and range predicates (including BETWEEN, which arrives as a {@code SEARCH} over a {@link Sarg})
 * on a prefix of the primary key or of an index. The path selects a superset of the accepted rows;
 * the filter keeps every conjunct the path does not answer exactly ({@link #residual}), so the
 * choice never changes results.
 */
final class IndexSelector {
  /** Cap on the number of ranges a cross product of IN-lists may produce. */
  private static final int MAX_RANGES = 1024;

  private IndexSelector() {}

  /** What the conjuncts say about one column. */
  private static final class ColumnFacts {
    List<KeyBound> points;
    List<KeyBound[]> ranges;
  }

  /**
   * The best path for the conjuncts, or null if no key prefix is constrained.
   *
   * @param columnOfField table column position of each scan output field
   */
  static AccessPath choose(StrataTable table, int[] columnOfField, List<RexNode> conjuncts) {
    TableDef def = table.def();
    Map<Integer, ColumnFacts> facts = new HashMap<>();
    for (RexNode c : conjuncts) {
      collect(def, columnOfField, c, facts);
    }
    if (facts.isEmpty()) {
      return null;
    }
    AccessPath best = null;
    int bestScore = 0;
    if (!def.primaryKey().isEmpty()) {
      List<KeyRange> r = build(def.primaryKey(), facts, def);
      int s = score(r, def.primaryKey().size(), true);
      if (s > bestScore) {
        best = new AccessPath(null, r);
        bestScore = s;
      }
    }
    for (IndexDef ix : table.indexes()) {
      List<KeyRange> r = build(ix.columnIds(), facts, def);
      // an index costs a lookup per row, so it must beat the primary key strictly
      int s = score(r, ix.columnIds().size(), ix.unique());
      if (s > bestScore) {
        best = new AccessPath(ix, r);
        bestScore = s;
      }
    }
    return best;
  }

  /**
   * The conjuncts a scan through {@code path} must still test: all of them except those its
   * primary-key ranges answer exactly. A conjunct is answered exactly when it alone constrains its
   * key column (or, for a range, it is the one lower or the one upper bound), every range of the
   * path is cut on that column, the column is an integer NOT NULL one, and the value compared with
   * it is an integer: then the key range neither widens, nor rounds, nor meets a NULL key.
   */
  static List<RexNode> residual(StrataTable table, int[] columnOfField, List<RexNode> conjuncts,
      AccessPath path) {
    if (path.index() != null) {
      return conjuncts;
    }
    TableDef def = table.def();
    int eq = path.equalityColumns();
    boolean boundsOnNext = path.hasBounds();
    for (KeyRange r : path.ranges()) {
      boundsOnNext &= r.prefix().size() == eq;
    }
    Map<Integer, List<RexNode>> byColumn = new HashMap<>();
    for (RexNode c : conjuncts) {
      int col = constrainedColumn(c, columnOfField);
      if (col >= 0) {
        byColumn.computeIfAbsent(col, k -> new ArrayList<>()).add(c);
      }
    }
    List<RexNode> out = new ArrayList<>();
    for (RexNode c : conjuncts) {
      int col = constrainedColumn(c, columnOfField);
      boolean absorbed = false;
      if (col >= 0 && integerNotNull(def.columns().get(col)) && exactOperand(c, columnOfField)) {
        int keyPos = def.primaryKey().indexOf(def.columns().get(col).id());
        List<RexNode> same = byColumn.get(col);
        if (keyPos >= 0 && keyPos < eq) {
          absorbed = same.size() == 1 && isPoints(c);
        } else if (keyPos == eq && boundsOnNext) {
          absorbed = !isPoints(c) && (same.size() == 1 || singleBounds(same, columnOfField));
        }
      }
      if (!absorbed) {
        out.add(c);
      }
    }
    return out;
  }

  /** The table column a comparison or SEARCH constrains, or -1. */
  private static int constrainedColumn(RexNode c, int[] columnOfField) {
    if (!(c instanceof RexCall call)) {
      return -1;
    }
    switch (call.getKind()) {
      case EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
        int a = column(call.getOperands().get(0), columnOfField);
        return a >= 0 ? a : column(call.getOperands().get(1), columnOfField);
      }
      case SEARCH -> {
        return column(call.getOperands().get(0), columnOfField);
      }
      default -> {
        return -1;
      }
    }
  }

  private static boolean isPoints(RexNode c) {
    RexCall call = (RexCall) c;
    if (call.getKind() == SqlKind.EQUALS) {
      return true;
    }
    if (call.getKind() != SqlKind.SEARCH) {
      return false;
    }
    Sarg<?> sarg = ((RexLiteral) call.getOperands().get(1)).getValueAs(Sarg.class);
    return sarg != null && sarg.isPoints();
  }

  /** Range comparisons only, at most one lower and one upper bound. */
  private static boolean singleBounds(List<RexNode> same, int[] columnOfField) {
    int lower = 0;
    int upper = 0;
    for (RexNode c : same) {
      SqlKind k = c.getKind();
      if (k == SqlKind.SEARCH || k == SqlKind.EQUALS) {
        return false;
      }
      if (column(((RexCall) c).getOperands().get(0), columnOfField) < 0) {
        k = k.reverse();
      }
      if (k == SqlKind.LESS_THAN || k == SqlKind.LESS_THAN_OR_EQUAL) {
        upper++;
      } else {
        lower++;
      }
    }
    return lower <= 1 && upper <= 1;
  }

  private static boolean integerNotNull(ColumnDef c) {
    return !c.nullable() && c.type().valueType() == io.strata.planner.codec.ValueType.LONG;
  }

  /** Whether the value side of the conjunct is an integer the key encodes exactly. */
  private static boolean exactOperand(RexNode c, int[] columnOfField) {
    RexCall call = (RexCall) c;
    if (call.getKind() == SqlKind.SEARCH) {
      Sarg<?> sarg = ((RexLiteral) call.getOperands().get(1)).getValueAs(Sarg.class);
      if (sarg == null || sarg.nullAs == RexUnknownAs.TRUE) {
        return false;
      }
      for (Range<?> r : sarg.rangeSet.asRanges()) {
        if (r.hasLowerBound() && !integral(r.lowerEndpoint())
            || r.hasUpperBound() && !integral(r.upperEndpoint())) {
          return false;
        }
      }
      return true;
    }
    RexNode a = call.getOperands().get(0);
    RexNode v = column(a, columnOfField) >= 0 ? call.getOperands().get(1) : a;
    if (v instanceof RexLiteral lit) {
      return !lit.isNull() && integral(lit.getValue());
    }
    if (v instanceof RexDynamicParam
        || v instanceof org.apache.calcite.rex.RexFieldAccess fa
            && fa.getReferenceExpr() instanceof org.apache.calcite.rex.RexCorrelVariable) {
      return SqlTypeName.INT_TYPES.contains(v.getType().getSqlTypeName());
    }
    return false;
  }

  private static boolean integral(Object v) {
    if (!(v instanceof java.math.BigDecimal bd)) {
      return false;
    }
    try {
      bd.longValueExact();
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  private static int score(List<KeyRange> ranges, int keyColumns, boolean unique) {
    if (ranges == null || ranges.isEmpty()) {
      return 0;
    }
    int eq = Integer.MAX_VALUE;
    boolean bounds = false;
    for (KeyRange r : ranges) {
      eq = Math.min(eq, r.prefix().size());
      bounds |= r.hasBounds();
    }
    int s = eq * 4 + (bounds ? 2 : 0);
    if (unique && eq == keyColumns) {
      s += 100;
    }
    return s;
  }

  private static List<KeyRange> build(List<Integer> keyColumnIds, Map<Integer, ColumnFacts> facts,
      TableDef def) {
    List<List<KeyBound>> prefixes = new ArrayList<>();
    prefixes.add(List.of());
    for (int id : keyColumnIds) {
      ColumnFacts f = facts.get(def.positionOfId(id));
      if (f == null) {
        break;
      }
      if (f.points != null) {
        if (prefixes.size() * f.points.size() > MAX_RANGES) {
          break;
        }
        List<List<KeyBound>> next = new ArrayList<>();
        for (List<KeyBound> p : prefixes) {
          for (KeyBound b : f.points) {
            List<KeyBound> l = new ArrayList<>(p);
            l.add(b);
            next.add(l);
          }
        }
        prefixes = next;
        continue;
      }
      if (f.ranges != null && prefixes.size() * f.ranges.size() <= MAX_RANGES) {
        List<KeyRange> out = new ArrayList<>();
        for (List<KeyBound> p : prefixes) {
          for (KeyBound[] r : f.ranges) {
            out.add(new KeyRange(List.copyOf(p), r[0], r[1]));
          }
        }
        return out;
      }
      break;
    }
    if (prefixes.size() == 1 && prefixes.get(0).isEmpty()) {
      return null;
    }
    List<KeyRange> out = new ArrayList<>();
    for (List<KeyBound> p : prefixes) {
      out.add(new KeyRange(List.copyOf(p), null, null));
    }
    return out;
  }

  private static void collect(TableDef def, int[] columnOfField, RexNode c,
      Map<Integer, ColumnFacts> facts) {
    if (!(c instanceof RexCall call)) {
      return;
    }
    SqlKind kind = call.getKind();
    switch (kind) {
      case EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
        RexNode a = call.getOperands().get(0);
        RexNode b = call.getOperands().get(1);
        int col = column(a, columnOfField);
        KeyBound v;
        if (col >= 0) {
          v = value(b, def, col);
        } else {
          col = column(b, columnOfField);
          if (col < 0) {
            return;
          }
          v = value(a, def, col);
          kind = kind.reverse();
        }
        if (v == null) {
          return;
        }
        ColumnFacts f = facts.computeIfAbsent(col, k -> new ColumnFacts());
        switch (kind) {
          case EQUALS -> f.points = List.of(v);
          case LESS_THAN, LESS_THAN_OR_EQUAL -> addBound(f, null,
              new KeyBound(v.constant(), v.param(), kind == SqlKind.LESS_THAN_OR_EQUAL));
          default -> addBound(f,
              new KeyBound(v.constant(), v.param(), kind == SqlKind.GREATER_THAN_OR_EQUAL), null);
        }
      }
      case SEARCH -> {
        int col = column(call.getOperands().get(0), columnOfField);
        if (col < 0 || !(call.getOperands().get(1) instanceof RexLiteral lit)) {
          return;
        }
        Sarg<?> sarg = lit.getValueAs(Sarg.class);
        if (sarg == null || sarg.nullAs == RexUnknownAs.TRUE || !compatible(def, col, lit)) {
          return;
        }
        ColumnFacts f = facts.computeIfAbsent(col, k -> new ColumnFacts());
        if (sarg.isPoints()) {
          List<KeyBound> pts = new ArrayList<>();
          for (Range<?> r : sarg.rangeSet.asRanges()) {
            pts.add(KeyBound.constant(r.lowerEndpoint(), true));
          }
          if (f.points == null || f.points.size() > pts.size()) {
            f.points = pts;
          }
        } else if (f.points == null) {
          List<KeyBound[]> ranges = new ArrayList<>();
          for (Range<?> r : sarg.rangeSet.asRanges()) {
            KeyBound lo = r.hasLowerBound()
                ? KeyBound.constant(r.lowerEndpoint(), r.lowerBoundType() == BoundType.CLOSED) : null;
            KeyBound hi = r.hasUpperBound()
                ? KeyBound.constant(r.upperEndpoint(), r.upperBoundType() == BoundType.CLOSED) : null;
            ranges.add(new KeyBound[] {lo, hi});
          }
          f.ranges = ranges;
        }
      }
      default -> { }
    }
  }

  private static void addBound(ColumnFacts f, KeyBound lo, KeyBound hi) {
    if (f.ranges == null || f.ranges.size() != 1) {
      f.ranges = new ArrayList<>();
      f.ranges.add(new KeyBound[2]);
    }
    KeyBound[] r = f.ranges.get(0);
    if (lo != null && r[0] == null) {
      r[0] = lo;
    }
    if (hi != null && r[1] == null) {
      r[1] = hi;
    }
  }

  private static int column(RexNode n, int[] columnOfField) {
    if (n instanceof RexInputRef ref) {
      return columnOfField[ref.getIndex()];
    }
    return -1;
  }

  /** A usable key value: a non-null literal of the column's family, or a dynamic parameter. */
  private static KeyBound value(RexNode n, TableDef def, int col) {
    if (n.getKind() == SqlKind.CAST && ((RexCall) n).getOperands().get(0) instanceof RexDynamicParam p) {
      return KeyBound.param(p.getIndex(), true);
    }
    if (n instanceof RexDynamicParam p) {
      return KeyBound.param(p.getIndex(), true);
    }
    if (n instanceof org.apache.calcite.rex.RexFieldAccess fa
        && fa.getReferenceExpr() instanceof org.apache.calcite.rex.RexCorrelVariable cv
        && sameFamily(def, col, fa.getType())) {
      return KeyBound.correlated(cv.id.getId(), fa.getField().getIndex());
    }
    if (n instanceof RexLiteral lit && !lit.isNull() && compatible(def, col, lit)) {
      Object v = lit.getValue();
      return v == null ? null : KeyBound.constant(v, true);
    }
    return null;
  }

  private static boolean sameFamily(TableDef def, int col, org.apache.calcite.rel.type.RelDataType t) {
    SqlTypeFamily fam = t.getSqlTypeName().getFamily();
    return switch (def.columns().get(col).type().valueType()) {
      case LONG, DOUBLE, DECIMAL -> fam == SqlTypeFamily.NUMERIC;
      case STRING -> fam == SqlTypeFamily.CHARACTER;
      default -> false;
    };
  }

  private static boolean compatible(TableDef def, int col, RexLiteral lit) {
    ColumnDef c = def.columns().get(col);
    SqlTypeFamily fam = lit.getType().getSqlTypeName().getFamily();
    return switch (c.type().valueType()) {
      case LONG, DOUBLE, DECIMAL -> fam == SqlTypeFamily.NUMERIC;
      case STRING -> fam == SqlTypeFamily.CHARACTER;
      case BOOLEAN -> fam == SqlTypeFamily.BOOLEAN;
      case DATE -> fam == SqlTypeFamily.DATE;
      case TIME -> fam == SqlTypeFamily.TIME;
      case TIMESTAMP -> fam == SqlTypeFamily.TIMESTAMP;
      case BYTES -> fam == SqlTypeFamily.BINARY;
    };
  }
}
