package io.strata.planner.exec;

import io.strata.planner.eval.Evaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * ORDER BY with optional OFFSET/FETCH. A small OFFSET+FETCH keeps only the best rows in a
 * bounded heap (top-N) instead of sorting everything; otherwise the input is sorted stably.
 */
final class SortOp implements Operator {
  /** Above this many rows to keep, a full sort is cheaper than a heap. */
  private static final long TOP_N_LIMIT = 10_000;

  private final Operator input;
  private final RowComparator comparator;
  private final Evaluator offset;
  private final Evaluator fetch;

  private ExecContext ctx;
  private List<Object[]> rows;
  private int pos;
  private int end;

  SortOp(Operator input, RowComparator comparator, Evaluator offset, Evaluator fetch) {
    this.input = input;
    this.comparator = comparator;
    this.offset = offset;
    this.fetch = fetch;
  }

  @Override
  public void open(ExecContext ctx) {
    this.ctx = ctx;
    ctx.checkCancelled();
    rows = null;
    input.open(ctx);
  }

  private void compute() {
    long skip = LimitOp.bound(offset, ctx, 0);
    long limit = LimitOp.bound(fetch, ctx, Long.MAX_VALUE);
    long keep = limit == Long.MAX_VALUE ? Long.MAX_VALUE : skip + limit;
    int ticks = 0;
    Object[] row;
    if (keep == 0) {
      rows = new ArrayList<>();
    } else if (keep <= TOP_N_LIMIT) {
      PriorityQueue<Object[]> heap = new PriorityQueue<>((int) keep + 1, comparator.reversed());
      while ((row = input.next()) != null) {
        if ((++ticks & 1023) == 0) {
          ctx.checkCancelled();
        }
        if (heap.size() < keep) {
          heap.add(row);
        } else if (comparator.compare(row, heap.peek()) < 0) {
          heap.poll();
          heap.add(row);
        }
      }
      rows = new ArrayList<>(heap);
      rows.sort(comparator);
    } else {
      rows = new ArrayList<>();
      while ((row = input.next()) != null) {
        if ((++ticks & 1023) == 0) {
          ctx.checkCancelled();
        }
        rows.add(row);
      }
      rows.sort(comparator);
    }
    pos = (int) Math.min(skip, rows.size());
    end = (int) Math.min(keep, rows.size());
  }

  @Override
  public Object[] next() {
    if (rows == null) {
      compute();
    }
    return pos < end ? rows.get(pos++) : null;
  }

  @Override
  public void close() {
    input.close();
    rows = null;
  }
}
