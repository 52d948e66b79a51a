package io.strata.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A global aggregate straight over a table scan reads the scan's rows in column batches; one over
 * a filter reads rows. Over the same rows both answer alike: whole tables, key ranges, index
 * ranges, historical versions, rows written before a column was added, several batches.
 */
class ScanAggregateTest {
  private static final String AGGREGATES = "COUNT(*), COUNT(v), SUM(v), MIN(v), MAX(v), AVG(v),"
      + " SUM(d), MIN(d), MAX(s), MIN(s), COUNT(DISTINCT k), SUM(k), MAX(e), COUNT(e)";
  /** True for every row, but not provably so: the aggregate then reads a filter's rows. */
  private static final String KEEP_ALL = "COALESCE(s, '') <> 'none such'";

  @Test
  void batchedAndRowAggregatesAgree() {
    long seed = System.nanoTime();
    System.out.println("ScanAggregateTest seed " + seed);
    Random r = new Random(seed);
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id BIGINT PRIMARY KEY, k INTEGER, v BIGINT, d DOUBLE,"
          + " s VARCHAR(20))");
      db.exec("CREATE INDEX t_k ON t (k)");
      long sumV = 0;
      int rows = 3000;
      for (int id = 1; id <= rows; id++) {
        Long v = r.nextInt(7) == 0 ? null : (long) r.nextInt(2_000_001) - 1_000_000;
        sumV += v == null ? 0 : v;
        db.exec("INSERT INTO t VALUES (?, ?, ?, ?, ?)", (long) id,
            r.nextInt(9) == 0 ? null : r.nextInt(50), v,
            r.nextInt(5) == 0 ? null : r.nextDouble() * 1000,
            r.nextInt(6) == 0 ? null : "s" + r.nextInt(1000));
      }
      // rows written before a column is added lack its slot: they read it as NULL
      db.exec("ALTER TABLE t ADD COLUMN e BIGINT");
      long before = db.store.latestVersion();
      db.exec("UPDATE t SET e = id * 3, v = v + 1 WHERE id % 4 = 0");
      db.exec("DELETE FROM t WHERE id % 10 = 7");

      String whole = db.one("SELECT " + AGGREGATES + " FROM t AS OF VERSION " + before);
      assertTrue(whole.startsWith(rows + ","), whole);
      assertEquals(sumV, Long.parseLong(whole.split(",")[2]), "SUM(v) against the inserted values");

      for (int round = 0; round < 40; round++) {
        long lo = r.nextInt(rows + 200) - 100;
        long hi = lo + r.nextInt(round % 4 == 0 ? 3000 : 200);
        int klo = r.nextInt(60) - 5;
        int khi = klo + r.nextInt(20);
        String[] where = {
            "", " WHERE id BETWEEN " + lo + " AND " + hi, " WHERE k BETWEEN " + klo + " AND " + khi};
        for (String w : where) {
          for (String asOf : new String[] {"", " AS OF VERSION " + before}) {
            String batched = "SELECT " + AGGREGATES + " FROM t" + asOf + w;
            String filtered = "SELECT " + AGGREGATES + " FROM t" + asOf
                + (w.isEmpty() ? " WHERE " + KEEP_ALL : w + " AND " + KEEP_ALL);
            if (asOf.isEmpty() || !w.isEmpty() || round == 0) {
              assertEquals(db.rows(filtered), db.rows(batched), batched + " (seed " + seed + ")");
            }
          }
        }
      }
      List<String> plan = db.rows("EXPLAIN SELECT " + AGGREGATES + " FROM t WHERE id < 5");
      assertTrue(plan.get(1).trim().startsWith("StrataTableScan"),
          "the aggregate reads the scan itself: " + plan);
    }
  }
}
