package io.strata.planner.calcite;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mappings;

/** Hep rules that shape {@link StrataTableScan}s: access-path choice and column pruning. */
final class ScanRules {
  private ScanRules() {}

  static final RelOptRule ACCESS_PATH = new AccessPathRule();
  static final RelOptRule PROJECT_SCAN = new ProjectScanRule();
  static final RelOptRule PROJECT_FILTER_SCAN = new ProjectFilterScanRule();
  static final RelOptRule AGGREGATE_SCAN = new AggregateScanRule();

  /** An aggregate directly over a scan: the scan emits only the columns the aggregate reads. */
  private static final class AggregateScanRule extends RelOptRule {
    AggregateScanRule() {
      super(operand(org.apache.calcite.rel.logical.LogicalAggregate.class,
          operand(StrataTableScan.class, none())), "StrataAggregateScan");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      org.apache.calcite.rel.core.Aggregate agg = call.rel(0);
      StrataTableScan scan = call.rel(1);
      if (agg.getGroupType() != org.apache.calcite.rel.core.Aggregate.Group.SIMPLE) {
        return;
      }
      int width = scan.getRowType().getFieldCount();
      ImmutableBitSet.Builder b = agg.getGroupSet().rebuild();
      for (org.apache.calcite.rel.core.AggregateCall c : agg.getAggCallList()) {
        b.addAll(c.getArgList());
        if (c.filterArg >= 0) {
          b.set(c.filterArg);
        }
        b.addAll(org.apache.calcite.rel.RelCollations.ordinals(c.collation));
      }
      ImmutableBitSet used = b.build();
      if (used.cardinality() >= width) {
        return;
      }
      int[] cols = scan.outputColumns();
      int[] narrowed = new int[used.cardinality()];
      int i = 0;
      for (int f : used) {
        narrowed[i++] = cols[f];
      }
      Mappings.TargetMapping mapping = Mappings.target(used.asList(), width);
      List<org.apache.calcite.rel.core.AggregateCall> calls = new java.util.ArrayList<>();
      for (org.apache.calcite.rel.core.AggregateCall c : agg.getAggCallList()) {
        calls.add(c.transform(mapping));
      }
      ImmutableBitSet.Builder gb = ImmutableBitSet.builder();
      for (int g : agg.getGroupSet()) {
        gb.set(mapping.getTarget(g));
      }
      ImmutableBitSet group = gb.build();
      call.transformTo(agg.copy(agg.getTraitSet(), scan.withProjects(narrowed), group, null,
          calls));
    }
  }

  /** Filter over a scan without a path: pick a primary-key or index path for its conjuncts. */
  private static final class AccessPathRule extends RelOptRule {
    AccessPathRule() {
      super(operand(LogicalFilter.class, operand(StrataTableScan.class, none())),
          "StrataAccessPath");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      Filter filter = call.rel(0);
      StrataTableScan scan = call.rel(1);
      if (scan.path() != null) {
        return;
      }
      List<RexNode> conjuncts = RelOptUtil.conjunctions(filter.getCondition());
      AccessPath path = IndexSelector.choose(scan.strataTable(), scan.outputColumns(), conjuncts);
      if (path == null) {
        return;
      }
      List<RexNode> rest = IndexSelector.residual(scan.strataTable(), scan.outputColumns(),
          conjuncts, path);
      RelNode scanned = scan.withPath(path);
      call.transformTo(rest.isEmpty() ? scanned : filter.copy(filter.getTraitSet(), scanned,
          RexUtil.composeConjunction(filter.getCluster().getRexBuilder(), rest)));
    }
  }

  /**
   * A project over a scan: a project of distinct plain columns becomes the scan's column list;
   * otherwise the scan emits only the columns the expressions use. A scan's column list never
   * repeats a column.
   */
  private static final class ProjectScanRule extends RelOptRule {
    ProjectScanRule() {
      super(operand(LogicalProject.class, operand(StrataTableScan.class, none())),
          "StrataProjectScan");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      Project project = call.rel(0);
      StrataTableScan scan = call.rel(1);
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
        call.transformTo(scan.withProjects(out));
        return;
      }
      int width = scan.getRowType().getFieldCount();
      ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), null);
      if (used.cardinality() >= width) {
        return;
      }
      int[] narrowed = new int[used.cardinality()];
      int i = 0;
      for (int f : used) {
        narrowed[i++] = cols[f];
      }
      RexPermuteInputsShuttle shuttle =
          new RexPermuteInputsShuttle(Mappings.target(used.asList(), width));
      call.transformTo(project.copy(project.getTraitSet(), scan.withProjects(narrowed),
          shuttle.visitList(project.getProjects()), project.getRowType()));
    }
  }

  /**
   * Project over Filter over scan: the scan emits only the columns the two use, and both are
   * rewritten against that narrower row.
   */
  private static final class ProjectFilterScanRule extends RelOptRule {
    ProjectFilterScanRule() {
      super(operand(LogicalProject.class,
              operand(LogicalFilter.class, operand(StrataTableScan.class, none()))),
          "StrataProjectFilterScan");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      Project project = call.rel(0);
      Filter filter = call.rel(1);
      StrataTableScan scan = call.rel(2);
      int width = scan.getRowType().getFieldCount();
      ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), filter.getCondition());
      if (used.cardinality() >= width) {
        return;
      }
      int[] cols = scan.outputColumns();
      int[] narrowed = new int[used.cardinality()];
      int i = 0;
      for (int f : used) {
        narrowed[i++] = cols[f];
      }
      Mappings.TargetMapping mapping = Mappings.target(used.asList(), width);
      RexPermuteInputsShuttle shuttle = new RexPermuteInputsShuttle(mapping);
      StrataTableScan newScan = scan.withProjects(narrowed);
      // the access path refers to table columns and dynamic parameters only, so it stays valid
      Filter newFilter = filter.copy(filter.getTraitSet(), newScan,
          filter.getCondition().accept(shuttle));
      List<RexNode> exprs = shuttle.visitList(project.getProjects());
      call.transformTo(project.copy(project.getTraitSet(), newFilter, exprs, project.getRowType()));
    }
  }
}
