package io.strata.planner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.strata.planner.StrataException;
import java.util.List;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.junit.jupiter.api.Test;

/** Project, filter, values, sort, limit and aggregation over in-memory tables. */
class OperatorTest {

  static final String[] EMP_COLS = {"ID BIGINT", "DEPT BIGINT", "SAL DOUBLE", "NAME VARCHAR"};

  static TestDb db() {
    return new TestDb()
        .table("EMP", EMP_COLS,
            new Object[] {1L, 10L, 100.0, "ann"},
            new Object[] {2L, 10L, 200.0, "bob"},
            new Object[] {3L, 20L, null, "cid"},
            new Object[] {4L, null, 50.0, "dan"},
            new Object[] {5L, 20L, 300.0, null},
            new Object[] {6L, 30L, 300.0, "eve"})
        .table("EMPTY", EMP_COLS)
        .table("DEPT", new String[] {"ID BIGINT", "DNAME VARCHAR"},
            new Object[] {10L, "sales"},
            new Object[] {20L, "eng"},
            new Object[] {40L, "ops"},
            new Object[] {null, "none"});
  }

  @Test
  void projectAndFilter() {
    TestDb db = db();
    RelBuilder b = db.builder();
    RelNode rel = b.scan("EMP")
        .filter(b.greaterThan(b.field("SAL"), b.literal(150)))
        .project(b.field("ID"), b.call(SqlStdOperatorTable.MULTIPLY, b.field("DEPT"), b.literal(2)))
        .build();
    assertEquals(List.of("[2, 20]", "[5, 40]", "[6, 60]"), TestDb.show(db.run(rel)));
  }

  @Test
  void valuesWithWiderColumnType() {
    TestDb db = db();
    RelBuilder b = db.builder();
    org.apache.calcite.rel.type.RelDataTypeFactory tf = b.getTypeFactory();
    org.apache.calcite.rel.type.RelDataType rowType = tf.builder()
        .add("A", tf.createSqlType(org.apache.calcite.sql.type.SqlTypeName.DOUBLE))
        .add("B", tf.createTypeWithNullability(
            tf.createSqlType(org.apache.calcite.sql.type.SqlTypeName.VARCHAR, 5), true))
        .build();
    org.apache.calcite.rex.RexBuilder rb = b.getRexBuilder();
    RelNode rel = b.values(List.of(
            List.of((org.apache.calcite.rex.RexLiteral) rb.makeExactLiteral(java.math.BigDecimal.ONE),
                (org.apache.calcite.rex.RexLiteral) rb.makeLiteral("x")),
            List.of((org.apache.calcite.rex.RexLiteral) rb.makeExactLiteral(java.math.BigDecimal.TEN),
                (org.apache.calcite.rex.RexLiteral) rb.makeNullLiteral(rowType.getFieldList().get(1).getType()))),
        rowType).build();
    List<Object[]> rows = db.run(rel);
    assertEquals(2, rows.size());
    assertEquals(1.0, rows.get(0)[0]); // an INTEGER literal in a DOUBLE column becomes a Double
    assertEquals("x", rows.get(0)[1]);
    assertEquals(10.0, rows.get(1)[0]);
    assertEquals(null, rows.get(1)[1]);
  }

  @Test
  void dynamicParameters() {
    TestDb db = db();
    RelBuilder b = db.builder();
    RelNode rel = b.scan("EMP")
        .filter(b.equals(b.field("DEPT"),
            b.getRexBuilder().makeDynamicParam(b.field("DEPT").getType(), 0)))
        .project(b.field("NAME"))
        .build();
    assertEquals(List.of("[cid]", "[null]"), TestDb.show(db.run(rel, 20L)));
    assertEquals(List.of("[ann]", "[bob]"), TestDb.show(db.run(rel, 10)));
  }

  private static RelNode sortUnspecified(RelBuilder b, RelFieldCollation.Direction dir) {
    RelNode scan = b.scan("EMP").build();
    RelCollation c = RelCollations.of(
        new RelFieldCollation(2, dir, RelFieldCollation.NullDirection.UNSPECIFIED),
        new RelFieldCollation(0));
    return b.push(LogicalSort.create(scan, c, null, null)).project(b.field("ID")).build();
  }

  @Test
  void sortPutsNullsLowByDefault() {
    TestDb db = db();
    RelBuilder b = db.builder();
    RelNode asc = sortUnspecified(b, RelFieldCollation.Direction.ASCENDING);
    assertEquals(List.of("[3]", "[4]", "[1]", "[2]", "[5]", "[6]"), TestDb.show(db.run(asc)));
    RelNode desc = sortUnspecified(b, RelFieldCollation.Direction.DESCENDING);
    assertEquals(List.of("[5]", "[6]", "[2]", "[1]", "[4]", "[3]"), TestDb.show(db.run(desc)));
    RelNode explicit = b.scan("EMP").sort(b.nullsLast(b.field("SAL")), b.field("ID"))
        .project(b.field("ID")).build();
    assertEquals(List.of("[4]", "[1]", "[2]", "[5]", "[6]", "[3]"), TestDb.show(db.run(explicit)));
    RelNode descFirst = b.scan("EMP").sort(b.nullsFirst(b.desc(b.field("SAL"))), b.field("ID"))
        .project(b.field("ID")).build();
    assertEquals(List.of("[3]", "[5]", "[6]", "[2]", "[1]", "[4]"),
        TestDb.show(db.run(descFirst)));
  }

  @Test
  void topNAndLimitOffset() {
    TestDb db = db();
    RelBuilder b = db.builder();
    RelNode top = b.scan("EMP").sortLimit(1, 2, b.desc(b.field("ID"))).project(b.field("ID"))
        .build();
    assertEquals(List.of("[5]", "[4]"), TestDb.show(db.run(top)));
    RelNode limit = b.scan("EMP").limit(4, 10).project(b.field("ID")).build();
    assertEquals(List.of("[5]", "[6]"), TestDb.show(db.run(limit)));
    RelNode zero = b.scan("EMP").sortLimit(0, 0, b.field("ID")).build();
    assertEquals(0, db.run(zero).size());
    RelNode past = b.scan("EMP").sortLimit(10, 5, b.field("ID")).build();
    assertEquals(0, db.run(past).size());
  }

  @Test
  void groupedAggregates() {
    TestDb db = db();
    RelBuilder b = db.builder();
    RelNode rel = b.scan("EMP")
        .aggregate(b.groupKey("DEPT"),
            b.countStar("C"),
            b.count(false, "CS", b.field("SAL")),
            b.count(true, "CDS", b.field("SAL")),
            b.sum(b.field("ID")),
            b.avg(b.field("ID")),
            b.min(b.field("NAME")),
            b.max(b.field("SAL")))
        .sort(b.field(0))
        .build();
    assertEquals(List.of(
            "[10, 2, 2, 2, 3, 1, ann, 200.0]",
            "[20, 2, 1, 1, 8, 4, cid, 300.0]",
            "[30, 1, 1, 1, 6, 6, eve, 300.0]",
            "[null, 1, 1, 1, 4, 4, dan, 50.0]"),
        TestDb.show(db.run(rel)));
  }

  @Test
  void averageOfIntegersIsExactWhenTypedDouble() {
    TestDb db = db();
    RelBuilder b = db.builder();
    RelNode rel = b.scan("EMP")
        .aggregate(b.groupKey(),
            b.aggregateCall(SqlStdOperatorTable.AVG, b.cast(b.field("ID"),
                org.apache.calcite.sql.type.SqlTypeName.DOUBLE)),
            b.sum(b.field("SAL")), b.count(true, "D", b.field("DEPT")))
        .build();
    assertEquals(List.of("[3.5, 950.0, 3]"), TestDb.show(db.run(rel)));
  }

  @Test
  void aggregatesOnEmptyInput() {
    TestDb db = db();
    RelBuilder b = db.builder();
    RelNode global = b.scan("EMPTY")
        .aggregate(b.groupKey(), b.countStar("C"), b.sum(b.field("ID")), b.max(b.field("SAL")),
            b.count(true, "D", b.field("ID")))
        .build();
    assertEquals(List.of("[0, null, null, 0]"), TestDb.show(db.run(global)));
    RelNode grouped = b.scan("EMPTY").aggregate(b.groupKey("DEPT"), b.countStar("C")).build();
    assertEquals(List.of(), TestDb.show(db.run(grouped)));
    RelNode filtered = b.scan("EMP").filter(b.literal(false))
        .aggregate(b.groupKey(), b.countStar("C")).build();
    assertEquals(List.of("[0]"), TestDb.show(db.run(filtered)));
  }

  @Test
  void sum0EveryAndSome() {
    TestDb db = db();
    RelBuilder b = db.builder();
    RelNode empty = b.scan("EMPTY")
        .aggregate(b.groupKey(), b.aggregateCall(SqlStdOperatorTable.SUM0, b.field("ID"))).build();
    assertEquals(List.of("[0]"), TestDb.show(db.run(empty)));
    RelNode bools = b.scan("EMP")
        .project(b.field("DEPT"), b.greaterThan(b.field("SAL"), b.literal(150)))
        .aggregate(b.groupKey(b.field(0)),
            b.aggregateCall(SqlStdOperatorTable.EVERY, b.field(1)),
            b.aggregateCall(SqlStdOperatorTable.SOME, b.field(1)),
            b.aggregateCall(org.apache.calcite.sql.fun.SqlLibraryOperators.BOOL_AND, b.field(1)))
        .build();
    assertEquals(List.of("[10, false, true, false]", "[20, true, true, true]",
        "[30, true, true, true]", "[null, false, false, false]"), TestDb.sorted(db.run(bools)));
  }

  @Test
  void anyValueOfAConstantIsTheConstantEvenWithoutRows() {
    TestDb db = db();
    RelBuilder b = db.builder();
    RelNode rel = b.scan("EMPTY")
        .project(b.literal(62), b.field("ID"))
        .aggregate(b.groupKey(), b.aggregateCall(SqlStdOperatorTable.ANY_VALUE, b.field(0)),
            b.aggregateCall(SqlStdOperatorTable.ANY_VALUE, b.field(1)), b.countStar("C"))
        .build();
    assertEquals(List.of("[62, null, 0]"), TestDb.show(db.run(rel)));
  }

  @Test
  void groupingTreatsNumericallyEqualValuesAsOne() {
    TestDb db = new TestDb().table("M", new String[] {"K DOUBLE", "V BIGINT"},
        new Object[] {1.0, 1L}, new Object[] {1L, 2L}, new Object[] {null, 3L},
        new Object[] {null, 4L}, new Object[] {new java.math.BigDecimal("1.00"), 5L});
    RelBuilder b = db.builder();
    RelNode rel = b.scan("M").aggregate(b.groupKey("K"), b.sum(b.field("V"))).build();
    assertEquals(List.of("[1.0, 8]", "[null, 7]"), TestDb.show(db.run(rel)));
    RelNode distinct = b.scan("M").project(b.field("K")).distinct().build();
    assertEquals(2, db.run(distinct).size());
  }

  @Test
  void singleValueRejectsSecondRow() {
    TestDb db = db();
    RelBuilder b = db.builder();
    RelNode one = b.scan("EMP").filter(b.equals(b.field("ID"), b.literal(3)))
        .aggregate(b.groupKey(), b.aggregateCall(SqlStdOperatorTable.SINGLE_VALUE,
            b.field("NAME")))
        .build();
    assertEquals(List.of("[cid]"), TestDb.show(db.run(one)));
    RelNode none = b.scan("EMPTY").aggregate(b.groupKey(),
        b.aggregateCall(SqlStdOperatorTable.SINGLE_VALUE, b.field("NAME"))).build();
    assertEquals(List.of("[null]"), TestDb.show(db.run(none)));
    RelNode many = b.scan("EMP").aggregate(b.groupKey(),
        b.aggregateCall(SqlStdOperatorTable.SINGLE_VALUE, b.field("NAME"))).build();
    StrataException e = assertThrows(StrataException.class, () -> db.run(many));
    assertEquals(StrataException.Reason.CARDINALITY_VIOLATION, e.reason());
  }

  @Test
  void groupingSetsWithGroupingFunction() {
    TestDb db = db();
    RelBuilder b = db.builder();
    RelNode rel = b.scan("EMP")
        .filter(b.isNotNull(b.field("DEPT")))
        .aggregate(b.groupKey(ImmutableBitSet.of(1),
                List.of(ImmutableBitSet.of(1), ImmutableBitSet.of())),
            b.countStar("C"),
            b.aggregateCall(SqlStdOperatorTable.GROUPING, b.field("DEPT")))
        .build();
    assertEquals(List.of("[10, 2, 0]", "[20, 2, 0]", "[30, 1, 0]", "[null, 5, 1]"),
        TestDb.sorted(db.run(rel)));
  }

  @Test
  void cancellationStopsExecution() {
    TestDb db = db();
    RelBuilder b = db.builder();
    RelNode rel = b.scan("EMP").build();
    Operator op = PlanBuilder.build(b.scan("EMP").scan("EMP").scan("EMP").join(
            org.apache.calcite.rel.core.JoinRelType.INNER, b.literal(true))
        .join(org.apache.calcite.rel.core.JoinRelType.INNER, b.literal(true))
        .aggregate(b.groupKey(), b.countStar("C")).build(), db);
    ExecContext ctx = new ExecContext(null, null);
    ctx.cancel();
    StrataException e = assertThrows(StrataException.class, () -> TestDb.drain(op, ctx));
    assertEquals(StrataException.Reason.CANCELLED, e.reason());
    assertEquals(6, db.run(rel).size());
  }
}
