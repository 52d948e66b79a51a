package io.strata.planner.eval;

import static org.apache.calcite.sql.fun.SqlStdOperatorTable.AND;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.EQUALS;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.GREATER_THAN;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.IS_DISTINCT_FROM;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.IS_FALSE;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.IS_NOT_DISTINCT_FROM;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.IS_NOT_NULL;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.IS_NOT_TRUE;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.IS_NULL;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.IS_TRUE;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.LESS_THAN;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.LESS_THAN_OR_EQUAL;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.NOT;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.NOT_EQUALS;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.OR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.apache.calcite.rex.RexNode;
import org.junit.jupiter.api.Test;

class CompareLogicTest {
  private final RexFixture f = new RexFixture();

  @Test
  void comparisonsAcrossNumericTypes() {
    RexNode eq = f.call(EQUALS, f.col(0), f.col(1));
    assertEquals(true, f.eval(eq, 1L, 1.0));
    assertEquals(false, f.eval(eq, 1L, 1.5));
    // 2^53 + 1 is not equal to the double 2^53 even though (double) (2^53 + 1) == 2^53
    assertEquals(false, f.eval(eq, (1L << 53) + 1, (double) (1L << 53)));
    assertEquals(true, f.eval(f.call(LESS_THAN, f.col(1), f.col(0)), (1L << 53) + 1,
        (double) (1L << 53)));
    RexNode decEq = f.call(EQUALS, f.col(3), f.col(0));
    assertEquals(true, f.eval(decEq, 2L, null, null, new BigDecimal("2.00")));
    assertEquals(true, f.eval(f.call(GREATER_THAN, f.col(3), f.col(1)), null, 0.1, null,
        new BigDecimal("0.11")));
    assertEquals(true, f.eval(f.call(LESS_THAN_OR_EQUAL, f.col(0), f.dec("1.5")), 1L));
    assertEquals(false, f.eval(f.call(GREATER_THAN, f.i(3), f.col(0)), 5L)); // literal first
  }

  @Test
  void comparisonWithNullIsNull() {
    assertNull(f.eval(f.call(EQUALS, f.col(0), f.i(1)), (Object) null));
    assertNull(f.eval(f.call(NOT_EQUALS, f.col(0), f.nul(org.apache.calcite.sql.type.SqlTypeName.BIGINT)), 1L));
  }

  @Test
  void stringsCompareBinary() {
    RexNode lt = f.call(LESS_THAN, f.col(2), f.s("b"));
    assertEquals(true, f.eval(lt, null, null, "B"));
    assertEquals(false, f.eval(lt, null, null, "ba"));
    assertEquals(true, f.eval(lt, null, null, "a "));
    assertEquals(true, f.eval(lt, null, null, "a"));
    assertEquals(false, f.eval(f.call(EQUALS, f.col(2), f.s("a")), null, null, "a  "));
  }

  @Test
  void threeValuedLogic() {
    RexNode t = f.rb.makeLiteral(true);
    RexNode fa = f.rb.makeLiteral(false);
    RexNode n = f.col(4);
    Object[] nullRow = {null, null, null, null, null};
    assertNull(f.eval(f.call(AND, t, n), nullRow));
    assertEquals(false, f.eval(f.call(AND, fa, n), nullRow));
    assertEquals(false, f.eval(f.call(AND, n, fa), nullRow));
    assertEquals(true, f.eval(f.call(OR, n, t), nullRow));
    assertNull(f.eval(f.call(OR, fa, n), nullRow));
    assertNull(f.eval(f.call(NOT, n), nullRow));
    assertEquals(false, f.eval(f.call(IS_TRUE, n), nullRow));
    assertEquals(true, f.eval(f.call(IS_NOT_TRUE, n), nullRow));
    assertEquals(false, f.eval(f.call(IS_FALSE, n), nullRow));
    assertEquals(true, f.eval(f.call(IS_NULL, n), nullRow));
    assertEquals(false, f.eval(f.call(IS_NOT_NULL, n), nullRow));
  }

  @Test
  void distinctFrom() {
    RexNode d = f.call(IS_DISTINCT_FROM, f.col(0), f.col(1));
    RexNode nd = f.call(IS_NOT_DISTINCT_FROM, f.col(0), f.col(1));
    assertEquals(false, f.eval(d, null, null));
    assertEquals(true, f.eval(d, 1L, null));
    assertEquals(false, f.eval(d, 1L, 1.0));
    assertEquals(true, f.eval(nd, null, null));
    assertEquals(false, f.eval(nd, null, 2.0));
  }

  @Test
  void valuesHashIsConsistentWithEquality() {
    Object[][] equalGroups = {
        {1L, 1.0, new BigDecimal("1.00"), Boolean.TRUE},
        {0L, 0.0, -0.0, new BigDecimal("0.000"), Boolean.FALSE},
        {1L << 62, (double) (1L << 62), new BigDecimal(1L << 62)},
        {0.5, new BigDecimal("0.5")},
        {1e20, new BigDecimal("1E+20")},
    };
    for (Object[] g : equalGroups) {
      for (Object a : g) {
        for (Object b : g) {
          assertEquals(0, Values.compare(a, b), a + " vs " + b);
          assertEquals(Values.hash(a), Values.hash(b), a + " vs " + b);
          assertTrue(Values.same(a, b));
        }
      }
    }
  }
}
