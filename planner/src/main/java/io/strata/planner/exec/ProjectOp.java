package io.strata.planner.exec;

import io.strata.planner.eval.Evaluator;

/** Computes one output row of expressions per input row. */
final class ProjectOp implements Operator {
  private final Operator input;
  private final Evaluator[] exprs;
  private ExecContext ctx;

  ProjectOp(Operator input, Evaluator[] exprs) {
    this.input = input;
    this.exprs = exprs;
  }

  @Override
  public void open(ExecContext ctx) {
    this.ctx = ctx;
    input.open(ctx);
  }

  @Override
  public Object[] next() {
    Object[] in = input.next();
    if (in == null) {
      return null;
    }
    Object[] out = new Object[exprs.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = exprs[i].eval(in, ctx);
    }
    return out;
  }

  @Override
  public void close() {
    input.close();
  }
}
