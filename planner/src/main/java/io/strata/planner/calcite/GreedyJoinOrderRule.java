package io.strata.planner.calcite;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Orders an inner {@link MultiJoin} greedily, for joins too wide for cost-based search (the
 * sqllogictest suite joins up to 64 tables): start from the input with the fewest estimated rows,
 * then repeatedly add the smallest input connected to those already joined by a join condition
 * (a cross product only when none is). Each condition is applied at the first join where all its
 * inputs are present. O(n²) in the number of inputs.
 */
final class GreedyJoinOrderRule extends RelOptRule {
  static final GreedyJoinOrderRule INSTANCE = new GreedyJoinOrderRule();

  private GreedyJoinOrderRule() {
    super(operand(MultiJoin.class, any()), "StrataGreedyJoinOrder");
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    MultiJoin mj = call.rel(0);
    if (mj.isFullOuterJoin()) {
      return;
    }
    for (JoinRelType t : mj.getJoinTypes()) {
      if (t != JoinRelType.INNER) {
        return;
      }
    }
    RexNode post = mj.getPostJoinFilter();
    RexNode cond = post == null ? mj.getJoinFilter()
        : RexUtil.composeConjunction(mj.getCluster().getRexBuilder(),
            List.of(mj.getJoinFilter(), post));
    call.transformTo(build(mj.getInputs(), cond, mj.getRowType(), call.getMetadataQuery()));
  }

  /**
   * Joins the inputs in greedy order under the given condition (over their concatenated rows) and
   * projects the result back to the concatenated order.
   */
  static RelNode build(List<RelNode> inputs, RexNode condition,
      org.apache.calcite.rel.type.RelDataType rowType, RelMetadataQuery mq) {
    RelNode any = inputs.get(0);
    int n = inputs.size();
    int[] offset = new int[n + 1];
    for (int i = 0; i < n; i++) {
      offset[i + 1] = offset[i] + inputs.get(i).getRowType().getFieldCount();
    }
    int total = offset[n];
    double[] rows = new double[n];
    for (int i = 0; i < n; i++) {
      Double r = mq.getRowCount(inputs.get(i));
      rows[i] = r == null ? 100 : r;
    }
    List<RexNode> conjuncts = RelOptUtil.conjunctions(condition);
    List<BitSet> factorsOf = new ArrayList<>();
    for (RexNode c : conjuncts) {
      BitSet f = new BitSet();
      for (int field : RelOptUtil.InputFinder.bits(c)) {
        f.set(factorOf(offset, field));
      }
      factorsOf.add(f);
    }
    // choose the order
    int[] order = new int[n];
    BitSet joined = new BitSet();
    int first = 0;
    for (int i = 1; i < n; i++) {
      if (rows[i] < rows[first]) {
        first = i;
      }
    }
    order[0] = first;
    joined.set(first);
    for (int k = 1; k < n; k++) {
      int best = -1;
      boolean bestConnected = false;
      for (int f = 0; f < n; f++) {
        if (joined.get(f)) {
          continue;
        }
        boolean connected = false;
        for (BitSet fs : factorsOf) {
          if (fs.get(f) && fs.cardinality() > 1) {
            BitSet rest = (BitSet) fs.clone();
            rest.clear(f);
            BitSet outside = (BitSet) rest.clone();
            outside.andNot(joined);
            if (outside.isEmpty()) {
              connected = true;
              break;
            }
          }
        }
        if (best < 0 || connected && !bestConnected
            || connected == bestConnected && rows[f] < rows[best]) {
          best = f;
          bestConnected = connected;
        }
      }
      order[k] = best;
      joined.set(best);
    }
    // conditions on a single input filter that input before it is joined
    RexBuilder rex = any.getCluster().getRexBuilder();
    boolean[] applied = new boolean[conjuncts.size()];
    List<RelNode> filtered = new ArrayList<>(inputs);
    for (int f = 0; f < n; f++) {
      List<RexNode> local = new ArrayList<>();
      for (int c = 0; c < conjuncts.size(); c++) {
        BitSet fs = factorsOf.get(c);
        if (fs.cardinality() == 1 && fs.get(f)
            && !org.apache.calcite.rex.RexUtil.containsCorrelation(conjuncts.get(c))) {
          applied[c] = true;
          local.add(RexUtil.shift(conjuncts.get(c), -offset[f]));
        }
      }
      if (!local.isEmpty()) {
        filtered.set(f, LogicalFilter.create(inputs.get(f), RexUtil.composeConjunction(rex, local)));
      }
    }
    // build a left-deep tree in that order
    int[] position = new int[total];
    java.util.Arrays.fill(position, -1);
    BitSet present = new BitSet();
    RelNode current = filtered.get(order[0]);
    int width = 0;
    for (int k = 0; k < n; k++) {
      int f = order[k];
      for (int field = offset[f]; field < offset[f + 1]; field++) {
        position[field] = width + field - offset[f];
      }
      width += offset[f + 1] - offset[f];
      present.set(f);
      if (k == 0) {
        continue;
      }
      List<RexNode> conds = new ArrayList<>();
      for (int c = 0; c < conjuncts.size(); c++) {
        if (!applied[c]) {
          BitSet fs = (BitSet) factorsOf.get(c).clone();
          fs.andNot(present);
          if (fs.isEmpty()) {
            applied[c] = true;
            conds.add(remap(conjuncts.get(c), position, total, width));
          }
        }
      }
      current = LogicalJoin.create(current, filtered.get(f), List.of(),
          RexUtil.composeConjunction(rex, conds), java.util.Set.of(), JoinRelType.INNER);
    }
    List<RexNode> leftover = new ArrayList<>();
    for (int c = 0; c < conjuncts.size(); c++) {
      if (!applied[c]) {
        leftover.add(remap(conjuncts.get(c), position, total, width));
      }
    }
    if (!leftover.isEmpty()) {
      current = LogicalFilter.create(current, RexUtil.composeConjunction(rex, leftover));
    }
    List<RexNode> projects = new ArrayList<>(total);
    for (int field = 0; field < total; field++) {
      projects.add(new RexInputRef(position[field],
          rowType.getFieldList().get(field).getType()));
    }
    return LogicalProject.create(current, List.of(), projects, rowType.getFieldNames(),
        java.util.Set.of());
  }

  private static int factorOf(int[] offset, int field) {
    int f = 0;
    while (offset[f + 1] <= field) {
      f++;
    }
    return f;
  }

  private static RexNode remap(RexNode e, int[] position, int total, int width) {
    Mappings.TargetMapping m = Mappings.target(i -> position[i], total, width);
    return e.accept(new RexPermuteInputsShuttle(m));
  }
}
