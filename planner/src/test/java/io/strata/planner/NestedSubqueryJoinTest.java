package io.strata.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nested IN subqueries under OR become joins that join ordering cannot always reorder (outer joins
 * mixed with the rest); such plans must still run, in the order they were written.
 */
class NestedSubqueryJoinTest {
  private static Db db;

  @BeforeAll
  static void schema() {
    db = new Db();
    db.exec("CREATE TABLE tab0 (pk INT PRIMARY KEY, col0 INT, col1 DOUBLE, col3 INT, col4 DOUBLE)");
    Object[][] rows = {
        {0, 307, 700.0, 40, 300.0}, {1, 500, 10.0, 307, 400.0}, {2, 700, 500.0, 900, 1.0},
        {3, 10, 100.0, 600, 365.0}, {4, 673, 200.0, 466, 249.0}};
    for (Object[] r : rows) {
      db.exec("INSERT INTO tab0 VALUES (?, ?, ?, ?, ?)", r);
    }
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void nestedInSubqueriesUnderOrRun() {
    List<String> pks = db.rows("SELECT pk FROM tab0 WHERE col3 <= 50 AND col3 IN (SELECT col0 FROM tab0"
        + " WHERE (col0 = 307) AND col0 IN (SELECT col3 FROM tab0 WHERE (((col3 > 437)) AND col4 >= 364.33))"
        + " AND col1 <= 749.88 AND col4 > 248.44 OR (col0 >= 492) AND (col0 >= 673))"
        + " OR (col3 <= 465 OR (col1 BETWEEN 428.17 AND 578.38)) ORDER BY pk");
    // col3 <= 465 holds for pk 0 and 1; pk 2 has col1 = 500.0 in [428.17, 578.38]
    assertEquals(List.of("0", "1", "2"), pks);
  }
}
