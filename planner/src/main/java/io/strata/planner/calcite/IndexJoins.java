package io.strata.planner.calcite;

import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Index nested-loop join: a join whose right input is a table much larger than the left, with
 * join predicates on a prefix of that table's primary key or of an index, becomes a correlate
 * whose right side looks the key up for each left row (the access path's bounds read the outer
 * row), instead of building a hash table over the whole large table.
 */
final class IndexJoins {
  private IndexJoins() {}

  /** The right table must be at least this many times larger than the left input. */
  private static final double MIN_RATIO = 4;

  /** The join as an index nested-loop join over its right table, or the join itself. */
  static RelNode apply(LogicalJoin join, StrataTableScan right) {
    RelNode left = join.getLeft();
    if (right.path() != null || join.getJoinType() != JoinRelType.INNER
        && join.getJoinType() != JoinRelType.LEFT) {
      return join;
    }
    Double leftRows = join.getCluster().getMetadataQuery().getRowCount(left);
    double rightRows = right.getTable().getRowCount();
    if (leftRows == null || leftRows * MIN_RATIO > rightRows) {
      return join;
    }
    RexBuilder rex = join.getCluster().getRexBuilder();
    CorrelationId cor = join.getCluster().createCorrel();
    RexNode corVar = rex.makeCorrel(left.getRowType(), cor);
    int leftWidth = left.getRowType().getFieldCount();
    RexNode cond = join.getCondition().accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        if (ref.getIndex() < leftWidth) {
          return rex.makeFieldAccess(corVar, ref.getIndex());
        }
        return new RexInputRef(ref.getIndex() - leftWidth, ref.getType());
      }
    });
    List<RexNode> conjuncts = RelOptUtil.conjunctions(cond);
    AccessPath path = IndexSelector.choose(right.strataTable(), right.outputColumns(), conjuncts);
    if (path == null || !correlated(path)) {
      return join;
    }
    ImmutableBitSet required = RelOptUtil.InputFinder.bits(join.getCondition())
        .intersect(ImmutableBitSet.range(leftWidth));
    List<RexNode> rest = IndexSelector.residual(right.strataTable(), right.outputColumns(),
        conjuncts, path);
    RelNode inner = rest.isEmpty() ? right.withPath(path)
        : LogicalFilter.create(right.withPath(path), RexUtil.composeConjunction(rex, rest));
    return LogicalCorrelate.create(left, inner, List.of(), cor, required, join.getJoinType());
  }

  private static boolean correlated(AccessPath path) {
    for (KeyRange r : path.ranges()) {
      for (KeyBound b : r.prefix()) {
        if (b.isCorrelated()) {
          return true;
        }
      }
    }
    return false;
  }
}
