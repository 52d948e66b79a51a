package io.strata.planner.exec;

import io.strata.planner.eval.Evaluator;

/**
 * A scan that can test a filter itself, on the columns the filter reads, before it decodes the
 * rest of a stored row: the rows the filter rejects are never decoded in full.
 */
public interface FilterableScan extends Operator {
  /**
   * An operator yielding what a {@link FilterOp} of {@code condition} over this scan would yield.
   * {@code columns} are the positions of this scan's output that the condition reads.
   */
  Operator filtered(Evaluator condition, int[] columns);
}
