package io.strata.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.parser.ast.SqlAlterTable;
import io.strata.parser.ast.SqlAsOfTable;
import io.strata.parser.ast.SqlColumnDeclaration;
import io.strata.parser.ast.SqlCreateIndex;
import io.strata.parser.ast.SqlCreateTable;
import io.strata.parser.ast.SqlCreateView;
import io.strata.parser.ast.SqlDropTable;
import io.strata.parser.ast.SqlSetAsOf;
import io.strata.parser.ast.SqlTableConstraint;
import io.strata.parser.ast.SqlTransactionControl;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** The contract the planner builds on: node shapes, literal conventions, scripts, positions. */
class StrataSqlParserTest {
  private static SqlNode expr(String expression) {
    SqlSelect select = (SqlSelect) StrataSqlParser.parseStatement("SELECT " + expression);
    return select.getSelectList().get(0);
  }

  @Test
  void scriptsSplitOnSemicolons() {
    assertEquals(3, StrataSqlParser.parse("SELECT 1; SELECT 2;; SELECT 3;").size());
    assertEquals(0, StrataSqlParser.parse("").size());
    assertEquals(0, StrataSqlParser.parse(" ; -- nothing\n").size());
    assertInstanceOf(SqlSelect.class, StrataSqlParser.parseStatement("SELECT 1;"));
    assertThrows(SqlParseException.class, () -> StrataSqlParser.parseStatement("SELECT 1; SELECT 2"));
    assertThrows(SqlParseException.class, () -> StrataSqlParser.parseStatement(""));
  }

  @Test
  void literalConventions() {
    SqlNumericLiteral integer = (SqlNumericLiteral) expr("42");
    assertTrue(integer.isExact());
    assertEquals(SqlTypeName.DECIMAL, integer.getTypeName());
    assertEquals(0, integer.getScale());
    SqlNumericLiteral decimal = (SqlNumericLiteral) expr("1.50");
    assertTrue(decimal.isExact());
    assertEquals(2, decimal.getScale());
    SqlNumericLiteral approx = (SqlNumericLiteral) expr("1.5e3");
    assertFalse(approx.isExact());
    assertEquals(SqlTypeName.DOUBLE, approx.getTypeName());
    SqlCharStringLiteral string = (SqlCharStringLiteral) expr("'it''s'");
    assertEquals("it's", string.getValueAs(String.class));
    assertEquals(SqlTypeName.NULL, ((SqlLiteral) expr("NULL")).getTypeName());
    assertEquals(Boolean.TRUE, ((SqlLiteral) expr("TRUE")).getValueAs(Boolean.class));
    assertEquals(SqlTypeName.DATE, ((SqlLiteral) expr("DATE '2026-11-25'")).getTypeName());
    assertEquals(SqlTypeName.TIMESTAMP,
        ((SqlLiteral) expr("TIMESTAMP '2026-11-25 10:00:00'")).getTypeName());
    assertEquals(SqlTypeName.BINARY, ((SqlLiteral) expr("x'CAFE'")).getTypeName());
  }

  @Test
  void operatorConventions() {
    assertEquals(SqlStdOperatorTable.PERCENT_REMAINDER, ((SqlCall) expr("a % b")).getOperator());
    assertEquals(SqlKind.NOT_EQUALS, expr("a != b").getKind());
    assertEquals(SqlKind.NOT_EQUALS, expr("a <> b").getKind());
    assertEquals(SqlStdOperatorTable.CONCAT, ((SqlCall) expr("a || b")).getOperator());
    assertEquals("FALSE", expr("a IN ()").toString());
    assertEquals("TRUE", expr("a NOT IN ()").toString());
    // - + - 26: three nested prefix operators around an exact literal
    SqlCall chain = (SqlCall) expr("- + - 26");
    assertEquals(SqlKind.MINUS_PREFIX, chain.getKind());
    assertEquals(SqlKind.PLUS_PREFIX, ((SqlCall) chain.operand(0)).getKind());
    assertEquals(SqlKind.MINUS_PREFIX, ((SqlCall) ((SqlCall) chain.operand(0)).operand(0)).getKind());
    // precedence: AND binds tighter than OR, * tighter than +, NOT looser than =
    assertEquals(SqlKind.OR, expr("a OR b AND c").getKind());
    assertEquals(SqlKind.PLUS, expr("a + b * c").getKind());
    assertEquals(SqlKind.NOT, expr("NOT a = b").getKind());
    assertEquals(SqlKind.CASE, expr("CASE a WHEN 1 THEN 2 END").getKind());
  }

  @Test
  void identifiersKeepTheirSpelling() {
    SqlIdentifier unquoted = (SqlIdentifier) expr("MixedCase");
    assertEquals("MixedCase", unquoted.getSimple());
    assertFalse(unquoted.isComponentQuoted(0));
    SqlIdentifier quoted = (SqlIdentifier) expr("\"Has \"\"Quotes\"\"\"");
    assertEquals("Has \"Quotes\"", quoted.getSimple());
    assertTrue(quoted.isComponentQuoted(0));
    assertEquals(List.of("s", "t", "c"), ((SqlIdentifier) expr("s.t.c")).names);
  }

  @Test
  void parametersAreNumberedInOrder() {
    SqlSelect select = (SqlSelect) StrataSqlParser.parseStatement(
        "SELECT ? FROM t WHERE a = ? AND b IN (?, ?)");
    assertEquals(0, ((SqlDynamicParam) select.getSelectList().get(0)).getIndex());
    SqlExplain explain = (SqlExplain) StrataSqlParser.parseStatement(
        "EXPLAIN SELECT ? FROM t WHERE a = ?");
    assertEquals(2, explain.getDynamicParamCount());
    SqlNodeList script = StrataSqlParser.parse("SELECT ?; SELECT ?");
    assertEquals(0, ((SqlDynamicParam) ((SqlSelect) script.get(1)).getSelectList().get(0))
        .getIndex());
  }

  @Test
  void orderByAndLimitWrapTheQuery() {
    SqlOrderBy orderBy = (SqlOrderBy) StrataSqlParser.parseStatement(
        "SELECT a FROM t ORDER BY a DESC LIMIT 10 OFFSET 5");
    assertInstanceOf(SqlSelect.class, orderBy.query);
    assertEquals(SqlKind.DESCENDING, orderBy.orderList.get(0).getKind());
    assertEquals("10", orderBy.fetch.toString());
    assertEquals("5", orderBy.offset.toString());
  }

  @Test
  void positionsPointAtTheText() {
    SqlSelect select = (SqlSelect) StrataSqlParser.parseStatement("SELECT a,\n  bb FROM t");
    SqlNode bb = select.getSelectList().get(1);
    assertEquals(2, bb.getParserPosition().getLineNum());
    assertEquals(3, bb.getParserPosition().getColumnNum());
    assertEquals(4, bb.getParserPosition().getEndColumnNum());
  }

  @Test
  void createTable() {
    SqlCreateTable create = (SqlCreateTable) StrataSqlParser.parseStatement(
        "CREATE TABLE IF NOT EXISTS t (id INT PRIMARY KEY, name TEXT NOT NULL DEFAULT 'x',"
            + " price DECIMAL(10,2) CHECK (price > 0), UNIQUE (name))");
    assertEquals(SqlKind.CREATE_TABLE, create.getKind());
    assertTrue(create.ifNotExists());
    assertEquals(3, create.columns().size());
    SqlColumnDeclaration id = create.columns().get(0);
    assertEquals("id", id.name().getSimple());
    assertEquals("INTEGER", id.type().getTypeName().getSimple());
    assertTrue(id.primaryKey());
    SqlColumnDeclaration name = create.columns().get(1);
    assertEquals("VARCHAR", name.type().getTypeName().getSimple());
    assertTrue(name.notNull());
    assertEquals("'x'", name.defaultValue().toString());
    assertEquals(SqlKind.GREATER_THAN, create.columns().get(2).check().getKind());
    SqlTableConstraint unique = create.constraints().get(0);
    assertEquals(SqlTableConstraint.Kind.UNIQUE, unique.kind());
    assertEquals("name", unique.columns().get(0).toString());
    assertNull(create.asQuery());
  }

  @Test
  void otherDdl() {
    SqlCreateIndex index = (SqlCreateIndex) StrataSqlParser.parseStatement(
        "CREATE UNIQUE INDEX i ON t (a DESC, b)");
    assertTrue(index.unique());
    assertEquals(List.of(true, false), index.descending());
    SqlCreateView view = (SqlCreateView) StrataSqlParser.parseStatement(
        "CREATE VIEW v (x) AS SELECT  a  FROM t -- note");
    assertEquals("SELECT  a  FROM t", view.queryText());
    SqlDropTable drop = (SqlDropTable) StrataSqlParser.parseStatement("DROP TABLE IF EXISTS t");
    assertTrue(drop.ifExists());
    SqlAlterTable alter = (SqlAlterTable) StrataSqlParser.parseStatement(
        "ALTER TABLE t RENAME COLUMN a TO b");
    assertEquals(SqlAlterTable.Action.RENAME_COLUMN, alter.action());
    assertEquals("b", alter.newName().getSimple());
  }

  @Test
  void dmlUsesCalciteNodes() {
    SqlInsert insert = (SqlInsert) StrataSqlParser.parseStatement(
        "INSERT INTO t (a, b) VALUES (1, 2), (3, 4)");
    assertEquals(2, insert.getTargetColumnList().size());
    assertEquals(SqlKind.VALUES, insert.getSource().getKind());
    assertTrue(((SqlInsert) StrataSqlParser.parseStatement("REPLACE INTO t VALUES (1)"))
        .isUpsert());
    assertEquals(SqlKind.UPDATE, StrataSqlParser.parseStatement("UPDATE t SET a = 1").getKind());
    assertEquals(SqlKind.DELETE, StrataSqlParser.parseStatement("DELETE FROM t").getKind());
  }

  @Test
  void transactions() {
    SqlTransactionControl start = (SqlTransactionControl) StrataSqlParser.parseStatement(
        "START TRANSACTION READ ONLY");
    assertEquals(SqlTransactionControl.Kind.BEGIN, start.kind());
    assertTrue(start.readOnly());
    SqlTransactionControl back = (SqlTransactionControl) StrataSqlParser.parseStatement(
        "ROLLBACK TO SAVEPOINT s1");
    assertEquals(SqlTransactionControl.Kind.ROLLBACK_TO, back.kind());
    assertEquals("s1", back.savepoint().getSimple());
  }

  @Test
  void timeTravel() {
    SqlSelect select = (SqlSelect) StrataSqlParser.parseStatement(
        "SELECT * FROM t AS OF VERSION 3 AS x, u FOR SYSTEM_TIME AS OF TIMESTAMP '2026-11-25 10:00:00'");
    SqlNode left = ((org.apache.calcite.sql.SqlJoin) select.getFrom()).getLeft();
    assertEquals(SqlKind.AS, left.getKind());
    SqlAsOfTable version = (SqlAsOfTable) ((SqlBasicCall) left).operand(0);
    assertEquals(SqlAsOfTable.Kind.VERSION, version.kind());
    assertEquals("t", version.table().getSimple());
    assertEquals("3", version.expression().toString());
    SqlAsOfTable systemTime =
        (SqlAsOfTable) ((org.apache.calcite.sql.SqlJoin) select.getFrom()).getRight();
    assertEquals(SqlAsOfTable.Kind.SYSTEM_TIME, systemTime.kind());
    SqlSetAsOf latest = (SqlSetAsOf) StrataSqlParser.parseStatement("SET AS OF LATEST");
    assertEquals(SqlSetAsOf.Kind.LATEST, latest.kind());
    assertNull(latest.expression());
  }

  @Test
  void deepNestingIsASyntaxError() {
    SqlParseException e = assertThrows(SqlParseException.class,
        () -> StrataSqlParser.parse("SELECT " + "(".repeat(100_000) + "1" + ")".repeat(100_000)));
    assertEquals("line 1:1: statement too deeply nested", e.getMessage());
    // The parser stays usable afterwards.
    assertEquals(1, StrataSqlParser.parse("SELECT ((((1))))").size());
  }

  @Test
  void parsesConcurrently() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<SqlNodeList>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int n = i;
        results.add(pool.submit(() -> StrataSqlParser.parse(
            "SELECT a + " + n + " FROM t WHERE b IN (SELECT c FROM u WHERE d > " + n + ")")));
      }
      for (int i = 0; i < results.size(); i++) {
        assertEquals("`a` + " + i, ((SqlSelect) results.get(i).get().get(0)).getSelectList()
            .get(0).toString());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
