package io.strata.planner.exec;

import java.util.HashSet;

/** UNION ALL (inputs one after another) and UNION (the same, first occurrence of each row). */
final class UnionOp implements Operator {
  private final Operator[] inputs;
  private final boolean all;
  private int current;
  private HashSet<GroupKey> seen;
  private GroupKey probe;
  private ExecContext ctx;
  private int ticks;

  UnionOp(Operator[] inputs, boolean all, int width) {
    this.inputs = inputs;
    this.all = all;
    this.probe = GroupKey.probe(width);
  }

  @Override
  public void open(ExecContext ctx) {
    this.ctx = ctx;
    current = 0;
    seen = all ? null : new HashSet<>();
    if (inputs.length > 0) {
      inputs[0].open(ctx);
    }
  }

  @Override
  public Object[] next() {
    while (current < inputs.length) {
      Object[] row = inputs[current].next();
      if (row == null) {
        inputs[current].close();
        if (++current < inputs.length) {
          inputs[current].open(ctx);
        }
        continue;
      }
      if ((++ticks & 1023) == 0) {
        ctx.checkCancelled();
      }
      if (all || seen.add(probe.fillAll(row).copy())) {
        return row;
      }
    }
    return null;
  }

  @Override
  public void close() {
    if (current < inputs.length) {
      inputs[current].close();
      current = inputs.length;
    }
    seen = null;
  }
}
