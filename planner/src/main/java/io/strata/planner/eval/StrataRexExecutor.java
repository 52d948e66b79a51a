package io.strata.planner.eval;

import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Calcite's constant folder, built on Strata's evaluators instead of generated Java: each constant
 * expression is compiled and evaluated once, and replaced by a literal of exactly its type.
 *
 * <p>An expression is left as it is when folding it would not be faithful: it fails when
 * evaluated (division of integers that overflows, a bad CAST: the error belongs to execution
 * time, and only if the row is actually reached), it reads parameters, columns or correlation
 * variables, it is non-deterministic or depends on the clock, or its value has no literal of the
 * expression's type (a 64-bit result of an INTEGER-typed expression, a string shorter than its
 * CHAR type, a non-finite double).
 */
public final class StrataRexExecutor implements RexExecutor {

  public static final StrataRexExecutor INSTANCE = new StrataRexExecutor();

  @Override
  public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
    for (RexNode e : constExps) {
      reducedValues.add(fold(rexBuilder, e));
    }
  }

  private static RexNode fold(RexBuilder rb, RexNode e) {
    if (!foldable(e)) {
      return e;
    }
    try {
      Evaluator ev = RexCompiler.compile(e);
      Object v = ev.eval(new Object[0], Bindings.NONE);
      RexNode lit = Literals.toLiteral(rb, v, e.getType());
      return lit == null ? e : lit;
    } catch (RuntimeException ex) {
      return e; // unsupported here, or an error that must surface at execution time
    }
  }

  /**
   * True iff {@code e} has the same value on every row and every execution: no columns,
   * parameters, correlation variables, clock or non-deterministic functions.
   */
  public static boolean foldable(RexNode e) {
    if (!RexUtil.isConstant(e) || RexUtil.containsInputRef(e) || RexUtil.containsCorrelation(e)) {
      return false;
    }
    Boolean[] ok = {true};
    e.accept(new org.apache.calcite.rex.RexVisitorImpl<Void>(true) {
      @Override
      public Void visitCall(RexCall call) {
        if (!call.getOperator().isDeterministic() || call.getOperator().isDynamicFunction()) {
          ok[0] = false;
        }
        return super.visitCall(call);
      }

      @Override
      public Void visitDynamicParam(org.apache.calcite.rex.RexDynamicParam p) {
        ok[0] = false;
        return null;
      }
    });
    return ok[0];
  }
}
