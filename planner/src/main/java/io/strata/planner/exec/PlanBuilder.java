package io.strata.planner.exec;

import io.strata.planner.StrataException;
import io.strata.planner.StrataException.Reason;
import io.strata.planner.eval.Bindings;
import io.strata.planner.eval.Evaluator;
import io.strata.planner.eval.RexCompiler;
import io.strata.planner.eval.StrataRexExecutor;
import io.strata.planner.eval.Values;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalIntersect;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalMinus;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Turns an optimised {@link RelNode} tree into an {@link Operator} tree. Calcite's logical nodes
 * are built here; every other node (table scans, index scans, table modification, …) goes to
 * the caller's {@link ScanFactory} together with its already built inputs.
 *
 * <p>Joins: a condition with at least one equi-key ({@code =} or IS NOT DISTINCT FROM between a
 * left and a right column) becomes a hash join that builds on the right input, the rest of the
 * condition a residual test; any other condition a nested-loop join.
 */
public final class PlanBuilder {

  private PlanBuilder() {}

  /** Builds the operator tree for {@code rel}. */
  public static Operator build(RelNode rel, ScanFactory scans) {
    if (rel instanceof LogicalProject) {
      LogicalProject p = (LogicalProject) rel;
      return new ProjectOp(build(p.getInput(), scans), RexCompiler.compile(p.getProjects()));
    }
    if (rel instanceof LogicalFilter) {
      LogicalFilter f = (LogicalFilter) rel;
      return filter(build(f.getInput(), scans), f.getCondition());
    }
    if (rel instanceof LogicalCalc) {
      return calc((LogicalCalc) rel, scans);
    }
    if (rel instanceof LogicalValues) {
      return values((LogicalValues) rel);
    }
    if (rel instanceof LogicalAggregate) {
      return aggregate((LogicalAggregate) rel, scans);
    }
    if (rel instanceof LogicalSort) {
      return sort((LogicalSort) rel, scans);
    }
    if (rel instanceof LogicalJoin) {
      return join((LogicalJoin) rel, scans);
    }
    if (rel instanceof LogicalCorrelate) {
      LogicalCorrelate c = (LogicalCorrelate) rel;
      return new CorrelateOp(build(c.getLeft(), scans), build(c.getRight(), scans),
          c.getCorrelationId().getId(), c.getJoinType(), width(c.getLeft()), width(c.getRight()));
    }
    if (rel instanceof LogicalUnion) {
      LogicalUnion u = (LogicalUnion) rel;
      return new UnionOp(setInputs(u, scans), u.all, width(u));
    }
    if (rel instanceof LogicalIntersect) {
      LogicalIntersect i = (LogicalIntersect) rel;
      return new SetOp(setInputs(i, scans), true, i.all, width(i));
    }
    if (rel instanceof LogicalMinus) {
      LogicalMinus m = (LogicalMinus) rel;
      return new SetOp(setInputs(m, scans), false, m.all, width(m));
    }
    List<Operator> ins = new ArrayList<>();
    for (RelNode in : rel.getInputs()) {
      ins.add(build(in, scans));
    }
    Operator op = scans.build(rel, ins);
    if (op == null) {
      throw new StrataException(Reason.UNSUPPORTED,
          "cannot execute relational operator " + rel.getRelTypeName());
    }
    return op;
  }

  private static int width(RelNode rel) {
    return rel.getRowType().getFieldCount();
  }

  /**
   * The inputs of a set operation, each converted to the operation's column types where they
   * differ (an INTEGER input of a DOUBLE column yields Doubles), so that every output value has
   * the representation of its column's type.
   */
  private static Operator[] setInputs(RelNode setOp, ScanFactory scans) {
    List<RelNode> rels = setOp.getInputs();
    List<RelDataTypeField> target = setOp.getRowType().getFieldList();
    RexBuilder rb = setOp.getCluster().getRexBuilder();
    Operator[] ops = new Operator[rels.size()];
    for (int i = 0; i < ops.length; i++) {
      RelNode in = rels.get(i);
      ops[i] = build(in, scans);
      List<RelDataTypeField> fields = in.getRowType().getFieldList();
      boolean differ = false;
      List<RexNode> casts = new ArrayList<>();
      for (int f = 0; f < fields.size(); f++) {
        RelDataType from = fields.get(f).getType();
        RelDataType to = target.get(f).getType();
        RexNode ref = rb.makeInputRef(from, f);
        if (SqlTypeUtil.equalSansNullability(from, to)) {
          casts.add(ref);
        } else {
          differ = true;
          casts.add(rb.makeAbstractCast(to, ref, false));
        }
      }
      if (differ) {
        ops[i] = new ProjectOp(ops[i], RexCompiler.compile(casts));
      }
    }
    return ops;
  }

  private static Operator calc(LogicalCalc calc, ScanFactory scans) {
    RexProgram program = calc.getProgram();
    Operator input = build(calc.getInput(), scans);
    Evaluator condition = null;
    if (program.getCondition() != null) {
      RexNode c = program.expandLocalRef(program.getCondition());
      if (input instanceof FilterableScan) {
        input = filter(input, c);
      } else {
        condition = RexCompiler.compile(c);
      }
    }
    List<RexNode> projects = new ArrayList<>();
    for (RexLocalRef ref : program.getProjectList()) {
      projects.add(program.expandLocalRef(ref));
    }
    return new CalcOp(input, condition, RexCompiler.compile(projects));
  }

  /** Rows of input for which condition is TRUE; a scan that can test it does so as it decodes. */
  private static Operator filter(Operator input, RexNode condition) {
    Evaluator test = RexCompiler.compile(condition);
    if (input instanceof FilterableScan scan) {
      return scan.filtered(test, RelOptUtil.InputFinder.bits(condition).toArray());
    }
    return new FilterOp(input, test);
  }

  private static Operator values(LogicalValues v) {
    List<RelDataTypeField> fields = v.getRowType().getFieldList();
    Object[][] rows = new Object[v.getTuples().size()][];
    int r = 0;
    for (List<RexLiteral> tuple : v.getTuples()) {
      Object[] row = new Object[tuple.size()];
      for (int i = 0; i < row.length; i++) {
        // the literal's own type may be narrower than the column's (e.g. INTEGER in a DOUBLE column)
        Object val = RexCompiler.compile(tuple.get(i)).eval(row, null);
        row[i] = Values.convert(val, fields.get(i).getType());
      }
      rows[r++] = row;
    }
    return new ValuesOp(rows);
  }

  private static Operator aggregate(LogicalAggregate agg, ScanFactory scans) {
    List<AggregateCall> calls = agg.getAggCallList();
    Aggregates.AggFn[] fns = new Aggregates.AggFn[calls.size()];
    List<RexNode> inputExprs = agg.getInput() instanceof LogicalProject
        ? ((LogicalProject) agg.getInput()).getProjects() : null;
    for (int i = 0; i < fns.length; i++) {
      AggregateCall call = calls.get(i);
      Object[] constant = inputExprs == null ? null : constantArgument(call, inputExprs);
      fns[i] = constant != null ? Aggregates.AggFn.constant(call, constant[0])
          : new Aggregates.AggFn(call);
    }
    return new AggregateOp(build(agg.getInput(), scans), agg.getGroupSet(), agg.getGroupSets(),
        fns);
  }

  /**
   * For ANY_VALUE whose argument the input computes as a constant (a non-grouped constant in a
   * lenient GROUP BY query is wrapped in ANY_VALUE), the constant in a one-element array; else
   * null.
   */
  private static Object[] constantArgument(AggregateCall call, List<RexNode> inputExprs) {
    if (call.getAggregation().getKind() != SqlKind.ANY_VALUE || call.getArgList().size() != 1
        || call.filterArg >= 0) {
      return null;
    }
    RexNode e = inputExprs.get(call.getArgList().get(0));
    if (!StrataRexExecutor.foldable(e)) {
      return null;
    }
    try {
      Object v = RexCompiler.compile(e).eval(new Object[0], Bindings.NONE);
      return new Object[] {Values.convert(v, call.getType())};
    } catch (RuntimeException ex) {
      return null; // parameters, the clock or an error: evaluate per row instead
    }
  }

  private static Operator sort(LogicalSort sort, ScanFactory scans) {
    Operator input = build(sort.getInput(), scans);
    Evaluator offset = sort.offset == null ? null : constantBound(sort.offset);
    Evaluator fetch = sort.fetch == null ? null : constantBound(sort.fetch);
    if (sort.getCollation().getFieldCollations().isEmpty()) {
      return new LimitOp(input, offset, fetch);
    }
    return new SortOp(input, new RowComparator(sort.getCollation().getFieldCollations()), offset,
        fetch);
  }

  private static Evaluator constantBound(RexNode e) {
    if (RexUtil.containsInputRef(e)) {
      throw new StrataException(Reason.INVALID_STATEMENT, "OFFSET/FETCH must be a constant");
    }
    return RexCompiler.compile(e);
  }

  private static Operator join(LogicalJoin join, ScanFactory scans) {
    RelNode l = join.getLeft();
    RelNode r = join.getRight();
    JoinRelType type = join.getJoinType();
    Operator left = build(l, scans);
    Operator right = build(r, scans);
    int lw = width(l);
    int rw = width(r);
    JoinKeys keys = JoinKeys.of(join.getCondition(), lw, join.getCluster().getRexBuilder());
    Evaluator residual = keys.residual == null ? null : RexCompiler.compile(keys.residual);
    if (keys.left.length == 0) {
      return new NestedLoopJoinOp(left, right, type, residual, lw, rw);
    }
    return new HashJoinOp(left, right, type, keys.left, keys.right, keys.nullSafe, residual, lw,
        rw);
  }
}
