package io.strata.planner.exec;

/** Output rows of the join operators: a left row followed by a right row, either side null-padded. */
final class JoinRows {
  private JoinRows() {}

  /** The left row's leftWidth values, then the right row's rightWidth; a null side stays NULLs. */
  static Object[] concat(Object[] l, int leftWidth, Object[] r, int rightWidth) {
    Object[] out = new Object[leftWidth + rightWidth];
    if (l != null) {
      System.arraycopy(l, 0, out, 0, leftWidth);
    }
    if (r != null) {
      System.arraycopy(r, 0, out, leftWidth, rightWidth);
    }
    return out;
  }
}
