package io.strata.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Savepoint;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactionTest {
  private String url;

  @BeforeEach
  void setUp() throws SQLException {
    url = Db.memUrl() + ";keepAlive=true";
    try (Connection c = Db.open(url)) {
      Db.exec(c, "CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)");
    }
  }

  @Test
  void commitAndRollback() throws SQLException {
    try (Connection a = Db.open(url); Connection b = Db.open(url)) {
      assertTrue(a.getAutoCommit());
      a.setAutoCommit(false);
      Db.exec(a, "INSERT INTO t VALUES (1, 10)");
      assertEquals(1, Db.count(a, "t"), "a transaction sees its own write");
      assertEquals(0, Db.count(b, "t"), "others do not see uncommitted work");
      a.rollback();
      assertEquals(0, Db.count(a, "t"));
      Db.exec(a, "INSERT INTO t VALUES (2, 20)");
      a.commit();
      assertEquals(1, Db.count(b, "t"));
      a.commit(); // nothing open: harmless
    }
  }

  @Test
  void turningAutocommitOnCommits() throws SQLException {
    try (Connection a = Db.open(url); Connection b = Db.open(url)) {
      a.setAutoCommit(false);
      Db.exec(a, "INSERT INTO t VALUES (1, 10)");
      a.setAutoCommit(true);
      assertEquals(1, Db.count(b, "t"));
    }
  }

  @Test
  void sqlBeginIsEndedByConnectionCommitAndRollback() throws SQLException {
    try (Connection a = Db.open(url); Connection b = Db.open(url)) {
      Db.exec(a, "BEGIN", "INSERT INTO t VALUES (1, 10)");
      assertEquals(0, Db.count(b, "t"));
      a.rollback();
      assertEquals(0, Db.count(a, "t"));
      Db.exec(a, "BEGIN", "INSERT INTO t VALUES (2, 20)");
      a.commit();
      assertEquals(1, Db.count(b, "t"));
    }
  }

  @Test
  void closingRollsBackAnOpenTransaction() throws SQLException {
    try (Connection a = Db.open(url)) {
      a.setAutoCommit(false);
      Db.exec(a, "INSERT INTO t VALUES (1, 10)");
    }
    try (Connection b = Db.open(url)) {
      assertEquals(0, Db.count(b, "t"));
    }
  }

  @Test
  void savepoints() throws SQLException {
    try (Connection a = Db.open(url)) {
      assertThrows(SQLException.class, a::setSavepoint, "no savepoints in autocommit mode");
      a.setAutoCommit(false);
      Db.exec(a, "INSERT INTO t VALUES (1, 10)");
      Savepoint named = a.setSavepoint("before_two");
      assertEquals("before_two", named.getSavepointName());
      Db.exec(a, "INSERT INTO t VALUES (2, 20)");
      Savepoint unnamed = a.setSavepoint();
      assertTrue(unnamed.getSavepointId() > 0);
      Db.exec(a, "INSERT INTO t VALUES (3, 30)");
      a.rollback(unnamed);
      assertEquals(2, Db.count(a, "t"));
      a.rollback(named);
      assertEquals(1, Db.count(a, "t"));
      Savepoint again = a.setSavepoint("x");
      a.releaseSavepoint(again);
      a.commit();
    }
    try (Connection b = Db.open(url)) {
      assertEquals(List.of(List.of(1L, 10L)), Db.longs(b, "SELECT id, v FROM t"));
    }
  }

  @Test
  void readOnlyIsHonoured() throws SQLException {
    try (Connection a = Db.open(url)) {
      a.setReadOnly(true);
      assertTrue(a.isReadOnly());
      assertTrue(a.getMetaData().isReadOnly());
      SQLException e = assertThrows(SQLException.class, () -> Db.exec(a, "INSERT INTO t VALUES (1, 1)"));
      assertEquals("25006", e.getSQLState());
      assertEquals(0, Db.count(a, "t"), "reads still work");
      a.setReadOnly(false);
      Db.exec(a, "INSERT INTO t VALUES (1, 1)");
    }
    try (Connection r = Db.open(url + ";readOnly=true")) {
      assertEquals("25006", assertThrows(SQLException.class, () -> Db.exec(r, "DELETE FROM t")).getSQLState());
    }
  }

  @Test
  void isolationIsReportedAsRepeatableRead() throws SQLException {
    try (Connection a = Db.open(url)) {
      assertEquals(Connection.TRANSACTION_REPEATABLE_READ, a.getTransactionIsolation());
      a.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      assertEquals(Connection.TRANSACTION_REPEATABLE_READ, a.getTransactionIsolation());
      assertEquals(null, a.getWarnings());
      a.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      assertNotNull(a.getWarnings(), "SERIALIZABLE is accepted with a warning that says what runs instead");
      assertTrue(a.getWarnings().getMessage().contains("snapshot isolation"));
      assertFalse(a.getMetaData().supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE));
      assertThrows(SQLException.class, () -> a.setTransactionIsolation(Connection.TRANSACTION_NONE));
    }
  }

  @Test
  void snapshotReadsAndWriteConflicts() throws SQLException {
    try (Connection setup = Db.open(url)) {
      Db.exec(setup, "INSERT INTO t VALUES (1, 0)");
    }
    try (Connection a = Db.open(url); Connection b = Db.open(url)) {
      a.setAutoCommit(false);
      b.setAutoCommit(false);
      assertEquals(List.of(List.of(0L)), Db.longs(a, "SELECT v FROM t WHERE id = 1"));
      assertEquals(List.of(List.of(0L)), Db.longs(b, "SELECT v FROM t WHERE id = 1"));
      Db.exec(a, "UPDATE t SET v = 1 WHERE id = 1");
      a.commit();
      assertEquals(List.of(List.of(0L)), Db.longs(b, "SELECT v FROM t WHERE id = 1"),
          "b keeps reading its snapshot");
      SQLException e = assertThrows(SQLException.class, () -> {
        Db.exec(b, "UPDATE t SET v = 2 WHERE id = 1");
        b.commit();
      });
      assertInstanceOf(SQLTransactionRollbackException.class, e);
      assertEquals("40001", e.getSQLState());
      b.rollback();
      assertEquals(List.of(List.of(1L)), Db.longs(b, "SELECT v FROM t WHERE id = 1"));
    }
  }

  @Test
  void asOfPinsAConnectionToAVersion() throws SQLException {
    try (Connection a = Db.open(url)) {
      StrataConnection sa = a.unwrap(StrataConnection.class);
      Db.exec(a, "INSERT INTO t VALUES (1, 10)");
      long v1 = sa.currentVersion();
      Db.exec(a, "INSERT INTO t VALUES (2, 20)");
      assertTrue(sa.currentVersion() > v1);
      assertEquals(OptionalLong.empty(), sa.asOfVersion());

      try (Connection old = Db.open(url + ";asOf=" + v1)) {
        assertEquals(1, Db.count(old, "t"));
        assertTrue(old.isReadOnly());
        assertEquals("25006", assertThrows(SQLException.class,
            () -> Db.exec(old, "INSERT INTO t VALUES (3, 30)")).getSQLState());
        assertEquals(OptionalLong.of(v1), old.unwrap(StrataConnection.class).asOfVersion());
      }

      sa.setAsOf(v1);
      assertEquals(1, Db.count(a, "t"));
      assertTrue(a.isReadOnly());
      sa.setAsOf("v" + v1);
      assertEquals(1, Db.count(a, "t"));
      sa.clearAsOf();
      assertFalse(a.isReadOnly());
      assertEquals(2, Db.count(a, "t"));

      assertEquals("22023", assertThrows(SQLException.class, () -> sa.setAsOf(sa.currentVersion() + 100)).getSQLState());
    }
  }

  @Test
  void asOfVersionsTableIsReadable() throws SQLException {
    try (Connection a = Db.open(url)) {
      Db.exec(a, "INSERT INTO t VALUES (1, 10)");
      long latest = a.unwrap(StrataConnection.class).currentVersion();
      List<List<Object>> rows = Db.rows(a, "SELECT MAX(version) FROM strata_versions");
      assertEquals(latest, ((Number) rows.get(0).get(0)).longValue());
    }
  }
}
