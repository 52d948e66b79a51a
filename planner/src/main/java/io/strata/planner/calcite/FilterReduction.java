package io.strata.planner.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepRelVertex;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.rules.ReduceExpressionsRule.FilterReduceExpressionsRule;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSimplify;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.rex.RexUtil;

/**
 * Constant reduction of filter conditions, once per condition.
 *
 * <p>Calcite's rule, run to a fixed point in a Hep program, simplifies a condition three times:
 * while reducing it, again when it builds the new filter, and once more when the rule fires on
 * that new filter and finds nothing left to do. For the large WHERE clauses of single-table
 * queries that was a third of all planning. So a filter directly over a table scan, whose input
 * offers no predicates to reduce with, is reduced by {@link #overScans} in one pass after
 * push-down, and its large conjuncts are only constant-folded (see {@link #SIMPLIFY_MAX_NODES}).
 * The Hep rule {@link #RULE} handles every other filter, where predicates pulled up from the
 * input (a join, a projection) can change the answer between firings.
 */
final class FilterReduction extends FilterReduceExpressionsRule {

  private static final FilterReduceExpressionsRuleConfig CONFIG =
      FilterReduceExpressionsRuleConfig.DEFAULT;

  /**
   * Conjuncts larger than this many nodes are only constant-folded, not simplified: simplifying
   * a large OR of ANDs costs far more than evaluating it, and access paths are chosen from the
   * small conjuncts (comparisons, IN lists, ranges), which are still simplified together.
   */
  static final int SIMPLIFY_MAX_NODES = 40;

  /** Calcite's rule for filters that are not directly over a table scan. */
  static final RelOptRule RULE = new FilterReduction(CONFIG
      .withOperandSupplier(b -> b.operand(Filter.class)
          .predicate(f -> !(input(f) instanceof TableScan)).anyInputs())
      .as(FilterReduceExpressionsRuleConfig.class));

  private FilterReduction(FilterReduceExpressionsRuleConfig config) {
    super(config);
  }

  private static RelNode input(Filter filter) {
    RelNode input = filter.getInput();
    return input instanceof HepRelVertex vertex ? vertex.getCurrentRel() : input;
  }

  /** Reduces the condition of every logical filter directly over a table scan, once. */
  static RelNode overScans(RelNode root) {
    return root.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        RelNode visited = super.visit(other);
        return visited instanceof LogicalFilter filter && input(filter) instanceof TableScan
            ? reduce(filter) : visited;
      }
    });
  }

  private static RelNode reduce(LogicalFilter filter) {
    List<RexNode> small = new ArrayList<>();
    List<RexNode> large = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
      (nodesUpTo(conjunct, SIMPLIFY_MAX_NODES + 1) > SIMPLIFY_MAX_NODES ? large : small)
          .add(conjunct);
    }
    RexBuilder rex = filter.getCluster().getRexBuilder();
    boolean reduced = false;
    List<RexNode> conditions = new ArrayList<>();
    if (!small.isEmpty()) {
      List<RexNode> simplified = new ArrayList<>(List.of(RexUtil.composeConjunction(rex, small)));
      // a table scan has no pulled-up predicates (RelMdPredicates), so none are asked for
      reduced = reduceExpressions(filter, simplified, RelOptPredicateList.EMPTY, true,
          CONFIG.matchNullability(), CONFIG.treatDynamicCallsAsConstant());
      conditions.add(simplified.get(0));
    }
    if (!large.isEmpty()) {
      RexSimplify simplify = new RexSimplify(rex, RelOptPredicateList.EMPTY,
          filter.getCluster().getPlanner().getExecutor());
      List<RexNode> folded = new ArrayList<>(large);
      reduced |= reduceExpressionsInternal(filter, simplify, RexUnknownAs.FALSE, folded,
          RelOptPredicateList.EMPTY, CONFIG.treatDynamicCallsAsConstant());
      conditions.addAll(folded);
    }
    // a filter's condition may not be a cast that only changes nullability
    RexNode condition = RexUtil.removeNullabilityCast(filter.getCluster().getTypeFactory(),
        RexUtil.composeConjunction(rex, conditions));
    if (condition.isAlwaysTrue()) {
      return filter.getInput();
    }
    if (condition instanceof RexLiteral || RexUtil.isNullLiteral(condition, true)) {
      return LogicalValues.createEmpty(filter.getCluster(), filter.getRowType());
    }
    return reduced ? filter.copy(filter.getTraitSet(), filter.getInput(), condition) : filter;
  }

  /** The number of nodes in {@code e}, counted up to {@code limit}. */
  private static int nodesUpTo(RexNode e, int limit) {
    int n = 1;
    if (e instanceof RexCall call) {
      for (RexNode operand : call.getOperands()) {
        if (n >= limit) {
          break;
        }
        n += nodesUpTo(operand, limit - n);
      }
    }
    return n;
  }
}
