package io.strata.planner.exec;

import io.strata.planner.eval.Evaluator;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.JoinRelType;

/**
 * Join by testing the condition on every pair; the right input is read once into memory. Used
 * when the condition has no equi-key. Handles INNER, LEFT, RIGHT, FULL, SEMI and ANTI.
 */
final class NestedLoopJoinOp implements Operator {
  private final Operator left;
  private final Operator right;
  private final JoinRelType type;
  private final Evaluator condition; // null: always true
  private final int leftWidth;
  private final int rightWidth;

  private ExecContext ctx;
  private List<Object[]> inner;
  private boolean[] matchedRight;
  private Object[] scratch;
  private Object[] current;
  private int cursor;
  private boolean currentMatched;
  private boolean leftDone;
  private int unmatchedPos;
  private int ticks;

  NestedLoopJoinOp(Operator left, Operator right, JoinRelType type, Evaluator condition,
      int leftWidth, int rightWidth) {
    this.left = left;
    this.right = right;
    this.type = type;
    this.condition = condition;
    this.leftWidth = leftWidth;
    this.rightWidth = rightWidth;
  }

  @Override
  public void open(ExecContext ctx) {
    this.ctx = ctx;
    ctx.checkCancelled();
    inner = new ArrayList<>();
    right.open(ctx);
    Object[] row;
    while ((row = right.next()) != null) {
      if ((++ticks & 1023) == 0) {
        ctx.checkCancelled();
      }
      inner.add(row);
    }
    right.close();
    matchedRight = (type == JoinRelType.RIGHT || type == JoinRelType.FULL)
        ? new boolean[inner.size()] : null;
    scratch = new Object[leftWidth + rightWidth];
    current = null;
    leftDone = false;
    unmatchedPos = 0;
    left.open(ctx);
  }

  @Override
  public Object[] next() {
    while (!leftDone) {
      if (current == null) {
        current = left.next();
        if (current == null) {
          leftDone = true;
          break;
        }
        cursor = 0;
        currentMatched = false;
        System.arraycopy(current, 0, scratch, 0, leftWidth);
      }
      while (cursor < inner.size()) {
        if ((++ticks & 1023) == 0) {
          ctx.checkCancelled();
        }
        int idx = cursor++;
        Object[] r = inner.get(idx);
        if (condition != null) {
          System.arraycopy(r, 0, scratch, leftWidth, rightWidth);
          if (!condition.test(scratch, ctx)) {
            continue;
          }
        }
        currentMatched = true;
        if (matchedRight != null) {
          matchedRight[idx] = true;
        }
        if (type == JoinRelType.SEMI) {
          Object[] out = current;
          current = null;
          return out;
        }
        if (type == JoinRelType.ANTI) {
          cursor = inner.size();
          break;
        }
        return concat(current, r);
      }
      Object[] l = current;
      current = null;
      if (!currentMatched && (type == JoinRelType.LEFT || type == JoinRelType.FULL
          || type == JoinRelType.ANTI)) {
        return type == JoinRelType.ANTI ? l : concat(l, null);
      }
    }
    if (matchedRight != null) {
      while (unmatchedPos < inner.size()) {
        int idx = unmatchedPos++;
        if (!matchedRight[idx]) {
          return concat(null, inner.get(idx));
        }
      }
    }
    return null;
  }

  private Object[] concat(Object[] l, Object[] r) {
    return JoinRows.concat(l, leftWidth, r, rightWidth);
  }

  @Override
  public void close() {
    left.close();
    right.close();
    inner = null;
  }
}
