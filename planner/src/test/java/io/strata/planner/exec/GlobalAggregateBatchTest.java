package io.strata.planner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.planner.StrataException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;
import org.junit.jupiter.api.Test;

/**
 * A global aggregate over a batch source (a table scan) folds column batches; over any other
 * input it folds row arrays. Both must give the same answers, and the same errors, for every
 * aggregate function, NULLs, mixed numeric values, DISTINCT and inputs of several batches.
 * (FILTER arguments come from a projection, so such an aggregate never reads a scan's batches.)
 */
class GlobalAggregateBatchTest {
  private static final String[] COLS = {"I BIGINT", "X DECIMAL", "S VARCHAR", "B BOOLEAN"};

  @Test
  void batchesAggregateAsRowsDo() {
    long seed = System.nanoTime();
    System.out.println("GlobalAggregateBatchTest seed " + seed);
    Random r = new Random(seed);
    int overflows = 0;
    for (int round = 0; round < 120; round++) {
      int n = round % 10 == 0 ? 0 : r.nextInt(round % 3 == 0 ? 5000 : 40);
      List<Object[]> rows = new ArrayList<>();
      boolean big = r.nextInt(8) == 0;
      for (int i = 0; i < n; i++) {
        rows.add(new Object[] {integer(r, big), number(r), text(r), bool(r)});
      }
      String rowsPath = answer(rows, false);
      String batchPath = answer(rows, true);
      assertEquals(rowsPath, batchPath, "round " + round + " of seed " + seed);
      if (rowsPath.startsWith("error")) {
        overflows++;
      }
    }
    assertTrue(overflows > 0 && overflows < 60, "rounds ending in an overflow: " + overflows);
  }

  private static Long integer(Random r, boolean big) {
    if (r.nextInt(6) == 0) {
      return null;
    }
    return big ? Long.MAX_VALUE / 3 - r.nextInt(1000) : (long) r.nextInt(2001) - 1000;
  }

  /** Integers, doubles and decimals in one column, as a column of type ANY can hold. */
  private static Object number(Random r) {
    return switch (r.nextInt(8)) {
      case 0 -> null;
      case 1 -> r.nextDouble() * 100;
      case 2 -> BigDecimal.valueOf(r.nextInt(100000), 2);
      default -> (long) r.nextInt(100);
    };
  }

  private static String text(Random r) {
    return r.nextInt(5) == 0 ? null : "s" + r.nextInt(300);
  }

  private static Boolean bool(Random r) {
    return r.nextInt(4) == 0 ? null : r.nextBoolean();
  }

  private static String answer(List<Object[]> rows, boolean batches) {
    TestDb db = new TestDb().table("T", COLS, rows.toArray(new Object[0][]));
    db.batches = batches;
    RelBuilder b = db.builder();
    RelNode rel = b.scan("T")
        .aggregate(b.groupKey(),
            b.countStar("C"),
            b.count(false, "CI", b.field("I")),
            b.count(false, "CIS", b.field("I"), b.field("S")),
            b.sum(b.field("I")),
            b.aggregateCall(SqlStdOperatorTable.SUM0, b.field("I")),
            b.avg(b.field("I")),
            b.min(b.field("I")),
            b.max(b.field("I")),
            b.sum(b.field("X")),
            b.min(b.field("X")),
            b.max(b.field("X")),
            b.min(b.field("S")),
            b.count(true, "DI", b.field("I")),
            b.max(b.field("B")))
        .build();
    try {
      String answer = TestDb.show(db.run(rel)).toString();
      assertEquals(batches && !rows.isEmpty(), db.batchesRead > 0, "batches read");
      return answer;
    } catch (StrataException e) {
      return "error " + e.reason() + ": " + e.getMessage();
    }
  }
}
