package io.strata.planner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.Holder;
import org.junit.jupiter.api.Test;

/** Hash and nested-loop joins of every type, and correlates. */
class JoinTest {

  private final TestDb db = OperatorTest.db();

  /** EMP join DEPT on EMP.DEPT = DEPT.ID (hash join) projected to (EMP.ID, DEPT.DNAME). */
  private List<String> equiJoin(JoinRelType type) {
    RelBuilder b = db.builder();
    b.scan("EMP").scan("DEPT");
    b.join(type, b.equals(b.field(2, 0, "DEPT"), b.field(2, 1, "ID")));
    if (type == JoinRelType.SEMI || type == JoinRelType.ANTI) {
      b.project(b.field("ID"));
    } else {
      b.project(b.field(0), b.field("DNAME"));
    }
    return TestDb.sorted(db.run(b.build()));
  }

  /** The same join written with a non-equi condition (nested loop): DEPT = ID via <= and >=. */
  private List<String> thetaJoin(JoinRelType type) {
    RelBuilder b = db.builder();
    b.scan("EMP").scan("DEPT");
    RexNode l = b.field(2, 0, "DEPT");
    RexNode r = b.field(2, 1, "ID");
    b.join(type, b.and(b.lessThanOrEqual(l, r), b.greaterThanOrEqual(l, r)));
    if (type == JoinRelType.SEMI || type == JoinRelType.ANTI) {
      b.project(b.field("ID"));
    } else {
      b.project(b.field(0), b.field("DNAME"));
    }
    return TestDb.sorted(db.run(b.build()));
  }

  @Test
  void innerJoin() {
    List<String> expected = List.of("[1, sales]", "[2, sales]", "[3, eng]", "[5, eng]");
    assertEquals(expected, equiJoin(JoinRelType.INNER));
    assertEquals(expected, thetaJoin(JoinRelType.INNER));
  }

  @Test
  void leftJoinPadsUnmatchedAndNullKeys() {
    List<String> expected = List.of("[1, sales]", "[2, sales]", "[3, eng]", "[4, null]",
        "[5, eng]", "[6, null]");
    assertEquals(expected, equiJoin(JoinRelType.LEFT));
    assertEquals(expected, thetaJoin(JoinRelType.LEFT));
  }

  @Test
  void rightJoinKeepsUnmatchedBuildRowsIncludingNullKey() {
    List<String> expected = List.of("[1, sales]", "[2, sales]", "[3, eng]", "[5, eng]",
        "[null, none]", "[null, ops]");
    assertEquals(expected, equiJoin(JoinRelType.RIGHT));
    assertEquals(expected, thetaJoin(JoinRelType.RIGHT));
  }

  @Test
  void fullJoin() {
    List<String> expected = List.of("[1, sales]", "[2, sales]", "[3, eng]", "[4, null]",
        "[5, eng]", "[6, null]", "[null, none]", "[null, ops]");
    assertEquals(expected, equiJoin(JoinRelType.FULL));
    assertEquals(expected, thetaJoin(JoinRelType.FULL));
  }

  @Test
  void semiAndAntiJoin() {
    assertEquals(List.of("[1]", "[2]", "[3]", "[5]"), equiJoin(JoinRelType.SEMI));
    assertEquals(List.of("[1]", "[2]", "[3]", "[5]"), thetaJoin(JoinRelType.SEMI));
    assertEquals(List.of("[4]", "[6]"), equiJoin(JoinRelType.ANTI));
    assertEquals(List.of("[4]", "[6]"), thetaJoin(JoinRelType.ANTI));
  }

  @Test
  void equiJoinWithResidualCondition() {
    RelBuilder b = db.builder();
    b.scan("EMP").scan("DEPT");
    b.join(JoinRelType.LEFT, b.and(
        b.equals(b.field(2, 0, "DEPT"), b.field(2, 1, "ID")),
        b.greaterThan(b.field(2, 0, "SAL"), b.literal(150))));
    b.project(b.field(0), b.field("DNAME"));
    assertEquals(List.of("[1, null]", "[2, sales]", "[3, null]", "[4, null]", "[5, eng]",
        "[6, null]"), TestDb.sorted(db.run(b.build())));
  }

  @Test
  void nullSafeKeysMatchNulls() {
    RelBuilder b = db.builder();
    b.scan("EMP").scan("DEPT");
    b.join(JoinRelType.INNER, b.call(SqlStdOperatorTable.IS_NOT_DISTINCT_FROM,
        b.field(2, 0, "DEPT"), b.field(2, 1, "ID")));
    b.project(b.field(0), b.field("DNAME"));
    assertEquals(List.of("[1, sales]", "[2, sales]", "[3, eng]", "[4, none]", "[5, eng]"),
        TestDb.sorted(db.run(b.build())));
  }

  @Test
  void joinKeysOfDifferentNumericTypesMatchByValue() {
    TestDb mixed = new TestDb()
        .table("A", new String[] {"K DOUBLE"}, new Object[] {1.0}, new Object[] {2.5})
        .table("B", new String[] {"K BIGINT"}, new Object[] {1L}, new Object[] {2L});
    RelBuilder b = mixed.builder();
    b.scan("A").scan("B");
    b.join(JoinRelType.INNER, b.equals(b.field(2, 0, 0), b.field(2, 1, 0)));
    assertEquals(List.of("[1.0, 1]"), TestDb.sorted(mixed.run(b.build())));
  }

  @Test
  void crossJoin() {
    RelBuilder b = db.builder();
    b.scan("EMP").scan("DEPT").join(JoinRelType.INNER, b.literal(true));
    assertEquals(24, db.run(b.build()).size());
    b.scan("EMP").scan("EMPTY").join(JoinRelType.LEFT, b.literal(true));
    assertEquals(6, db.run(b.build()).size());
  }

  /** For each DEPT, the number of employees with a salary above 100: a correlated subquery. */
  @Test
  void correlateRerunsRightSidePerLeftRow() {
    RelBuilder b = db.builder();
    Holder<RexCorrelVariable> v = Holder.empty();
    b.scan("DEPT").variable(v::set);
    b.scan("EMP")
        .filter(b.equals(b.field("DEPT"), b.field(v.get(), "ID")))
        .aggregate(b.groupKey(), b.countStar("C"));
    b.correlate(JoinRelType.LEFT, v.get().id, b.field(2, 0, "ID"));
    b.project(b.field("DNAME"), b.field("C"));
    db.opens.clear();
    assertEquals(List.of("[eng, 2]", "[none, 0]", "[ops, 0]", "[sales, 2]"),
        TestDb.sorted(db.run(b.build())));
    assertEquals(4, db.opens.get("EMP"));
  }

  @Test
  void correlateSemiAntiAndInner() {
    for (JoinRelType type : List.of(JoinRelType.INNER, JoinRelType.SEMI, JoinRelType.ANTI)) {
      RelBuilder b = db.builder();
      Holder<RexCorrelVariable> v = Holder.empty();
      b.scan("DEPT").variable(v::set);
      b.scan("EMP").filter(b.equals(b.field("DEPT"), b.field(v.get(), "ID")));
      b.correlate(type, v.get().id, b.field(2, 0, "ID"));
      b.project(b.field("DNAME"));
      List<String> got = TestDb.sorted(db.run(b.build()));
      switch (type) {
        case INNER:
          assertEquals(List.of("[eng]", "[eng]", "[sales]", "[sales]"), got);
          break;
        case SEMI:
          assertEquals(List.of("[eng]", "[sales]"), got);
          break;
        default:
          assertEquals(List.of("[none]", "[ops]"), got);
      }
    }
  }

  @Test
  void cancellationInterruptsAJoinThatEmitsManyRowsPerProbe() {
    Object[][] rows = new Object[2000][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new Object[] {1L, (long) i};
    }
    TestDb big = new TestDb().table("L", new String[] {"K BIGINT", "V BIGINT"}, rows)
        .table("R", new String[] {"K BIGINT", "V BIGINT"}, rows);
    RelBuilder b = big.builder();
    b.scan("L").scan("R").join(JoinRelType.INNER, b.equals(b.field(2, 0, 0), b.field(2, 1, 0)));
    Operator op = PlanBuilder.build(b.build(), big);
    ExecContext ctx = new ExecContext(null, null);
    op.open(ctx);
    for (int i = 0; i < 10; i++) {
      assertTrue(op.next() != null);
    }
    ctx.cancel();
    int pulled = 0;
    try {
      while (op.next() != null) {
        pulled++;
      }
      throw new AssertionError("not cancelled");
    } catch (io.strata.planner.StrataException e) {
      assertEquals(io.strata.planner.StrataException.Reason.CANCELLED, e.reason());
    } finally {
      op.close();
    }
    assertTrue(pulled <= 1024, "rows after cancel: " + pulled);
  }

  @Test
  void operatorsCanBeReopened() {
    RelBuilder b = db.builder();
    b.scan("EMP").scan("DEPT");
    b.join(JoinRelType.FULL, b.equals(b.field(2, 0, "DEPT"), b.field(2, 1, "ID")));
    b.aggregate(b.groupKey(), b.countStar("C"));
    Operator op = PlanBuilder.build(b.build(), db);
    ExecContext ctx = new ExecContext(null, null);
    List<String> first = TestDb.show(TestDb.drain(op, ctx));
    List<String> second = TestDb.show(TestDb.drain(op, ctx));
    assertEquals(List.of("[8]"), first);
    assertEquals(first, second);
    assertTrue(db.opens.get("DEPT") >= 2);
  }
}
