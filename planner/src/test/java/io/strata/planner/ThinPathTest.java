package io.strata.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThinPathTest {
  @Test
  void createInsertSelectWhere() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(20), score DOUBLE)");
      assertEquals(1, db.exec("INSERT INTO t VALUES (1, 'one', 1.5)"));
      assertEquals(2, db.exec("INSERT INTO t VALUES (2, 'two', 2.5), (3, NULL, 3.5)"));
      assertEquals(List.of("2,two"), db.rows("SELECT id, name FROM t WHERE id = 2"));
      assertEquals(List.of("1,one", "2,two", "3,NULL"), db.rows("SELECT id, name FROM t ORDER BY id"));
      assertEquals("7.5", db.one("SELECT SUM(score) FROM t"));
    }
  }
}
