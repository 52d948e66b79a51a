package io.strata.planner.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mappings;

/**
 * The last step of planning: one bottom-up pass that shapes {@link StrataTableScan}s. A filter
 * over a scan gets a primary-key or index access path; a projection or aggregate over a scan
 * makes the scan emit only the columns it reads; a join whose right side is a much larger table
 * becomes an index nested-loop join ({@link IndexJoins}).
 *
 * <p>A plain pass, not a Hep program: each rewrite applies to a node whose inputs are already
 * shaped, and none creates a pattern another rewrite below it would match, so one visit per node
 * reaches the same plan. Hep's graph, its rule matching and its fixed point cost more than the
 * rewrites themselves on these small trees.
 */
final class ScanShaping {
  private ScanShaping() {}

  /** Shapes every scan in the plan. */
  static RelNode apply(RelNode root) {
    return root.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        return shape(super.visit(other));
      }
    });
  }

  /** The node with the rewrite that applies to it, or the node itself. */
  private static RelNode shape(RelNode node) {
    if (node instanceof LogicalFilter filter && filter.getInput() instanceof StrataTableScan scan) {
      return accessPath(filter, scan);
    }
    if (node instanceof LogicalProject project) {
      if (project.getInput() instanceof LogicalFilter filter
          && filter.getInput() instanceof StrataTableScan scan) {
        return projectFilterScan(project, filter, scan);
      }
      if (project.getInput() instanceof StrataTableScan scan) {
        return projectScan(project, scan);
      }
    }
    if (node instanceof LogicalAggregate agg && agg.getInput() instanceof StrataTableScan scan) {
      return aggregateScan(agg, scan);
    }
    if (node instanceof LogicalJoin join && join.getRight() instanceof StrataTableScan right) {
      return IndexJoins.apply(join, right);
    }
    return node;
  }

  /** An aggregate directly over a scan: the scan emits only the columns the aggregate reads. */
  private static RelNode aggregateScan(LogicalAggregate agg, StrataTableScan scan) {
    if (agg.getGroupType() != Aggregate.Group.SIMPLE) {
      return agg;
    }
    int width = scan.getRowType().getFieldCount();
    ImmutableBitSet.Builder b = agg.getGroupSet().rebuild();
    for (AggregateCall c : agg.getAggCallList()) {
      b.addAll(c.getArgList());
      if (c.filterArg >= 0) {
        b.set(c.filterArg);
      }
      b.addAll(RelCollations.ordinals(c.collation));
    }
    ImmutableBitSet used = b.build();
    if (used.cardinality() >= width) {
      return agg;
    }
    Mappings.TargetMapping mapping = Mappings.target(used.asList(), width);
    List<AggregateCall> calls = new ArrayList<>();
    for (AggregateCall c : agg.getAggCallList()) {
      calls.add(c.transform(mapping));
    }
    ImmutableBitSet.Builder gb = ImmutableBitSet.builder();
    for (int g : agg.getGroupSet()) {
      gb.set(mapping.getTarget(g));
    }
    return agg.copy(agg.getTraitSet(), scan.withProjects(narrowed(scan, used)), gb.build(), null,
        calls);
  }

  /** Filter over a scan without a path: pick a primary-key or index path for its conjuncts. */
  private static RelNode accessPath(LogicalFilter filter, StrataTableScan scan) {
    if (scan.path() != null) {
      return filter;
    }
    List<RexNode> conjuncts = RelOptUtil.conjunctions(filter.getCondition());
    AccessPath path = IndexSelector.choose(scan.strataTable(), scan.outputColumns(), conjuncts);
    if (path == null) {
      return filter;
    }
    List<RexNode> rest = IndexSelector.residual(scan.strataTable(), scan.outputColumns(),
        conjuncts, path);
    RelNode scanned = scan.withPath(path);
    return rest.isEmpty() ? scanned : filter.copy(filter.getTraitSet(), scanned,
        RexUtil.composeConjunction(filter.getCluster().getRexBuilder(), rest));
  }

  /**
   * A project over a scan: a project of distinct plain columns becomes the scan's column list;
   * otherwise the scan emits only the columns the expressions use. A scan's column list never
   * repeats a column.
   */
  private static RelNode projectScan(LogicalProject project, StrataTableScan scan) {
    int[] cols = scan.outputColumns();
    int[] out = new int[project.getProjects().size()];
    boolean refsOnly = true;
    ImmutableBitSet.Builder seen = ImmutableBitSet.builder();
    for (int i = 0; i < out.length && refsOnly; i++) {
      if (project.getProjects().get(i) instanceof RexInputRef ref && !seen.get(ref.getIndex())) {
        seen.set(ref.getIndex());
        out[i] = cols[ref.getIndex()];
      } else {
        // an expression or a repeated column: the scan reads each column once and the
        // project above it computes or repeats it
        refsOnly = false;
      }
    }
    if (refsOnly) {
      return scan.withProjects(out);
    }
    int width = scan.getRowType().getFieldCount();
    ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), null);
    if (used.cardinality() >= width) {
      return project;
    }
    RexPermuteInputsShuttle shuttle =
        new RexPermuteInputsShuttle(Mappings.target(used.asList(), width));
    return project.copy(project.getTraitSet(), scan.withProjects(narrowed(scan, used)),
        shuttle.visitList(project.getProjects()), project.getRowType());
  }

  /**
   * Project over Filter over scan: the scan emits only the columns the two use, and both are
   * rewritten against that narrower row.
   */
  private static RelNode projectFilterScan(LogicalProject project, LogicalFilter filter,
      StrataTableScan scan) {
    int width = scan.getRowType().getFieldCount();
    ImmutableBitSet used =
        RelOptUtil.InputFinder.bits(project.getProjects(), filter.getCondition());
    if (used.cardinality() >= width) {
      return project;
    }
    RexPermuteInputsShuttle shuttle =
        new RexPermuteInputsShuttle(Mappings.target(used.asList(), width));
    // the access path refers to table columns and dynamic parameters only, so it stays valid
    Filter newFilter = filter.copy(filter.getTraitSet(), scan.withProjects(narrowed(scan, used)),
        filter.getCondition().accept(shuttle));
    return project.copy(project.getTraitSet(), newFilter,
        shuttle.visitList(project.getProjects()), project.getRowType());
  }

  /** The table columns of the scan's output fields in {@code used}, in order. */
  private static int[] narrowed(StrataTableScan scan, ImmutableBitSet used) {
    int[] cols = scan.outputColumns();
    int[] narrowed = new int[used.cardinality()];
    int i = 0;
    for (int f : used) {
      narrowed[i++] = cols[f];
    }
    return narrowed;
  }
}
