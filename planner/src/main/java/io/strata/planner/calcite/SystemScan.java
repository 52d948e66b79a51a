package io.strata.planner.calcite;

import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;

/** A scan of a {@link SystemTable}; its rows are computed at execution. */
public final class SystemScan extends TableScan {
  private final SystemTable.Kind kind;

  SystemScan(RelOptCluster cluster, RelOptTable table, SystemTable.Kind kind) {
    super(cluster, cluster.traitSetOf(Convention.NONE), List.of(), table);
    this.kind = kind;
  }

  public SystemTable.Kind kind() {
    return kind;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return this;
  }
}
