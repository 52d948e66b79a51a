package io.strata.planner.eval;

import static org.apache.calcite.sql.fun.SqlStdOperatorTable.CONCAT;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.DIVIDE;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.MULTIPLY;
import static org.apache.calcite.sql.fun.SqlStdOperatorTable.PLUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class StrataRexExecutorTest {
  private final RexFixture f = new RexFixture();

  private RexNode fold(RexNode e) {
    List<RexNode> out = new ArrayList<>();
    StrataRexExecutor.INSTANCE.reduce(f.rb, List.of(e), out);
    assertEquals(1, out.size());
    assertEquals(e.getType(), out.get(0).getType(), "folding must keep the type");
    return out.get(0);
  }

  @Test
  void foldsToLiteralsOfTheSameType() {
    RexNode r = fold(f.call(PLUS, f.i(2), f.call(MULTIPLY, f.i(3), f.i(4))));
    assertTrue(r instanceof RexLiteral);
    assertEquals(14L, ((RexLiteral) r).getValueAs(Long.class));
    RexNode s = fold(f.call(SqlStdOperatorTable.UPPER, f.s("abc")));
    assertEquals("ABC", ((RexLiteral) s).getValueAs(String.class));
    RexNode d = fold(f.call(DIVIDE, f.d(1.0), f.d(4.0)));
    assertEquals(0.25, ((RexLiteral) d).getValueAs(Double.class));
    RexNode b = fold(f.call(SqlStdOperatorTable.LESS_THAN, f.i(1), f.i(2)));
    assertEquals(Boolean.TRUE, ((RexLiteral) b).getValueAs(Boolean.class));
  }

  @Test
  void divisionByZeroFoldsToNullOnlyWhenTheTypeAllowsIt() {
    RexNode nullable = f.call(DIVIDE, f.col(5), f.i(0));
    RexNode e = f.call(DIVIDE, f.nul(SqlTypeName.INTEGER), f.i(0));
    assertTrue(e.getType().isNullable());
    assertTrue(((RexLiteral) fold(e)).isNull());
    RexNode notNull = f.call(DIVIDE, f.i(1), f.i(0)); // Calcite types it INTEGER NOT NULL
    assertSame(notNull, fold(notNull));
    assertSame(nullable, fold(nullable));
  }

  @Test
  void leavesAloneWhatItCannotFoldFaithfully() {
    // 64-bit result of an INTEGER-typed expression: stays, and evaluates to 2147483648 later
    RexNode big = f.call(PLUS, f.i(2147483647), f.i(1));
    assertSame(big, fold(big));
    assertEquals(2147483648L, f.eval(fold(big)));
    // an error belongs to execution time
    RexNode overflow = f.call(MULTIPLY, f.big(Long.MAX_VALUE), f.big(2));
    assertSame(overflow, fold(overflow));
    // parameters and the clock are not constants
    RexNode param = f.call(PLUS, f.rb.makeDynamicParam(f.type(SqlTypeName.INTEGER), 0), f.i(1));
    assertSame(param, fold(param));
    RexNode now = f.rb.makeCall(SqlStdOperatorTable.CURRENT_DATE);
    assertSame(now, fold(now));
    // a CHAR result shorter than its type would need padding
    RexNode concat = f.call(CONCAT, f.s("ab"), f.cast(SqlTypeName.VARCHAR, f.s("c")));
    RexNode folded = fold(concat);
    assertEquals("abc", f.eval(folded));
  }
}
