package io.strata.planner;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code INSERT INTO t [(columns)] VALUES (...), ...} whose values are all literals (numbers,
 * strings, NULL) is planned as the same statement with each literal replaced by a dynamic
 * parameter, so every insert of one shape shares one plan: a script or test suite running
 * thousands of single-row INSERTs is parsed statement by statement but planned once.
 *
 * <p>The lifted plan gives each parameter the type of its target column. It is used only when each
 * literal belongs to the type family of its column (a number for a numeric column, a string for a
 * character column, NULL anywhere) — then converting the literal as a parameter value is the
 * conversion the plan of the literal statement would apply — and the caller falls back to planning
 * the statement as written otherwise, or when a value does not convert.
 */
final class LiteralInsert {
  private final String shapeKey;
  private final List<Object> values;
  private final List<SqlTypeFamily> families;

  private LiteralInsert(String shapeKey, List<Object> values, List<SqlTypeFamily> families) {
    this.shapeKey = shapeKey;
    this.values = values;
    this.families = families;
  }

  /** The lifted form of the statement, or null if it is not an INSERT of literal rows. */
  static LiteralInsert of(SqlNode node) {
    if (!(node instanceof SqlInsert insert) || insert.isUpsert()
        || !(insert.getTargetTable() instanceof SqlIdentifier target)
        || insert.getSource().getKind() != SqlKind.VALUES) {
      return null;
    }
    List<Object> values = new ArrayList<>();
    List<SqlTypeFamily> families = new ArrayList<>();
    StringBuilder key = new StringBuilder("INSERT\u0000");
    key.append(String.join("\u0001", target.names)).append('\u0000');
    SqlNodeList columns = insert.getTargetColumnList();
    if (columns != null) {
      for (SqlNode c : columns) {
        if (!(c instanceof SqlIdentifier id)) {
          return null;
        }
        key.append(String.join("\u0001", id.names)).append('\u0002');
      }
    }
    key.append('\u0000');
    for (SqlNode row : ((SqlCall) insert.getSource()).getOperandList()) {
      if (row.getKind() != SqlKind.ROW) {
        return null;
      }
      for (SqlNode item : ((SqlCall) row).getOperandList()) {
        if (!literal(item, values, families)) {
          return null;
        }
        SqlTypeFamily f = families.get(families.size() - 1);
        key.append(f == null ? 'z' : f == SqlTypeFamily.NUMERIC ? 'n' : 's');
      }
      key.append('\u0003');
    }
    return new LiteralInsert(key.toString(), values, families);
  }

  /** Appends the literal's value and family (null for NULL); false if item is no such literal. */
  private static boolean literal(SqlNode item, List<Object> values, List<SqlTypeFamily> families) {
    boolean negate = false;
    if (item.getKind() == SqlKind.MINUS_PREFIX) {
      item = ((SqlCall) item).operand(0);
      negate = true;
      if (!(item instanceof SqlNumericLiteral)) {
        return false;
      }
    }
    if (item instanceof SqlNumericLiteral n) {
      BigDecimal v = n.getValueAs(BigDecimal.class);
      if (negate) {
        v = v.negate();
      }
      values.add(n.isExact() ? v : (Object) v.doubleValue());
      families.add(SqlTypeFamily.NUMERIC);
      return true;
    }
    if (item instanceof SqlCharStringLiteral s) {
      values.add(s.getValueAs(String.class));
      families.add(SqlTypeFamily.CHARACTER);
      return true;
    }
    if (item instanceof SqlLiteral l && l.getTypeName() == SqlTypeName.NULL) {
      values.add(null);
      families.add(null);
      return true;
    }
    return false;
  }

  /** The plan-cache text of the statement's shape (target, columns, rows, literal families). */
  String shapeKey() {
    return shapeKey;
  }

  /** The literal values, in parameter order. */
  List<Object> values() {
    return values;
  }

  /**
   * The statement with its literals replaced by dynamic parameters 0, 1, …; {@code parsed} is a
   * fresh parse of the same text (validation rewrites the tree it plans).
   */
  static SqlNode parameterized(SqlInsert parsed) {
    int[] next = {0};
    SqlCall source = (SqlCall) parsed.getSource();
    List<SqlNode> rows = new ArrayList<>();
    for (SqlNode row : source.getOperandList()) {
      List<SqlNode> items = new ArrayList<>();
      for (SqlNode item : ((SqlCall) row).getOperandList()) {
        items.add(new SqlDynamicParam(next[0]++, item.getParserPosition()));
      }
      rows.add(SqlStdOperatorTable.ROW.createCall(row.getParserPosition(), items));
    }
    SqlBasicCall values = (SqlBasicCall) SqlStdOperatorTable.VALUES.createCall(
        source.getParserPosition(), rows);
    return new SqlInsert(parsed.getParserPosition(), (SqlNodeList) parsed.getOperandList().get(0),
        parsed.getTargetTable(), values, parsed.getTargetColumnList());
  }

  /** Whether every literal belongs to the family of the parameter type the plan gave it. */
  boolean fits(List<RelDataType> paramTypes) {
    if (paramTypes.size() != families.size()) {
      return false;
    }
    for (int i = 0; i < families.size(); i++) {
      SqlTypeFamily f = families.get(i);
      if (f != null && paramTypes.get(i).getSqlTypeName().getFamily() != f) {
        return false;
      }
    }
    return true;
  }
}
