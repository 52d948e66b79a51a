package io.strata.planner.exec;

import io.strata.planner.eval.Evaluator;

/** Passes on the input rows for which the condition is TRUE. */
final class FilterOp implements Operator {
  private final Operator input;
  private final Evaluator condition;
  private ExecContext ctx;
  private int ticks;

  FilterOp(Operator input, Evaluator condition) {
    this.input = input;
    this.condition = condition;
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
      if (condition.test(in, ctx)) {
        return in;
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
