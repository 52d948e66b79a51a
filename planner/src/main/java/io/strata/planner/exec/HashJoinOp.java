package io.strata.planner.exec;

import io.strata.planner.eval.Evaluator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.calcite.rel.core.JoinRelType;

/**
 * Equi-join by hashing the right input (the build side) on its key columns and probing with
 * each left row; an optional residual condition is tested on the concatenated row. Handles
 * INNER, LEFT, RIGHT, FULL, SEMI and ANTI.
 *
 * <p>Invariants: a key column compared with {@code =} never matches NULL (such rows are still
 * kept for RIGHT/FULL padding); a column compared with IS NOT DISTINCT FROM matches NULL to NULL.
 * Right rows with the same key are chained in input order through {@code chain}.
 */
final class HashJoinOp implements Operator {
  private final Operator left;
  private final Operator right;
  private final JoinRelType type;
  private final int[] leftKeys;
  private final int[] rightKeys;
  private final boolean[] nullSafe;
  private final Evaluator residual; // on the concatenated row; null: none
  private final int leftWidth;
  private final int rightWidth;

  private ExecContext ctx;
  private List<Object[]> build;
  private int[] chain; // next index with the same key, -1 at the end
  private HashMap<GroupKey, int[]> table; // key -> {head, tail}
  private boolean[] matchedRight;
  private GroupKey probe;
  private Object[] scratch;

  private Object[] current; // left row being probed
  private int cursor; // next build index to test for current, -1 when none
  private boolean currentMatched;
  private boolean leftDone;
  private int unmatchedPos; // RIGHT/FULL: scan position over build rows after the left side ends
  private int ticks;

  HashJoinOp(Operator left, Operator right, JoinRelType type, int[] leftKeys, int[] rightKeys,
      boolean[] nullSafe, Evaluator residual, int leftWidth, int rightWidth) {
    this.left = left;
    this.right = right;
    this.type = type;
    this.leftKeys = leftKeys;
    this.rightKeys = rightKeys;
    this.nullSafe = nullSafe;
    this.residual = residual;
    this.leftWidth = leftWidth;
    this.rightWidth = rightWidth;
  }

  @Override
  public void open(ExecContext ctx) {
    this.ctx = ctx;
    ctx.checkCancelled();
    right.open(ctx);
    build = new ArrayList<>();
    table = new HashMap<>();
    GroupKey key = GroupKey.probe(rightKeys.length);
    int[] next = new int[16];
    Object[] row;
    while ((row = right.next()) != null) {
      if ((++ticks & 1023) == 0) {
        ctx.checkCancelled();
      }
      int idx = build.size();
      build.add(row);
      if (next.length <= idx) {
        next = java.util.Arrays.copyOf(next, next.length * 2);
      }
      next[idx] = -1;
      key.fill(row, rightKeys);
      if (rejectsNull(key)) {
        continue;
      }
      int[] ht = table.get(key);
      if (ht == null) {
        table.put(key.copy(), new int[] {idx, idx});
      } else {
        next[ht[1]] = idx;
        ht[1] = idx;
      }
    }
    right.close();
    chain = next;
    matchedRight = (type == JoinRelType.RIGHT || type == JoinRelType.FULL)
        ? new boolean[build.size()] : null;
    probe = GroupKey.probe(leftKeys.length);
    scratch = new Object[leftWidth + rightWidth];
    current = null;
    leftDone = false;
    unmatchedPos = 0;
    left.open(ctx);
  }

  private boolean rejectsNull(GroupKey k) {
    for (int i = 0; i < nullSafe.length; i++) {
      if (!nullSafe[i] && k.values[i] == null) {
        return true;
      }
    }
    return false;
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
        if ((++ticks & 1023) == 0) {
          ctx.checkCancelled();
        }
        currentMatched = false;
        probe.fill(current, leftKeys);
        int[] ht = rejectsNull(probe) ? null : table.get(probe);
        cursor = ht == null ? -1 : ht[0];
      }
      while (cursor >= 0) {
        if ((++ticks & 1023) == 0) {
          ctx.checkCancelled(); // a long chain of candidates may match many or no rows
        }
        int idx = cursor;
        cursor = chain[idx];
        Object[] r = build.get(idx);
        if (residual != null) {
          System.arraycopy(current, 0, scratch, 0, leftWidth);
          System.arraycopy(r, 0, scratch, leftWidth, rightWidth);
          if (!residual.test(scratch, ctx)) {
            continue;
          }
        }
        currentMatched = true;
        if (matchedRight != null) {
          matchedRight[idx] = true;
        }
        switch (type) {
          case SEMI: {
            Object[] out = current;
            current = null;
            return out;
          }
          case ANTI:
            cursor = -1;
            break;
          default:
            return concat(current, r);
        }
      }
      Object[] l = current;
      current = null;
      if (!currentMatched && (type == JoinRelType.LEFT || type == JoinRelType.FULL
          || type == JoinRelType.ANTI)) {
        return type == JoinRelType.ANTI ? l : concat(l, null);
      }
    }
    if (matchedRight != null) {
      while (unmatchedPos < build.size()) {
        int idx = unmatchedPos++;
        if (!matchedRight[idx]) {
          return concat(null, build.get(idx));
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
    build = null;
    table = null;
  }
}
