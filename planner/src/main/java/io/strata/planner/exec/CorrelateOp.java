package io.strata.planner.exec;

import org.apache.calcite.rel.core.JoinRelType;

/**
 * Nested-loop join of each left row with the right input re-run under that row: the left row is
 * bound to the correlation variable, the right operator tree is opened, drained and closed again.
 * Handles INNER, LEFT, SEMI and ANTI, as Calcite's Correlate does.
 */
final class CorrelateOp implements Operator {
  private final Operator left;
  private final Operator right;
  private final int correlId;
  private final JoinRelType type;
  private final int leftWidth;
  private final int rightWidth;

  private ExecContext ctx;
  private Object[] current;
  private boolean rightOpen;
  private boolean currentMatched;

  CorrelateOp(Operator left, Operator right, int correlId, JoinRelType type, int leftWidth,
      int rightWidth) {
    this.left = left;
    this.right = right;
    this.correlId = correlId;
    this.type = type;
    this.leftWidth = leftWidth;
    this.rightWidth = rightWidth;
  }

  @Override
  public void open(ExecContext ctx) {
    this.ctx = ctx;
    current = null;
    rightOpen = false;
    left.open(ctx);
  }

  @Override
  public Object[] next() {
    while (true) {
      if (current == null) {
        current = left.next();
        if (current == null) {
          return null;
        }
        ctx.checkCancelled();
        ctx.bindCorrel(correlId, current);
        right.open(ctx);
        rightOpen = true;
        currentMatched = false;
      }
      Object[] r = rightOpen ? right.next() : null;
      if (r != null) {
        currentMatched = true;
        switch (type) {
          case SEMI: {
            Object[] out = finishCurrent();
            return out;
          }
          case ANTI:
            finishCurrent();
            continue;
          default:
            return JoinRows.concat(current, leftWidth, r, rightWidth);
        }
      }
      boolean matched = currentMatched;
      Object[] l = finishCurrent();
      if (!matched && type == JoinRelType.LEFT) {
        return JoinRows.concat(l, leftWidth, null, rightWidth);
      }
      if (!matched && type == JoinRelType.ANTI) {
        return l;
      }
    }
  }

  /** Closes the right side for the current left row and returns that row. */
  private Object[] finishCurrent() {
    if (rightOpen) {
      right.close();
      rightOpen = false;
    }
    Object[] l = current;
    current = null;
    return l;
  }

  @Override
  public void close() {
    if (rightOpen) {
      right.close();
      rightOpen = false;
    }
    left.close();
  }
}
