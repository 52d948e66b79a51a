package io.strata.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Query timeouts and cancel() stop a running query with 57014; the connection stays usable. */
class CancelTest {
  /**
   * Counts a three-way cross join of 400 rows: 64 million combinations, seconds of work even on a
   * fast machine, yet bounded so that a cancel that fails to land fails the test in reasonable time.
   */
  private static final String SLOW = "SELECT COUNT(*) FROM n a, n b, n c WHERE a.x + b.x + c.x >= 0";

  private Connection c;

  @BeforeEach
  void setUp() throws SQLException {
    c = Db.open(Db.memUrl());
    Db.exec(c, "CREATE TABLE n (x INTEGER PRIMARY KEY)");
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO n VALUES (?)")) {
      for (int i = 0; i < 400; i++) {
        ps.setInt(1, i);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @AfterEach
  void tearDown() throws SQLException {
    c.close();
  }

  @Test
  void queryTimeoutStopsTheQuery() throws SQLException {
    try (Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      long start = System.nanoTime();
      SQLException e = assertThrows(SQLException.class, () -> {
        try (ResultSet rs = s.executeQuery(SLOW)) {
          rs.next();
        }
      });
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertInstanceOf(SQLTimeoutException.class, e);
      assertEquals("57014", e.getSQLState());
      assertTrue(ms < 30_000, "stopped after " + ms + " ms");
      s.setQueryTimeout(0);
      assertEquals(400, Db.count(c, "n"), "the connection is usable after the timeout");
    }
  }

  @Test
  void closingTheConnectionStopsARunningQuery() throws Exception {
    String url = Db.memUrl() + ";keepAlive=true";
    try (Connection setup = Db.open(url)) {
      Db.exec(setup, "CREATE TABLE n (x INTEGER PRIMARY KEY)");
      try (PreparedStatement ps = setup.prepareStatement("INSERT INTO n VALUES (?)")) {
        for (int i = 0; i < 400; i++) {
          ps.setInt(1, i);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    Connection other = Db.open(url);
    ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor();
    try {
      Statement slow = other.createStatement();
      java.util.concurrent.Future<SQLException> running = ex.submit(() -> {
        try (ResultSet rs = slow.executeQuery(SLOW)) {
          rs.next();
          return null;
        } catch (SQLException e) {
          return e;
        }
      });
      for (int i = 0; i < 600 && !((JdbcStatement) slow).isRunning(); i++) {
        Thread.sleep(50);
      }
      assertTrue(((JdbcStatement) slow).isRunning(), "the query started");
      long start = System.nanoTime();
      other.close();
      SQLException e = running.get(60, TimeUnit.SECONDS);
      assertTrue(other.isClosed());
      assertTrue(e != null, "the query did not run to its end");
      assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 30);
    } finally {
      ex.shutdownNow();
    }
  }

  @Test
  void cancelFromAnotherThread() throws Exception {
    ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor();
    try (Statement s = c.createStatement()) {
      // cancel() is a no-op until the statement runs, so ask every 100 ms, as an impatient user would
      ex.scheduleWithFixedDelay(() -> {
        try {
          s.cancel();
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }, 200, 100, TimeUnit.MILLISECONDS);
      SQLException e = assertThrows(SQLException.class, () -> {
        try (ResultSet rs = s.executeQuery(SLOW)) {
          rs.next();
        }
      });
      assertEquals("57014", e.getSQLState());
      ex.shutdownNow();
      ex.awaitTermination(5, TimeUnit.SECONDS);
      assertEquals(400, Db.count(c, "n"));
    } finally {
      ex.shutdownNow();
    }
  }
}
