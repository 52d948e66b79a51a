package io.strata.planner.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Range;
import com.google.common.collect.TreeRangeSet;
import io.strata.planner.StrataException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.util.Sarg;
import org.junit.jupiter.api.Test;

class SargLikeTest {
  private final RexFixture f = new RexFixture();

  private RexNode search(RexNode operand, RexUnknownAs nullAs, TreeRangeSet<BigDecimal> set) {
    Sarg<BigDecimal> sarg = Sarg.of(nullAs, ImmutableRangeSet.copyOf(set));
    return f.call(SqlStdOperatorTable.SEARCH, operand,
        f.rb.makeSearchArgumentLiteral(sarg, operand.getType()));
  }

  private static BigDecimal bd(long v) {
    return BigDecimal.valueOf(v);
  }

  @Test
  void inListOfIntegers() {
    RexNode in = f.rb.makeIn(f.col(0), List.of(f.i(3), f.i(1), f.i(7)));
    assertEquals(true, f.eval(in, 1L));
    assertEquals(true, f.eval(in, 7L));
    assertEquals(false, f.eval(in, 2L));
    assertNull(f.eval(in, (Object) null));
    // a double operand against integer points compares by value
    RexNode inD = f.rb.makeIn(f.col(1), List.of(f.d(3), f.d(1.5)));
    assertEquals(true, f.eval(inD, null, 1.5));
    assertEquals(false, f.eval(inD, null, 2.0));
  }

  @Test
  void notInWithNullHandling() {
    TreeRangeSet<BigDecimal> set = TreeRangeSet.create();
    set.add(Range.lessThan(bd(1)));
    set.add(Range.open(bd(1), bd(2)));
    set.add(Range.greaterThan(bd(2)));
    RexNode notIn = search(f.col(0), RexUnknownAs.UNKNOWN, set); // x NOT IN (1, 2)
    assertEquals(false, f.eval(notIn, 1L));
    assertEquals(false, f.eval(notIn, 2L));
    assertEquals(true, f.eval(notIn, 0L));
    assertEquals(true, f.eval(notIn, 3L));
    assertNull(f.eval(notIn, (Object) null));
    assertEquals(true, f.eval(search(f.col(0), RexUnknownAs.TRUE, set), (Object) null));
    assertEquals(false, f.eval(search(f.col(0), RexUnknownAs.FALSE, set), (Object) null));
    // a fractional double between the excluded integer points is in the set
    RexNode doubles = f.rb.makeIn(f.col(1), List.of(f.d(1), f.d(2)));
    RexNode notInD = f.call(SqlStdOperatorTable.NOT, doubles);
    assertEquals(true, f.eval(notInD, null, 1.5));
    assertEquals(false, f.eval(notInD, null, 2.0));
  }

  @Test
  void rangesAndBetween() {
    TreeRangeSet<BigDecimal> set = TreeRangeSet.create();
    set.add(Range.closed(bd(10), bd(20)));
    set.add(Range.closedOpen(bd(30), bd(40)));
    set.add(Range.atLeast(bd(100)));
    RexNode s = search(f.col(0), RexUnknownAs.UNKNOWN, set);
    long[] in = {10, 15, 20, 30, 39, 100, 1000};
    long[] out = {9, 21, 29, 40, 99, Long.MIN_VALUE};
    for (long v : in) {
      assertEquals(true, f.eval(s, v), "in " + v);
    }
    for (long v : out) {
      assertEquals(false, f.eval(s, v), "out " + v);
    }
    RexNode between = f.rb.makeBetween(f.col(1), f.d(1.5), f.d(2.5));
    assertEquals(true, f.eval(between, null, 2.5));
    assertEquals(false, f.eval(between, null, 2.6));
  }

  @Test
  void stringSarg() {
    RexNode in = f.rb.makeIn(f.col(2), List.of(f.s("abc"), f.s("x")));
    assertEquals(true, f.eval(in, null, null, "x"));
    assertEquals(false, f.eval(in, null, null, "ABC"));
    assertEquals(false, f.eval(in, null, null, "abc "));
    RexNode range = f.rb.makeBetween(f.col(2), f.s("b"), f.s("d"));
    assertEquals(SqlStdOperatorTable.SEARCH, ((org.apache.calcite.rex.RexCall) range).getOperator());
    assertEquals(true, f.eval(range, null, null, "c"));
    assertEquals(false, f.eval(range, null, null, "da"));
  }

  private RexNode like(String pattern) {
    return f.call(SqlStdOperatorTable.LIKE, f.col(2), f.s(pattern));
  }

  private RexNode like(String pattern, String escape) {
    return f.call(SqlStdOperatorTable.LIKE, f.col(2), f.s(pattern), f.s(escape));
  }

  private Object m(RexNode e, String v) {
    return f.eval(e, null, null, v);
  }

  @Test
  void likeIsCaseInsensitiveForAscii() {
    assertEquals(true, m(like("abc"), "ABC"));
    assertEquals(true, m(like("a%"), "Apple"));
    assertEquals(true, m(like("%PLE"), "apple"));
    assertEquals(true, m(like("a_c"), "abc"));
    assertEquals(false, m(like("a_c"), "abbc"));
    assertEquals(true, m(like("%b%"), "abc"));
    assertEquals(true, m(like("%"), ""));
    assertEquals(false, m(like("_"), ""));
    assertEquals(true, m(like("a%b%c"), "aXXbYYbZc"));
    assertEquals(false, m(like("a%b%c"), "aXXbYYbZ"));
    assertEquals(false, m(like("é"), "É")); // only ASCII folds
    assertNull(m(like("a%"), null));
    RexNode notLike = f.call(SqlStdOperatorTable.NOT, like("a%"));
    assertEquals(false, m(notLike, "abc"));
    assertEquals(true, m(notLike, "bcd"));
  }

  @Test
  void likeWithEscape() {
    assertEquals(true, m(like("100!%", "!"), "100%"));
    assertEquals(false, m(like("100!%", "!"), "1000"));
    assertEquals(true, m(like("a!_b", "!"), "a_b"));
    assertEquals(false, m(like("a!_b", "!"), "axb"));
    assertEquals(true, m(like("a!!b", "!"), "a!b"));
    assertThrows(StrataException.class, () -> m(like("ab!", "!"), "ab"));
  }

  @Test
  void likeWithPatternFromColumn() {
    RexNode e = f.call(SqlStdOperatorTable.LIKE, f.s("Hello"), f.col(2));
    assertEquals(true, m(e, "h%o"));
    assertEquals(false, m(e, "h%x"));
    assertNull(m(e, null));
  }
}
