package io.strata.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.storage.StoreOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store-level properties reach the store, and asOf and retention behave end to end. */
class PropertiesTest {
  @TempDir
  Path dir;

  @Test
  void syncAndRetentionReachTheStore() throws SQLException {
    try (Connection c = Db.open(Db.fileUrl(dir) + ";sync=none;retention=P7D")) {
      StoreOptions o = c.unwrap(JdbcConnection.class).db.store.options();
      assertEquals(StoreOptions.SyncMode.NONE, o.sync());
      assertEquals(StoreOptions.Retention.keepFor(Duration.ofDays(7)), o.retention());
    }
    try (Connection c = Db.open(Db.memUrl())) {
      StoreOptions o = c.unwrap(JdbcConnection.class).db.store.options();
      assertEquals(StoreOptions.SyncMode.FULL, o.sync());
      assertEquals(StoreOptions.Retention.keepAll(), o.retention());
    }
  }

  @Test
  void retentionDropsOldVersionsAndAsOfSaysSo() throws SQLException {
    try (Connection c = Db.open(Db.fileUrl(dir) + ";retention=last:2")) {
      Db.exec(c, "CREATE TABLE t (id INTEGER PRIMARY KEY)");
      StrataConnection sc = c.unwrap(StrataConnection.class);
      long first = sc.currentVersion();
      for (int i = 0; i < 5; i++) {
        Db.exec(c, "INSERT INTO t VALUES (" + i + ")");
      }
      c.unwrap(JdbcConnection.class).db.store.vacuum();
      SQLException e = assertThrows(SQLException.class, () -> sc.setAsOf(first));
      assertEquals("72000", e.getSQLState());
      assertTrue(e.getMessage().contains("no longer retained"), e.getMessage());
      sc.setAsOf(sc.currentVersion() - 1);
      assertEquals(4, Db.count(c, "t"));
      sc.clearAsOf();
      SQLException viaUrl = assertThrows(SQLException.class, () -> Db.open(Db.fileUrl(dir) + ";asOf=" + first));
      assertEquals("72000", viaUrl.getSQLState());
    }
  }

  @Test
  void asOfATimestamp() throws Exception {
    try (Connection c = Db.open(Db.fileUrl(dir))) {
      Db.exec(c, "CREATE TABLE t (id INTEGER PRIMARY KEY)", "INSERT INTO t VALUES (1)");
      Thread.sleep(20);
      Instant between = Instant.now();
      Thread.sleep(20);
      Db.exec(c, "INSERT INTO t VALUES (2)");
      try (Connection old = Db.open(Db.fileUrl(dir) + ";asOf=" + between)) {
        assertEquals(1, Db.count(old, "t"));
      }
      StrataConnection sc = c.unwrap(StrataConnection.class);
      sc.setAsOf(between);
      assertEquals(1, Db.count(c, "t"));
      sc.clearAsOf();
      assertEquals(2, Db.count(c, "t"));
      SQLException e = assertThrows(SQLException.class, () -> sc.setAsOf(Instant.parse("2000-01-01T00:00:00Z")));
      assertEquals("72000", e.getSQLState());
    }
  }
}
