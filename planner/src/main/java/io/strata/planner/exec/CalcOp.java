package io.strata.planner.exec;

import io.strata.planner.eval.Evaluator;

/** Filter and project in one step (a Calc node): rows passing the condition are projected. */
final class CalcOp implements Operator {
  private final Operator input;
  private final Evaluator condition; // null: no condition
  private final Evaluator[] exprs;
  private ExecContext ctx;
  private int ticks;

  CalcOp(Operator input, Evaluator condition, Evaluator[] exprs) {
    this.input = input;
    this.condition = condition;
    this.exprs = exprs;
  }

  @Override
  public void open(ExecContext ctx) {
    this.ctx = ctx;
    input.open(ctx);
  }

  @Override
  public Object[] next() {
    Object[] in;
    while ((in = input.next()) != null) {
      if (condition == null || condition.test(in, ctx)) {
        Object[] out = new Object[exprs.length];
        for (int i = 0; i < out.length; i++) {
          out[i] = exprs[i].eval(in, ctx);
        }
        return out;
      }
      if ((++ticks & 1023) == 0) {
        ctx.checkCancelled();
      }
    }
    return null;
  }

  @Override
  public void close() {
    input.close();
  }
}
