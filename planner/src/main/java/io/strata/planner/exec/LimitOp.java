package io.strata.planner.exec;

import io.strata.planner.eval.Evaluator;
import io.strata.planner.eval.Values;

/** OFFSET/FETCH without ordering; both bounds are evaluated at open (they may be parameters). */
final class LimitOp implements Operator {
  private final Operator input;
  private final Evaluator offset; // null: 0
  private final Evaluator fetch; // null: unlimited
  private long remaining;
  private long toSkip;

  LimitOp(Operator input, Evaluator offset, Evaluator fetch) {
    this.input = input;
    this.offset = offset;
    this.fetch = fetch;
  }

  static long bound(Evaluator e, ExecContext ctx, long absent) {
    if (e == null) {
      return absent;
    }
    Object v = e.eval(new Object[0], ctx);
    if (v == null) {
      return absent;
    }
    long l = Values.toLong(v);
    if (l < 0) {
      throw new io.strata.planner.StrataException(io.strata.planner.StrataException.Reason.DATA,
          "OFFSET and FETCH/LIMIT must not be negative: " + l);
    }
    return l;
  }

  @Override
  public void open(ExecContext ctx) {
    toSkip = bound(offset, ctx, 0);
    remaining = bound(fetch, ctx, Long.MAX_VALUE);
    input.open(ctx);
  }

  @Override
  public Object[] next() {
    if (remaining <= 0) {
      return null;
    }
    Object[] in;
    while (toSkip > 0) {
      if (input.next() == null) {
        remaining = 0;
        return null;
      }
      toSkip--;
    }
    in = input.next();
    if (in == null) {
      remaining = 0;
      return null;
    }
    remaining--;
    return in;
  }

  @Override
  public void close() {
    input.close();
  }
}
