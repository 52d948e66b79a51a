package io.strata.planner.table;

import io.strata.planner.codec.RowCodec;
import io.strata.planner.eval.Evaluator;
import io.strata.planner.exec.ExecContext;
import io.strata.planner.exec.Operator;

/**
 * A filter over a table scan in one step: each stored row is decoded only as far as the columns
 * the condition reads, and its other columns only when the condition is TRUE. A rejected row
 * costs no row array of its own (the array is reused) and no decoding of the columns it would
 * have passed on.
 */
final class FilteredScanOp implements Operator {
  private final TableScanOp scan;
  private final Evaluator condition;
  /** The positions the condition reads; cleared before the next row is decoded into the array. */
  private final int[] conditionColumns;
  /** Slot → output position for the condition's columns, and for all the others. */
  private final int[] conditionSlots;
  private final int[] otherSlots;
  private final int width;
  private ExecContext ctx;
  /** The array of the row being tested, reused while rows are rejected. */
  private Object[] row;

  FilteredScanOp(TableScanOp scan, Evaluator condition, int[] conditionColumns,
      int[] conditionSlots, int[] otherSlots) {
    this.scan = scan;
    this.condition = condition;
    this.conditionColumns = conditionColumns;
    this.conditionSlots = conditionSlots;
    this.otherSlots = otherSlots;
    this.width = scan.width();
  }

  @Override
  public void open(ExecContext context) {
    this.ctx = context;
    scan.open(context);
  }

  @Override
  public Object[] next() {
    byte[] value;
    while ((value = scan.nextStored()) != null) {
      Object[] r = row;
      if (r == null) {
        r = row = new Object[width];
      } else {
        // decoding leaves a NULL or absent slot's entry as it was
        for (int c : conditionColumns) {
          r[c] = null;
        }
      }
      RowCodec.decode(value, conditionSlots, r);
      if (condition.test(r, ctx)) {
        RowCodec.decode(value, otherSlots, r);
        row = null; // the caller owns it now
        return r;
      }
    }
    return null;
  }

  @Override
  public void close() {
    scan.close();
  }
}
