package io.strata.planner.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Replaces each tree of more than {@code minJoins} inner joins (with the filter directly above
 * it, the WHERE clause of a comma join) by the {@link GreedyJoinOrderRule greedy} order, in one
 * walk over the plan. Going through Calcite's MultiJoin rules costs seconds for the 64-way joins
 * of sqllogictest; this costs milliseconds.
 */
final class JoinFlattener {
  private final int minJoins;

  JoinFlattener(int minJoins) {
    this.minJoins = minJoins;
  }

  RelNode apply(RelNode rel) {
    RelNode tree = rel;
    RexNode above = null;
    if (rel instanceof LogicalFilter f && innerJoin(f.getInput())) {
      tree = f.getInput();
      above = f.getCondition();
    }
    if (innerJoin(tree) && joins(tree) > minJoins) {
      List<RelNode> leaves = new ArrayList<>();
      List<RexNode> conds = new ArrayList<>();
      collect(tree, 0, leaves, conds);
      if (above != null) {
        conds.add(above);
      }
      RexNode cond = RexUtil.composeConjunction(rel.getCluster().getRexBuilder(), conds);
      return GreedyJoinOrderRule.build(leaves, cond, tree.getRowType(),
          rel.getCluster().getMetadataQuery());
    }
    List<RelNode> inputs = rel.getInputs();
    if (inputs.isEmpty()) {
      return rel;
    }
    List<RelNode> newInputs = new ArrayList<>(inputs.size());
    boolean changed = false;
    for (RelNode in : inputs) {
      RelNode n = apply(in);
      changed |= n != in;
      newInputs.add(n);
    }
    return changed ? rel.copy(rel.getTraitSet(), newInputs) : rel;
  }

  private static boolean innerJoin(RelNode rel) {
    return rel instanceof LogicalJoin j && j.getJoinType() == JoinRelType.INNER
        && j.getVariablesSet().isEmpty();
  }

  private static int joins(RelNode rel) {
    if (!innerJoin(rel)) {
      return 0;
    }
    LogicalJoin j = (LogicalJoin) rel;
    return 1 + joins(j.getLeft()) + joins(j.getRight());
  }

  private void collect(RelNode rel, int base, List<RelNode> leaves, List<RexNode> conds) {
    if (innerJoin(rel)) {
      LogicalJoin j = (LogicalJoin) rel;
      collect(j.getLeft(), base, leaves, conds);
      collect(j.getRight(), base + j.getLeft().getRowType().getFieldCount(), leaves, conds);
      if (!j.getCondition().isAlwaysTrue()) {
        conds.add(RexUtil.shift(j.getCondition(), base));
      }
    } else {
      leaves.add(apply(rel));
    }
  }
}
