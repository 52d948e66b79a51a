package io.strata.planner.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Rewrites a query before validation so the validator's lenient GROUP BY check does not fail on a
 * CASE expression: in an aggregate query it walks each non-aggregated select item's operands, and
 * a searched CASE (also what NULLIF and COALESCE become) has an absent operand, which it cannot
 * visit. Such an item ({@code SELECT NULLIF(94, 95), COUNT(*)}) is wrapped here in ANY_VALUE,
 * which is what the lenient check would have done; its value is the same, since a non-aggregated
 * item in a query without grouping sets holds one value per group.
 */
final class CaseItemsInAggregates {
  private CaseItemsInAggregates() {}

  /** Rewrites every SELECT in {@code node} in place; returns {@code node}. */
  static SqlNode apply(SqlNode node) {
    SqlCallWalk.visit(node, call -> {
      if (call instanceof SqlSelect select) {
        rewrite(select);
      }
    });
    return node;
  }

  private static void rewrite(SqlSelect select) {
    SqlNodeList items = select.getSelectList();
    if (items == null || !isAggregateQuery(select)) {
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      SqlNode item = items.get(i);
      SqlNode expr = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
      if (contains(expr, Find.AGGREGATE) || !contains(expr, Find.CASE)) {
        continue;
      }
      SqlNode wrapped = SqlStdOperatorTable.ANY_VALUE.createCall(expr.getParserPosition(), expr);
      if (item.getKind() == SqlKind.AS) {
        ((SqlCall) item).setOperand(0, wrapped);
      } else {
        items.set(i, wrapped);
      }
    }
  }

  private static boolean isAggregateQuery(SqlSelect select) {
    SqlNodeList group = select.getGroup();
    if (group != null) {
      for (SqlNode g : group) {
        if (g instanceof SqlCall c && (c.getKind() == SqlKind.ROLLUP || c.getKind() == SqlKind.CUBE
            || c.getKind() == SqlKind.GROUPING_SETS)) {
          return false;
        }
      }
      if (!group.isEmpty()) {
        return !contains(select.getSelectList(), Find.WINDOW);
      }
    }
    return (contains(select.getSelectList(), Find.AGGREGATE) || select.getHaving() != null)
        && !contains(select.getSelectList(), Find.WINDOW);
  }

  private enum Find { AGGREGATE, CASE, WINDOW }

  /** Functions the validator rewrites into a CASE expression. */
  private static final java.util.Set<String> CASE_LIKE =
      java.util.Set.of("CASE", "NULLIF", "COALESCE", "NVL", "IFNULL");

  private static final java.util.Set<String> AGGREGATES = java.util.Set.of("COUNT", "SUM", "MIN",
      "MAX", "AVG", "ANY_VALUE", "EVERY", "SOME", "BOOL_AND", "BOOL_OR", "STDDEV", "STDDEV_POP",
      "STDDEV_SAMP", "VARIANCE", "VAR_POP", "VAR_SAMP", "GROUP_CONCAT", "LISTAGG", "STRING_AGG",
      "ARRAY_AGG", "SINGLE_VALUE", "TOTAL", "COLLECT", "GROUPING", "GROUPING_ID");

  /** Whether {@code node} contains the thing, not looking inside sub-queries. */
  private static boolean contains(SqlNode node, Find what) {
    if (node instanceof SqlNodeList list) {
      for (SqlNode n : list) {
        if (contains(n, what)) {
          return true;
        }
      }
      return false;
    }
    if (!(node instanceof SqlCall call) || call instanceof SqlSelect
        || call.getKind() == SqlKind.UNION || call.getKind() == SqlKind.INTERSECT
        || call.getKind() == SqlKind.EXCEPT || call.getKind() == SqlKind.ORDER_BY
        || call.getKind() == SqlKind.WITH || call.getKind() == SqlKind.VALUES) {
      return false;
    }
    // the parser leaves function calls unresolved, so they are known here by name
    String name = call.getOperator().getName().toUpperCase(java.util.Locale.ROOT);
    boolean hit = switch (what) {
      case AGGREGATE -> call.getOperator().isAggregator() || AGGREGATES.contains(name);
      case WINDOW -> call.getKind() == SqlKind.OVER;
      case CASE -> call.getKind() == SqlKind.CASE || CASE_LIKE.contains(name);
    };
    if (hit) {
      return true;
    }
    for (SqlNode operand : call.getOperandList()) {
      if (operand != null && contains(operand, what)) {
        return true;
      }
    }
    return false;
  }
}
