package io.strata.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The documented thread-safety rules hold under real concurrency. */
class ConcurrencyTest {
  private static final int THREADS = 4;
  private static final int ROWS = 100;

  /** Threads that share one connection take turns: every statement runs whole, none is lost. */
  @Test
  void oneConnectionUsedByManyThreads() throws Exception {
    try (Connection c = Db.open(Db.memUrl())) {
      Db.exec(c, "CREATE TABLE t (id INTEGER PRIMARY KEY, worker INTEGER)");
      run(w -> {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
          for (int i = 0; i < ROWS; i++) {
            ps.setInt(1, w * 10_000 + i);
            ps.setInt(2, w);
            ps.executeUpdate();
          }
        }
      });
      assertEquals(THREADS * ROWS, Db.count(c, "t"));
    }
  }

  /** Connections in many threads share one store; write conflicts surface as 40001 and retry cleanly. */
  @Test
  void manyConnectionsShareOneStore() throws Exception {
    String url = Db.memUrl() + ";keepAlive=true";
    try (Connection c = Db.open(url)) {
      Db.exec(c, "CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER)", "INSERT INTO counter VALUES (1, 0)");
    }
    run(w -> {
      try (Connection c = Db.open(url)) {
        c.setAutoCommit(false);
        for (int i = 0; i < 25; i++) {
          while (true) {
            try {
              Db.exec(c, "UPDATE counter SET n = n + 1 WHERE id = 1");
              c.commit();
              break;
            } catch (SQLTransactionRollbackException e) {
              assertEquals("40001", e.getSQLState());
              c.rollback();
            }
          }
        }
      }
    });
    try (Connection c = Db.open(url)) {
      assertEquals(List.of(List.of((long) THREADS * 25)), Db.longs(c, "SELECT n FROM counter"),
          "no increment was lost");
    }
  }

  private interface Work {
    void run(int worker) throws SQLException;
  }

  private static void run(Work work) throws Exception {
    ExecutorService ex = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int w = 0; w < THREADS; w++) {
        int worker = w;
        fs.add(ex.submit(() -> {
          work.run(worker);
          return null;
        }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } finally {
      ex.shutdownNow();
    }
  }
}
