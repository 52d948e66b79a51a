package io.strata.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Open results of the same SQL text, or of one prepared statement, do not disturb each other. */
class PreparedIsolationTest {

  private static Db table() {
    Db db = new Db();
    db.exec("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))");
    db.exec("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')");
    return db;
  }

  /** The nested loop a JDBC client writes with two Statements running the same query. */
  private static List<String> nestedLoop(Result outer, java.util.function.Supplier<Result> inner) {
    List<String> pairs = new ArrayList<>();
    while (outer.next()) {
      try (Result in = inner.get()) {
        while (in.next()) {
          pairs.add(outer.get(0) + "" + in.get(0));
        }
      }
    }
    return pairs;
  }

  private static final List<String> ALL_PAIRS =
      List.of("11", "12", "13", "21", "22", "23", "31", "32", "33");

  @Test
  void sameSqlTwiceInterleaved() {
    try (Db db = table()) {
      String sql = "SELECT id FROM t ORDER BY id";
      try (Result outer = db.session.execute(sql)) {
        assertEquals(ALL_PAIRS, nestedLoop(outer, () -> db.session.execute(sql)));
      }
      Prepared a = db.session.prepare(sql);
      Prepared b = db.session.prepare(sql);
      try (Result outer = a.execute(List.of())) {
        assertEquals(ALL_PAIRS, nestedLoop(outer, () -> b.execute(List.of())));
      }
    }
  }

  @Test
  void onePreparedStatementWithTwoOpenResults() {
    try (Db db = table()) {
      Prepared p = db.session.prepare("SELECT id, v FROM t WHERE id >= ? ORDER BY id");
      try (Result r1 = p.execute(List.of(1)); Result r2 = p.execute(List.of(2))) {
        assertTrue(r1.next());
        assertTrue(r2.next());
        assertEquals(1L, ((Number) r1.get(0)).longValue());
        assertEquals(2L, ((Number) r2.get(0)).longValue());
        assertTrue(r1.next());
        assertTrue(r2.next());
        assertEquals("b", r1.get(1));
        assertEquals("c", r2.get(1));
        assertFalse(r2.next());
        assertTrue(r1.next());
        assertEquals("c", r1.get(1));
        assertFalse(r1.next());
      }
      try (Result outer = p.execute(List.of(2))) {
        assertEquals(List.of("22", "23", "32", "33"),
            nestedLoop(outer, () -> p.execute(List.of(2))));
      }
    }
  }

  @Test
  void repeatedInsertReportsOnlyItsOwnKeys() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE k (id INT PRIMARY KEY, x INT)");
      Prepared ins = db.session.prepare("INSERT INTO k VALUES (?, ?)");
      for (int i = 1; i <= 3; i++) {
        try (Result r = ins.execute(List.of(i, i * 10))) {
          assertEquals(1, r.updateCount());
          try (Result keys = r.generatedKeys()) {
            assertTrue(keys.next());
            assertEquals((long) i, ((Number) keys.get(0)).longValue());
            assertFalse(keys.next(), "keys of earlier executions leak into this one");
          }
        }
      }
      assertEquals(List.of("1,10", "2,20", "3,30"), db.rows("SELECT id, x FROM k ORDER BY id"));
    }
  }
}
