package io.strata.planner.calcite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * A bare constant in an aggregate query ({@code SELECT MIN(x), 27 FROM t}) arrives as
 * {@code ANY_VALUE} of a projected literal. This rule lifts it above the aggregate, so the value
 * survives when the input is later folded to an empty relation (SQLite answers 27 there).
 * The aggregate keeps at least one call or group key, so it still yields its row.
 */
final class ConstantAnyValueRule extends RelOptRule {
  static final ConstantAnyValueRule INSTANCE = new ConstantAnyValueRule();

  private ConstantAnyValueRule() {
    super(operand(LogicalAggregate.class, operand(LogicalProject.class, any())),
        "StrataConstantAnyValue");
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Aggregate agg = call.rel(0);
    Project project = call.rel(1);
    if (agg.getGroupType() != Aggregate.Group.SIMPLE) {
      return;
    }
    int groupCount = agg.getGroupCount();
    List<AggregateCall> kept = new ArrayList<>();
    Map<Integer, RexNode> constants = new HashMap<>();
    List<AggregateCall> calls = agg.getAggCallList();
    for (int i = 0; i < calls.size(); i++) {
      AggregateCall c = calls.get(i);
      if (c.getAggregation().getKind() == SqlKind.ANY_VALUE && c.filterArg < 0
          && c.getArgList().size() == 1
          && project.getProjects().get(c.getArgList().get(0)) instanceof RexLiteral lit) {
        constants.put(groupCount + i, lit);
      } else {
        kept.add(c);
      }
    }
    if (constants.isEmpty() || (kept.isEmpty() && groupCount == 0)) {
      return;
    }
    Aggregate narrowed = agg.copy(agg.getTraitSet(), project, agg.getGroupSet(), null, kept);
    RexBuilder rex = agg.getCluster().getRexBuilder();
    List<RexNode> exprs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int next = 0;
    for (RelDataTypeField f : agg.getRowType().getFieldList()) {
      RexNode constant = constants.get(f.getIndex());
      if (constant == null) {
        exprs.add(rex.makeInputRef(narrowed, next++));
      } else if (constant.getType().equals(f.getType())) {
        exprs.add(constant);
      } else {
        // the aggregate's column is nullable; keep its exact type
        exprs.add(rex.makeAbstractCast(f.getType(), constant, false));
      }
      names.add(f.getName());
    }
    call.transformTo(LogicalProject.create(narrowed, List.of(), exprs, names, java.util.Set.of()));
  }
}
