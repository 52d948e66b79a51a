package io.strata.planner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.strata.planner.eval.StrataRexExecutor;
import java.util.List;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.RelBuilder;
import org.junit.jupiter.api.Test;

/** Calcite's reduce-expressions rules with Strata's executor give the same rows as no folding. */
class ConstantFoldingTest {

  private static RelNode reduce(RelNode rel) {
    HepPlanner hep = new HepPlanner(new HepProgramBuilder()
        .addRuleCollection(List.of(CoreRules.FILTER_REDUCE_EXPRESSIONS,
            CoreRules.PROJECT_REDUCE_EXPRESSIONS))
        .build());
    hep.setExecutor(StrataRexExecutor.INSTANCE);
    rel.getCluster().getPlanner().setExecutor(StrataRexExecutor.INSTANCE);
    hep.setRoot(rel);
    return hep.findBestExp();
  }

  @Test
  void foldedAndUnfoldedAgree() {
    TestDb db = OperatorTest.db();
    RelBuilder b = db.builder();
    RelNode rel = b.scan("EMP")
        .filter(b.or(b.greaterThan(b.field("ID"), b.call(SqlStdOperatorTable.PLUS, b.literal(1),
            b.literal(2))), b.equals(b.literal(1), b.literal(2))))
        .project(
            b.field("ID"),
            b.call(SqlStdOperatorTable.PLUS, b.literal(2147483647), b.literal(1)),
            b.call(SqlStdOperatorTable.DIVIDE, b.literal(1), b.literal(0)),
            b.call(SqlStdOperatorTable.UPPER, b.literal("abc")),
            b.call(SqlStdOperatorTable.CASE, b.equals(b.literal(1), b.literal(1)),
                b.literal("a"), b.literal("bcd")),
            b.cast(b.literal("12x"), SqlTypeName.INTEGER),
            b.call(SqlStdOperatorTable.DIVIDE, b.literal(7.0), b.literal(2)),
            b.call(SqlStdOperatorTable.CONCAT, b.literal("x"), b.field("NAME")))
        .build();
    List<String> plain = TestDb.show(db.run(rel));
    RelNode reduced = reduce(rel);
    List<String> folded = TestDb.show(db.run(reduced));
    assertEquals(plain, folded);
    assertEquals("[4, 2147483648, null, ABC, a, 12, 3.5, xdan]", plain.get(0));
    assertEquals(3, plain.size());
  }
}
