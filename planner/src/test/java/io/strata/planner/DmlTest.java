package io.strata.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.planner.StrataException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

class DmlTest {

  private static StrataException fails(Db db, String sql, Object... params) {
    return assertThrows(StrataException.class, () -> db.exec(sql, params));
  }

  @Test
  void constraintsAreEnforcedAndStatementsAreAtomic() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id INT PRIMARY KEY, code VARCHAR(10) UNIQUE, n INT NOT NULL,"
          + " CHECK (n >= 0))");
      db.exec("INSERT INTO t VALUES (1, 'a', 1), (2, 'b', 2)");
      assertEquals(Reason.UNIQUE_VIOLATION, fails(db, "INSERT INTO t VALUES (1, 'c', 3)").reason());
      assertEquals(Reason.UNIQUE_VIOLATION, fails(db, "INSERT INTO t VALUES (3, 'a', 3)").reason());
      assertEquals(Reason.NOT_NULL_VIOLATION,
          fails(db, "INSERT INTO t VALUES (3, 'c', NULL)").reason());
      assertEquals(Reason.CHECK_VIOLATION, fails(db, "INSERT INTO t VALUES (3, 'c', -1)").reason());
      // a multi-row insert failing on its last row leaves nothing behind
      assertEquals(Reason.UNIQUE_VIOLATION,
          fails(db, "INSERT INTO t VALUES (4, 'd', 4), (5, 'e', 5), (1, 'f', 6)").reason());
      assertEquals("2", db.one("SELECT COUNT(*) FROM t"));
      // NULLs never collide in a unique column
      db.exec("INSERT INTO t VALUES (6, NULL, 1), (7, NULL, 1)");
      assertEquals(Reason.CHECK_VIOLATION, fails(db, "UPDATE t SET n = n - 5 WHERE id = 6").reason());
      assertEquals("1", db.one("SELECT n FROM t WHERE id = 6"));
    }
  }

  @Test
  void updateAndDeleteKeepIndexesInStep() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id INT PRIMARY KEY, a INT, b VARCHAR(5))");
      db.exec("CREATE INDEX t_a ON t (a)");
      for (int i = 1; i <= 50; i++) {
        db.exec("INSERT INTO t VALUES (?, ?, ?)", i, i % 10, "v" + i);
      }
      assertEquals("5", db.one("SELECT COUNT(*) FROM t WHERE a = 3"));
      assertEquals(10, db.exec("UPDATE t SET a = a + 100 WHERE a IN (3, 4)"));
      assertEquals("0", db.one("SELECT COUNT(*) FROM t WHERE a = 3"));
      assertEquals("5", db.one("SELECT COUNT(*) FROM t WHERE a = 103"));
      assertEquals(5, db.exec("DELETE FROM t WHERE a = 103"));
      assertEquals("0", db.one("SELECT COUNT(*) FROM t WHERE a = 103"));
      assertEquals("45", db.one("SELECT COUNT(*) FROM t"));
      // primary key shift that only collides with rows the same statement moves
      assertEquals(45, db.exec("UPDATE t SET id = id + 1"));
      assertEquals("2,1", db.one("SELECT id, a FROM t WHERE id = 2"));
      assertEquals("5", db.one("SELECT COUNT(*) FROM t WHERE a = 5"));
    }
  }

  @Test
  void updatesInPlaceMoveOnlyTheIndexEntriesThatChange() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id INT PRIMARY KEY, u INT, a INT, v INT)");
      db.exec("CREATE UNIQUE INDEX t_u ON t (u)");
      db.exec("CREATE INDEX t_a ON t (a)");
      for (int i = 1; i <= 20; i++) {
        db.exec("INSERT INTO t VALUES (?, ?, ?, ?)", i, i, i % 4, 0);
      }
      // a unique shift that only collides with values the same statement moves
      assertEquals(20, db.exec("UPDATE t SET u = u + 1"));
      assertEquals("20", db.one("SELECT id FROM t WHERE u = 21"));
      assertEquals(List.of(), db.rows("SELECT id FROM t WHERE u = 1"));
      // a real duplicate fails and leaves nothing behind
      StrataException dup = assertThrows(StrataException.class,
          () -> db.exec("UPDATE t SET u = 5 WHERE id = 1"));
      assertEquals(Reason.UNIQUE_VIOLATION, dup.reason());
      assertEquals("2", db.one("SELECT u FROM t WHERE id = 1"));
      // non-index columns: the index entries stay and still find their rows
      assertEquals(5, db.exec("UPDATE t SET v = v + 7 WHERE a = 1"));
      assertEquals(List.of("1,7", "5,7", "9,7", "13,7", "17,7"),
          db.rows("SELECT id, v FROM t WHERE a = 1 ORDER BY id"));
      assertEquals(5, db.exec("UPDATE t SET a = 9 WHERE a = 1"));
      assertEquals("0", db.one("SELECT COUNT(*) FROM t WHERE a = 1"));
      assertEquals("5", db.one("SELECT COUNT(*) FROM t WHERE a = 9"));
      // every index finds exactly the rows a full scan finds
      for (String[] w : new String[][] {{"a", "= 9"}, {"a", "= 2"}, {"u", "= 3"}, {"u", "> 15"}}) {
        assertEquals(db.rows("SELECT id FROM t WHERE " + w[0] + " + 0 " + w[1] + " ORDER BY id"),
            db.rows("SELECT id FROM t WHERE " + w[0] + " " + w[1] + " ORDER BY id"));
      }
    }
  }

  @Test
  void tablesWithoutPrimaryKeyUseHiddenRowIds() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (a INT, b INT)");
      db.exec("INSERT INTO t VALUES (1, 1), (1, 1), (2, 2)");
      assertEquals(1, db.exec("DELETE FROM t WHERE a = 2"));
      assertEquals(2, db.exec("UPDATE t SET b = 5"));
      assertEquals(List.of("1,5", "1,5"), db.rows("SELECT a, b FROM t"));
      try (Result r = db.session.execute("INSERT INTO t VALUES (9, 9)")) {
        Result keys = r.generatedKeys();
        assertTrue(keys.next());
        // ids are not reused while the engine runs, even the deleted largest one
        assertEquals(4L, keys.get(0));
      }
    }
  }

  @Test
  void insertSelectAndSubqueries() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE a (x INT PRIMARY KEY, y INT)");
      db.exec("CREATE TABLE b (x INT PRIMARY KEY, y INT)");
      db.exec("INSERT INTO a VALUES (1, 10), (2, 20), (3, 30), (4, 40)");
      assertEquals(4, db.exec("INSERT INTO b SELECT x, y * 2 FROM a"));
      assertEquals(2, db.exec("DELETE FROM b WHERE x IN (SELECT x FROM a WHERE y > 20)"));
      assertEquals(1, db.exec("UPDATE b SET y = (SELECT MAX(y) FROM a) WHERE x = 1"));
      assertEquals(List.of("1,40", "2,40"), db.rows("SELECT x, y FROM b ORDER BY x"));
      assertEquals(List.of("2"), db.rows(
          "SELECT x FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.x = a.x AND b.y = a.y * 2)"));
    }
  }

  @Test
  void indexNestedLoopJoinMatchesHashJoin() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE big (id INT PRIMARY KEY, v INT)");
      db.exec("CREATE TABLE small (k INT, w INT)");
      for (int i = 0; i < 300; i++) {
        db.exec("INSERT INTO big VALUES (?, ?)", i, i * 10);
      }
      db.exec("INSERT INTO small VALUES (5, 1), (7, 2), (7, 3), (NULL, 4), (999, 5)");
      assertEquals(List.of("5,50", "7,70", "7,70"),
          db.rows("SELECT s.k, b.v FROM small s JOIN big b ON b.id = s.k ORDER BY s.k"));
      assertEquals(List.of("5,50", "7,70", "7,70", "999,NULL", "NULL,NULL"),
          db.rows("SELECT s.k, b.v FROM small s LEFT JOIN big b ON b.id = s.k ORDER BY s.k NULLS LAST"));
    }
  }

  @Test
  void wideCommaJoinsReturnTheRightRows() {
    try (Db db = new Db()) {
      StringBuilder from = new StringBuilder();
      StringBuilder where = new StringBuilder("w7.a = 2");
      for (int i = 0; i < 8; i++) {
        db.exec("CREATE TABLE w" + i + " (a INT, b INT)");
        db.exec("INSERT INTO w" + i + " VALUES (1, 1), (2, 2), (3, 3), (4, NULL)");
        from.append(i == 0 ? "" : ", ").append("w").append(i);
        if (i > 0) {
          where.append(" AND w").append(i - 1).append(".b = w").append(i).append(".a");
        }
      }
      assertEquals("1", db.one("SELECT COUNT(*) FROM " + from + " WHERE " + where));
      assertEquals("2,2", db.one("SELECT w0.a, w7.b FROM " + from + " WHERE " + where));
      assertEquals("3", db.one("SELECT COUNT(*) FROM " + from + " WHERE "
          + where.substring("w7.a = 2 AND ".length())));
    }
  }

  @Test
  void defaultsAndColumnLists() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id INT PRIMARY KEY, s VARCHAR(10) DEFAULT 'none', n INT DEFAULT 7)");
      db.exec("INSERT INTO t (id) VALUES (1)");
      db.exec("INSERT INTO t (n, id) VALUES (3, 2)");
      assertEquals(List.of("1,none,7", "2,none,3"), db.rows("SELECT * FROM t ORDER BY id"));
      // the last assignment to a column wins
      assertEquals(1, db.exec("UPDATE t SET n = 1, s = 'x', n = 2 WHERE id = 1"));
      assertEquals("1,x,2", db.one("SELECT * FROM t WHERE id = 1"));
    }
  }

  @Test
  void typesRoundTrip() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id BIGINT PRIMARY KEY, s SMALLINT, r REAL, d DECIMAL(10,2),"
          + " c CHAR(3), tx TEXT, b BOOLEAN, dt DATE, tm TIME, ts TIMESTAMP, bin VARBINARY(4))");
      db.exec("INSERT INTO t VALUES (9000000000, 3, 1.25, 12.34, 'ab', 'long text', TRUE,"
          + " DATE '2026-11-25', TIME '10:11:12', TIMESTAMP '2026-11-25 10:11:12', X'00FF')");
      db.exec("INSERT INTO t (id) VALUES (1)");
      assertEquals(List.of("1,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL",
          "9000000000,3,1.25,12.34,ab,long text,true,2026-11-25,10:11:12,2026-11-25T10:11:12,[0, -1]"),
          db.rows("SELECT * FROM t ORDER BY id"));
      assertEquals("9000000001", db.one("SELECT id + s - 2 FROM t WHERE id > 100"));
      assertEquals("2.0", db.one("SELECT AVG(x) FROM (VALUES (1), (2), (3)) AS v(x)"));
    }
  }
}
