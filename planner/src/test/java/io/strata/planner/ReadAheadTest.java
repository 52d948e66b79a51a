package io.strata.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A scan of a version nothing can change while it runs (a query outside a write transaction, a
 * historical version) reads rows ahead through the cursor; one inside a write transaction reads a
 * row at a time. Both answer alike: whole tables, several key ranges, point keys, large values
 * kept on overflow pages, LIMIT, historical versions.
 */
class ReadAheadTest {
  @Test
  void scansReadingAheadAnswerAsScansThatDoNot() {
    long seed = System.nanoTime();
    System.out.println("ReadAheadTest seed " + seed);
    Random r = new Random(seed);
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id BIGINT PRIMARY KEY, k INTEGER, s VARCHAR(6000))");
      for (int id = 1; id <= 4000; id += 1 + r.nextInt(2)) {
        int len = r.nextInt(30) == 0 ? 2000 + r.nextInt(3000) : r.nextInt(20);
        db.exec("INSERT INTO t VALUES (?, ?, ?)", (long) id, r.nextInt(100),
            "x".repeat(len) + id);
      }
      long before = db.store.latestVersion();
      db.exec("UPDATE t SET k = k + 1000 WHERE id % 3 = 0");
      for (int round = 0; round < 30; round++) {
        long lo = r.nextInt(4200);
        long hi = lo + r.nextInt(round % 3 == 0 ? 4000 : 300);
        String[] queries = {
            "SELECT id, k, LENGTH(s) FROM t WHERE k % 7 <> 3",
            "SELECT id, k, s FROM t WHERE id BETWEEN " + lo + " AND " + hi + " AND k >= 0",
            "SELECT id, k FROM t WHERE (id < " + lo + " OR id > " + hi + ") AND k >= 0",
            "SELECT id, LENGTH(s) FROM t WHERE id IN (" + lo + ", " + hi + ", " + (lo + 1)
                + ") AND k >= 0",
            "SELECT id, k FROM t WHERE id > " + lo + " AND k >= 0 LIMIT " + (1 + r.nextInt(50)),
            "SELECT k, COUNT(*), SUM(LENGTH(s)) FROM t GROUP BY k",
            "SELECT id, k FROM t AS OF VERSION " + before + " WHERE id BETWEEN " + lo + " AND "
                + hi + " AND k >= 0"};
        for (String q : queries) {
          List<String> ahead = db.rows(q);
          db.exec("BEGIN");
          List<String> one = db.rows(q);
          db.exec("ROLLBACK");
          assertEquals(one, ahead, q + " (seed " + seed + ")");
        }
      }
    }
  }
}
