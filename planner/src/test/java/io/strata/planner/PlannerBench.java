package io.strata.planner;

import io.strata.storage.Store;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Random;

/**
 * Throughput of Strata (through {@link Session}) against H2 (through JDBC, embedded, in memory) on
 * the same data in one run, plus the per-phase cost of uncached planning. A main class, not a test:
 * run it with the command in docs/benchmarks-planner.md.
 */
public final class PlannerBench {
  private static final int ROWS = Integer.getInteger("rows", 20_000);
  private static final double SECONDS = Double.parseDouble(System.getProperty("seconds", "3"));

  private interface Op {
    long run(int i) throws Exception;
  }

  private static double measure(String name, Op op) throws Exception {
    long sink = 0;
    long warmEnd = System.nanoTime() + (long) (SECONDS * 0.5e9);
    int i = 0;
    while (System.nanoTime() < warmEnd) {
      sink += op.run(i++);
    }
    long start = System.nanoTime();
    long end = start + (long) (SECONDS * 1e9);
    int n = 0;
    while (System.nanoTime() < end) {
      sink += op.run(i++);
      n++;
    }
    double perSec = n / ((System.nanoTime() - start) / 1e9);
    System.out.printf("  %-34s %12.0f ops/s   (checksum %d)%n", name, perSec, sink);
    return perSec;
  }

  public static void main(String[] args) throws Exception {
    Random rnd = new Random(42);
    try (Store store = Store.inMemory();
        Engine engine = Engine.open(store);
        Session s = engine.openSession();
        Connection h2 = DriverManager.getConnection("jdbc:h2:mem:bench;QUERY_CACHE_SIZE=0")) {
      String[] ddl = {
          "CREATE TABLE t (id BIGINT PRIMARY KEY, v BIGINT, g BIGINT)",
          "CREATE TABLE u (id BIGINT PRIMARY KEY, tid BIGINT, w BIGINT)"};
      try (Statement st = h2.createStatement()) {
        for (String d : ddl) {
          s.execute(d);
          st.execute(d);
        }
      }
      h2.setAutoCommit(false);
      s.setAutoCommit(false);
      try (PreparedStatement pt = h2.prepareStatement("INSERT INTO t VALUES (?, ?, ?)");
          PreparedStatement pu = h2.prepareStatement("INSERT INTO u VALUES (?, ?, ?)")) {
        Prepared st = s.prepare("INSERT INTO t VALUES (?, ?, ?)");
        Prepared su = s.prepare("INSERT INTO u VALUES (?, ?, ?)");
        for (long i = 0; i < ROWS; i++) {
          long v = rnd.nextInt(1000);
          st.execute(List.of(i, v, i % 100));
          pt.setLong(1, i);
          pt.setLong(2, v);
          pt.setLong(3, i % 100);
          pt.executeUpdate();
          if (i % 4 == 0) {
            long tid = rnd.nextInt(ROWS);
            su.execute(List.of(i, tid, v));
            pu.setLong(1, i);
            pu.setLong(2, tid);
            pu.setLong(3, v);
            pu.executeUpdate();
          }
        }
      }
      s.commit();
      h2.commit();
      s.setAutoCommit(true);
      h2.setAutoCommit(true);
      System.out.printf("rows: t=%d, u=%d%n", ROWS, ROWS / 4);

      String[][] queries = {
          {"point lookup (prepared)", "SELECT v FROM t WHERE id = ?", "1"},
          {"range sum, 100 rows (prepared)", "SELECT SUM(v) FROM t WHERE id BETWEEN ? AND ?", "2"},
          // the always-true parameter defeats H2's reuse of the previous result of a statement
          {"full-scan aggregation", "SELECT COUNT(*), SUM(v), AVG(v) FROM t WHERE g > ?", "4"},
          {"group by 100 groups", "SELECT g, SUM(v) FROM t WHERE g > ? GROUP BY g", "4"},
          {"two-table join", "SELECT COUNT(*) FROM u JOIN t ON u.tid = t.id WHERE u.w < ?", "3"},
      };
      StringBuilder table = new StringBuilder();
      for (String[] q : queries) {
        System.out.println(q[0] + ": " + q[1]);
        Prepared p = s.prepare(q[1]);
        int kind = Integer.parseInt(q[2]);
        double strata = measure("strata", i -> {
          List<?> params = params(kind, i);
          long sum = 0;
          try (Result r = p.execute(params)) {
            while (r.next()) {
              Object o = r.get(0);
              sum += o instanceof Number n ? n.longValue() : 1;
            }
          }
          return sum;
        });
        PreparedStatement ps = h2.prepareStatement(q[1]);
        double h = measure("h2", i -> {
          List<?> params = params(kind, i);
          for (int k = 0; k < params.size(); k++) {
            ps.setObject(k + 1, params.get(k));
          }
          long sum = 0;
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              sum += rs.getLong(1);
            }
          }
          return sum;
        });
        table.append(String.format("| %s | %.0f | %.0f | %.2f |%n", q[0], strata, h, strata / h));
      }
      System.out.println();
      System.out.println("| workload | Strata ops/s | H2 ops/s | Strata / H2 |");
      System.out.println("|---|---|---|---|");
      System.out.print(table);

      // uncached planning: every statement text is new, so each one is parsed and planned
      StrataSession ss = (StrataSession) s;
      String[] shapes = {
          "SELECT v + %d FROM t WHERE id = %d",
          "SELECT g, COUNT(*) FROM t WHERE v > %d AND id BETWEEN %d AND 50 GROUP BY g ORDER BY 2",
          "SELECT u.w FROM u, t WHERE u.tid = t.id AND t.v = %d AND u.id = %d",
          "SELECT CASE WHEN v > %d THEN 1 ELSE 0 END FROM t WHERE id IN (%d, 5, 9)",
      };
      for (int round = 0; round < 2; round++) {
        ss.timings.parse = ss.timings.validate = ss.timings.convert = 0;
        ss.timings.optimise = ss.timings.execute = 0;
        int n = 0;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < 1500; i++) {
          int k = round * 100_000 + i;
          String sql = String.format(shapes[i % shapes.length], k, k % ROWS);
          try (Result r = s.execute(sql)) {
            while (r.next()) {
              r.get(0);
            }
          }
          n++;
        }
        long total = System.nanoTime() - t0;
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        if (round == 1) {
          System.out.println();
          System.out.printf("uncached statements: %d, mean per statement (ms): total %.3f, parse %.3f,"
              + " validate %.3f, convert %.3f, optimise %.3f, execute %.3f%n", n, total / 1e6 / n,
              ss.timings.parse / 1e6 / n, ss.timings.validate / 1e6 / n, ss.timings.convert / 1e6 / n,
              ss.timings.optimise / 1e6 / n, ss.timings.execute / 1e6 / n);
          System.out.printf("  thread CPU per statement (ms): %.3f (wall-clock phases include waiting"
              + " for a CPU on a loaded machine)%n", cpu / 1e6 / n);
        }
      }
    }
  }

  private static List<?> params(int kind, int i) {
    long id = (i * 7919L) % ROWS;
    return switch (kind) {
      case 1 -> List.of(id);
      case 2 -> List.of(id, id + 99);
      case 3 -> List.of(i % 50);
      case 4 -> List.of(-1 - (i % 1000));
      default -> List.of();
    };
  }
}
