package io.strata.planner.exec;

/** Constant rows (VALUES); each row handed out is a fresh copy. */
final class ValuesOp implements Operator {
  private final Object[][] rows;
  private int pos;

  ValuesOp(Object[][] rows) {
    this.rows = rows;
  }

  @Override
  public void open(ExecContext ctx) {
    pos = 0;
  }

  @Override
  public Object[] next() {
    return pos < rows.length ? rows[pos++].clone() : null;
  }

  @Override
  public void close() {}
}
