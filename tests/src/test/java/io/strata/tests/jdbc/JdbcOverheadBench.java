package io.strata.tests.jdbc;

import io.strata.planner.Engine;
import io.strata.planner.Prepared;
import io.strata.planner.Result;
import io.strata.planner.Session;
import io.strata.storage.Store;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The JDBC driver's own cost on point lookups: the same prepared {@code SELECT ... WHERE id = ?}
 * through {@code PreparedStatement} and through the planner's {@code Prepared} directly, on two
 * in-memory databases with the same rows. Rounds alternate between the two paths so both see the
 * same machine load; the figure is the ratio of medians. Not a test: run it by hand (see
 * docs/benchmarks-jdbc.md). Args: [rows] [lookups per round] [rounds] [seed].
 */
public final class JdbcOverheadBench {
  private static final String CREATE = "CREATE TABLE kv (id BIGINT PRIMARY KEY, name VARCHAR(40), qty INTEGER)";
  private static final String LOOKUP = "SELECT name, qty FROM kv WHERE id = ?";

  private JdbcOverheadBench() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 42L;
    System.out.printf(Locale.ROOT, "rows=%d lookups/round=%d rounds=%d seed=%d java=%s%n", rows, perRound, rounds,
        seed, System.getProperty("java.version"));

    try (Store store = Store.inMemory(); Engine engine = Engine.open(store); Session session = engine.openSession();
        Connection conn = DriverManager.getConnection("jdbc:strata:mem:jdbc-bench")) {
      session.execute(CREATE).close();
      try (var st = conn.createStatement()) {
        st.execute(CREATE);
      }
      load(session, conn, rows);
      Prepared direct = session.prepare(LOOKUP);
      PreparedStatement jdbc = conn.prepareStatement(LOOKUP);

      // warm-up: both paths, until the JIT has settled
      for (int i = 0; i < 3; i++) {
        runDirect(direct, rows, perRound, seed + i);
        runJdbc(jdbc, rows, perRound, seed + i);
      }
      double[] d = new double[rounds];
      double[] j = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        long s = seed + 100 + r;
        if (r % 2 == 0) {
          d[r] = runDirect(direct, rows, perRound, s);
          j[r] = runJdbc(jdbc, rows, perRound, s);
        } else {
          j[r] = runJdbc(jdbc, rows, perRound, s);
          d[r] = runDirect(direct, rows, perRound, s);
        }
        System.out.printf(Locale.ROOT, "round %2d: planner %.0f ns/op, jdbc %.0f ns/op%n", r, d[r], j[r]);
      }
      double md = median(d);
      double mj = median(j);
      System.out.printf(Locale.ROOT, "median: planner %.0f ns/op, jdbc %.0f ns/op, jdbc/planner = %.3f (overhead %.1f%%)%n",
          md, mj, mj / md, (mj / md - 1) * 100);
      jdbc.close();
    }
  }

  private static void load(Session session, Connection conn, int rows) throws SQLException {
    Prepared ins = session.prepare("INSERT INTO kv VALUES (?, ?, ?)");
    session.setAutoCommit(false);
    conn.setAutoCommit(false);
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO kv VALUES (?, ?, ?)")) {
      for (int i = 0; i < rows; i++) {
        ins.execute(List.of((long) i, "name-" + i, (long) (i % 1000))).close();
        ps.setLong(1, i);
        ps.setString(2, "name-" + i);
        ps.setInt(3, i % 1000);
        ps.addBatch();
        if (i % 1000 == 999) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
    session.commit();
    session.setAutoCommit(true);
    conn.commit();
    conn.setAutoCommit(true);
  }

  private static long sink;

  private static double runDirect(Prepared p, int rows, int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    long t0 = System.nanoTime();
    long acc = 0;
    for (int i = 0; i < n; i++) {
      long id = rnd.nextInt(rows);
      try (Result r = p.execute(List.of(id))) {
        if (r.next()) {
          acc += ((String) r.get(0)).length() + ((Number) r.get(1)).longValue();
        }
      }
    }
    sink += acc;
    return (System.nanoTime() - t0) / (double) n;
  }

  private static double runJdbc(PreparedStatement ps, int rows, int n, long seed) throws SQLException {
    SplittableRandom rnd = new SplittableRandom(seed);
    long t0 = System.nanoTime();
    long acc = 0;
    for (int i = 0; i < n; i++) {
      ps.setLong(1, rnd.nextInt(rows));
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          acc += rs.getString(1).length() + rs.getInt(2);
        }
      }
    }
    sink += acc;
    return (System.nanoTime() - t0) / (double) n;
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
