package io.strata.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.planner.StrataException.Reason;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TransactionTest {

  @Test
  void commitRollbackAndSnapshotIsolation() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
      db.exec("INSERT INTO t VALUES (1, 10)");
      Session other = db.engine.openSession();
      db.exec("BEGIN");
      assertTrue(db.session.inTransaction());
      db.exec("UPDATE t SET v = 11 WHERE id = 1");
      assertEquals("11", db.one("SELECT v FROM t WHERE id = 1"));
      assertEquals(List.of("10"), Db.rows(other, "SELECT v FROM t WHERE id = 1"));
      db.exec("ROLLBACK");
      assertFalse(db.session.inTransaction());
      assertEquals("10", db.one("SELECT v FROM t WHERE id = 1"));

      // a transaction reads its snapshot throughout
      other.execute("BEGIN");
      assertEquals(List.of("10"), Db.rows(other, "SELECT v FROM t"));
      db.exec("UPDATE t SET v = 12");
      assertEquals(List.of("10"), Db.rows(other, "SELECT v FROM t"));
      other.execute("COMMIT");
      assertEquals(List.of("12"), Db.rows(other, "SELECT v FROM t"));
      other.close();
    }
  }

  @Test
  void concurrentInsertsIntoATableWithoutPrimaryKeyBothCommit() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE log (msg VARCHAR(20))");
      db.exec("INSERT INTO log VALUES ('before')");
      Session other = db.engine.openSession();
      db.exec("BEGIN");
      other.execute("BEGIN");
      db.exec("INSERT INTO log VALUES ('mine')");
      Db.rows(other, "SELECT COUNT(*) FROM log"); // the other snapshot is taken before either commits
      other.execute("INSERT INTO log VALUES ('theirs'), ('theirs too')");
      db.exec("COMMIT");
      other.execute("COMMIT"); // distinct hidden row ids: no write-write conflict
      assertEquals(List.of("before", "mine", "theirs", "theirs too"),
          db.rows("SELECT msg FROM log ORDER BY msg"));
      // a rolled-back insert leaves a gap, never a reused id
      db.exec("BEGIN");
      db.exec("INSERT INTO log VALUES ('undone')");
      db.exec("ROLLBACK");
      db.exec("INSERT INTO log VALUES ('after')");
      assertEquals("5", db.one("SELECT COUNT(*) FROM log"));
      other.close();
    }
  }

  @Test
  void aFailingStatementInATransactionUndoesItselfAlone() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
      db.exec("CREATE TABLE x (id INT PRIMARY KEY, u INT)");
      db.exec("CREATE UNIQUE INDEX x_u ON x (u)");
      db.exec("BEGIN");
      db.exec("INSERT INTO t VALUES (1, 10)");
      // a multi-row insert that fails on its second row keeps none of its rows
      assertEquals(Reason.UNIQUE_VIOLATION, assertThrows(StrataException.class,
          () -> db.exec("INSERT INTO t VALUES (2, 20), (1, 30)")).reason());
      // a single-row insert that fails changes nothing
      assertEquals(Reason.UNIQUE_VIOLATION, assertThrows(StrataException.class,
          () -> db.exec("INSERT INTO t VALUES (1, 40)")).reason());
      db.exec("UPDATE t SET v = 11 WHERE id = 1");
      db.exec("INSERT INTO x VALUES (1, 1), (2, 2)");
      // an indexed row fails on its index after its own row was checked
      assertEquals(Reason.UNIQUE_VIOLATION, assertThrows(StrataException.class,
          () -> db.exec("INSERT INTO x VALUES (3, 2)")).reason());
      assertEquals(Reason.UNIQUE_VIOLATION, assertThrows(StrataException.class,
          () -> db.exec("UPDATE x SET u = 2 WHERE id = 1")).reason());
      db.exec("COMMIT");
      assertEquals(List.of("1,11"), db.rows("SELECT id, v FROM t"));
      assertEquals(List.of("1,1", "2,2"), db.rows("SELECT id, u FROM x ORDER BY id"));
      assertEquals(List.of("2"), db.rows("SELECT id FROM x WHERE u = 2"));
    }
  }

  @Test
  void writeWriteConflictFailsTheLaterCommitterWithoutPartialEffect() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
      db.exec("INSERT INTO t VALUES (1, 0), (2, 0)");
      Session a = db.session;
      Session b = db.engine.openSession();
      a.execute("BEGIN");
      b.execute("BEGIN");
      a.execute("UPDATE t SET v = 1 WHERE id = 1");
      b.execute("UPDATE t SET v = 2 WHERE id = 1");
      b.execute("UPDATE t SET v = 2 WHERE id = 2");
      a.execute("COMMIT");
      StrataException e = assertThrows(StrataException.class, () -> b.execute("COMMIT"));
      assertEquals(Reason.SERIALIZATION_FAILURE, e.reason());
      assertFalse(b.inTransaction());
      assertEquals(List.of("1,1", "2,0"), Db.rows(b, "SELECT id, v FROM t ORDER BY id"));
      b.close();
    }
  }

  @Test
  void savepointsAndStatementLevelRollback() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id INT PRIMARY KEY)");
      db.session.setAutoCommit(false);
      db.exec("INSERT INTO t VALUES (1)");
      db.session.savepoint("s1");
      db.exec("INSERT INTO t VALUES (2)");
      db.exec("SAVEPOINT s2");
      db.exec("INSERT INTO t VALUES (3)");
      db.exec("ROLLBACK TO SAVEPOINT s1");
      assertEquals(List.of("1"), db.rows("SELECT id FROM t"));
      assertThrows(StrataException.class, () -> db.session.rollbackToSavepoint("s2"));
      db.exec("INSERT INTO t VALUES (4)");
      // a failing statement undoes only itself
      assertThrows(StrataException.class, () -> db.exec("INSERT INTO t VALUES (5), (1)"));
      assertEquals(List.of("1", "4"), db.rows("SELECT id FROM t ORDER BY id"));
      db.session.commit();
      db.session.setAutoCommit(true);
      assertEquals("2", db.one("SELECT COUNT(*) FROM t"));
    }
  }

  @Test
  void ddlIsTransactional() {
    try (Db db = new Db()) {
      db.exec("BEGIN");
      db.exec("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(5))");
      db.exec("INSERT INTO t VALUES (1, 'x')");
      db.exec("CREATE INDEX t_v ON t (v)");
      assertEquals("1", db.one("SELECT id FROM t WHERE v = 'x'"));
      db.exec("ROLLBACK");
      StrataException e = assertThrows(StrataException.class, () -> db.rows("SELECT * FROM t"));
      assertEquals(Reason.UNKNOWN_TABLE, e.reason());
    }
  }

  @Test
  void readOnlyModesRefuseWrites() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id INT PRIMARY KEY)");
      db.session.setReadOnly(true);
      assertEquals(Reason.READ_ONLY,
          assertThrows(StrataException.class, () -> db.exec("INSERT INTO t VALUES (1)")).reason());
      db.session.setReadOnly(false);
      db.exec("START TRANSACTION READ ONLY");
      assertEquals(Reason.READ_ONLY,
          assertThrows(StrataException.class, () -> db.exec("INSERT INTO t VALUES (1)")).reason());
      db.exec("COMMIT");
      db.exec("INSERT INTO t VALUES (1)");
      assertEquals(Reason.INVALID_TRANSACTION_STATE, assertThrows(StrataException.class, () -> {
        db.exec("BEGIN");
        db.exec("BEGIN");
      }).reason());
      db.exec("ROLLBACK");
      assertEquals(OptionalLong.empty(), db.session.asOfVersion());
    }
  }
}
