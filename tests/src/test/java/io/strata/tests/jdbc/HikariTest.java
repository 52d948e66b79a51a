package io.strata.tests.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HikariCP 7.1.0 pools Strata connections with its default settings (isValid as the test). */
class HikariTest {
  @TempDir
  Path dir;

  private HikariDataSource pool(String url, int size) {
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(url);
    cfg.setUsername("sa");
    cfg.setPassword("");
    cfg.setMaximumPoolSize(size);
    cfg.setMinimumIdle(1);
    cfg.setPoolName("strata-test");
    cfg.setConnectionTimeout(5_000);
    return new HikariDataSource(cfg);
  }

  private static long count(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void borrowQueryReturnResetAndEvict() throws Exception {
    try (HikariDataSource ds = pool("jdbc:strata:" + dir.resolve("pool.db"), 2)) {
      try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v VARCHAR(10))");
        s.execute("INSERT INTO t VALUES (1, 'a')");
      }
      try (Connection c = ds.getConnection()) {
        c.setReadOnly(true);
        c.setAutoCommit(false);
        assertEquals(1, count(c));
        assertEquals("25006", assertThrows(SQLException.class, () -> {
          try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO t VALUES (2, 'b')");
          }
        }).getSQLState());
      }
      // the pool reset read-only and autocommit when the connection came back
      try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        assertFalse(c.isReadOnly());
        assertTrue(c.getAutoCommit());
        s.execute("INSERT INTO t VALUES (2, 'b')");
      }
      // a transaction left open is rolled back on return
      try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        c.setAutoCommit(false);
        s.execute("INSERT INTO t VALUES (3, 'c')");
      }
      try (Connection c = ds.getConnection()) {
        assertEquals(2, count(c));
      }
      ds.getHikariPoolMXBean().softEvictConnections();
      try (Connection c = ds.getConnection()) {
        assertTrue(c.isValid(1));
        assertEquals(2, count(c));
      }
    }
  }

  @Test
  void concurrentBorrowersShareOneStore() throws Exception {
    try (HikariDataSource ds = pool("jdbc:strata:" + dir.resolve("conc.db"), 4)) {
      try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, worker INTEGER)");
      }
      AtomicInteger retries = new AtomicInteger();
      ExecutorService ex = Executors.newFixedThreadPool(4);
      try {
        List<Future<Integer>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
          int worker = w;
          done.add(ex.submit(() -> {
            int inserted = 0;
            for (int i = 0; i < 50; i++) {
              // under snapshot isolation a commit may fail with 40001; the documented answer is to retry
              for (int attempt = 1; ; attempt++) {
                try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                  s.executeUpdate("INSERT INTO t VALUES (" + (worker * 1000 + i) + ", " + worker + ")");
                  inserted++;
                  break;
                } catch (SQLTransactionRollbackException e) {
                  assertEquals("40001", e.getSQLState());
                  retries.incrementAndGet();
                  if (attempt == 100) {
                    throw e;
                  }
                }
              }
            }
            return inserted;
          }));
        }
        int total = 0;
        for (Future<Integer> f : done) {
          total += f.get();
        }
        assertEquals(200, total);
        System.out.println("HikariTest: 200 concurrent autocommit inserts, " + retries.get() + " retried after 40001");
      } finally {
        ex.shutdownNow();
      }
      try (Connection c = ds.getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT worker, COUNT(*) FROM t GROUP BY worker ORDER BY worker")) {
        for (int w = 0; w < 4; w++) {
          assertTrue(rs.next());
          assertEquals(w, rs.getInt(1));
          assertEquals(50, rs.getInt(2));
        }
        assertFalse(rs.next());
      }
    }
  }
}
