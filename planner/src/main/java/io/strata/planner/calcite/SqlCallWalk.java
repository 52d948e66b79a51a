package io.strata.planner.calcite;

import java.util.function.Consumer;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/** Visits every call of a SqlNode tree, a call before its operands, for rewrites in place. */
final class SqlCallWalk {
  private SqlCallWalk() {}

  /**
   * Runs {@code action} on each call in {@code node}; the operands of a call are read after the
   * action ran on it, so operands it replaced are the ones visited.
   */
  static void visit(SqlNode node, Consumer<SqlCall> action) {
    if (node instanceof SqlNodeList list) {
      for (SqlNode n : list) {
        if (n != null) {
          visit(n, action);
        }
      }
    } else if (node instanceof SqlCall call) {
      action.accept(call);
      for (SqlNode operand : call.getOperandList()) {
        if (operand != null) {
          visit(operand, action);
        }
      }
    }
  }
}
