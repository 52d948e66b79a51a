package io.strata.tests.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * One JVM running the selected workloads on one target, printing one line per figure:
 * {@code RESULT <workload> <metric> <value> <H|L|Q>} (a rate, a time, an amount), {@code INFO <key>
 * <value>}, {@code ERROR <workload> <message>}, fields separated by tabs.
 *
 * <p>Data: table {@code t(id, grp, val, name)} with ids 1..N, {@code grp = id % 1000},
 * {@code val = id * 7919 % 100003}; every answer read back is checked against these formulas
 * (and against the updates W7 made), and a wrong answer is an ERROR, not a figure.
 */
final class BenchChild {
  private final Target target;
  private final Path dir;
  private final Sizes sz;
  private final PrintStream out;
  private Connection main;

  /** Times each id was incremented by W7; W9 checks current values against it. */
  private final Map<Long, Integer> updated = new HashMap<>();
  private long sumBeforeUpdates;
  private Object versionBeforeUpdates;
  private long bytesBeforeUpdates = -1;
  private long bytesAfterUpdates = -1;

  private BenchChild(Target target, Path dir, Sizes sz, PrintStream out) {
    this.target = target;
    this.dir = dir;
    this.sz = sz;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    Target target = null;
    Path dir = null;
    Sizes sizes = Sizes.full();
    Set<Workload> selected = EnumSet.allOf(Workload.class);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--target" -> target = Target.byId(args[++i]);
        case "--dir" -> dir = Path.of(args[++i]);
        case "--sizes" -> sizes = Sizes.parse(args[++i]);
        case "--workloads" -> {
          selected = EnumSet.noneOf(Workload.class);
          for (String w : args[++i].split(",")) {
            selected.add(Workload.valueOf(w.trim().toUpperCase(java.util.Locale.ROOT)));
          }
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (target == null || dir == null) {
      throw new IllegalArgumentException("--target and --dir are required");
    }
    new BenchChild(target, dir, sizes, System.out).runAll(selected);
  }

  static long val(long id) {
    return id * 7919L % 100_003L;
  }

  void runAll(Set<Workload> selected) throws SQLException {
    main = target.open(dir);
    DatabaseMetaData md = main.getMetaData();
    info("version", md.getDatabaseProductName() + " " + md.getDatabaseProductVersion());
    try {
      for (Workload w : Workload.RUN_ORDER) {
        if (!target.workloads().contains(w) || (w != Workload.W1 && !selected.contains(w))) {
          continue;
        }
        try {
          main.setAutoCommit(true);
          run(w);
        } catch (Exception | AssertionError | StackOverflowError e) {
          out.println("ERROR\t" + w + "\t" + oneLine(e));
          if (w == Workload.W1) {
            return;
          }
          try {
            main.rollback();
          } catch (SQLException ignored) {
            // the next workload starts in autocommit anyway
          }
        }
      }
    } finally {
      target.close(main);
    }
  }

  private void run(Workload w) throws Exception {
    switch (w) {
      case W1 -> bulkInsert();
      case W2 -> autocommitInserts();
      case W3 -> pointLookups();
      case W4 -> rangeSums();
      case W5 -> groupBy();
      case W6 -> join();
      case W7 -> updates();
      case W8 -> mixed();
      case W9 -> timeTravel();
      case W10 -> groupCommit();
      default -> throw new IllegalStateException(w.name());
    }
  }

  // ---- W1
  private void bulkInsert() throws SQLException {
    String versioning = target == Target.HSQLDB_VERSIONED
        ? ", rs TIMESTAMP(9) WITH TIME ZONE GENERATED ALWAYS AS ROW START,"
            + " re TIMESTAMP(9) WITH TIME ZONE GENERATED ALWAYS AS ROW END,"
            + " PERIOD FOR SYSTEM_TIME(rs, re)) WITH SYSTEM VERSIONING"
        : ")";
    exec("CREATE TABLE t (id " + target.keyType() + " PRIMARY KEY, grp INTEGER NOT NULL,"
        + " val BIGINT NOT NULL, name VARCHAR(32) NOT NULL" + versioning);
    main.setAutoCommit(false);
    long t0 = System.nanoTime();
    try (PreparedStatement ps = main.prepareStatement(
        "INSERT INTO t (id, grp, val, name) VALUES (?, ?, ?, ?)")) {
      for (long id = 1; id <= sz.rows(); id++) {
        ps.setLong(1, id);
        ps.setInt(2, (int) (id % 1000));
        ps.setLong(3, val(id));
        ps.setString(4, "name-" + id);
        ps.addBatch();
        if (id % Sizes.BATCH == 0 || id == sz.rows()) {
          ps.executeBatch();
          main.commit();
        }
      }
    }
    long ns = System.nanoTime() - t0;
    main.setAutoCommit(true);
    check(Workload.W1, scalar("SELECT COUNT(*) FROM t") == sz.rows(), "row count");
    result(Workload.W1, "rows/s", sz.rows() / sec(ns), true);
    result(Workload.W1, "elapsed s", sec(ns), false);
  }

  // ---- W2
  private void autocommitInserts() throws SQLException {
    exec("CREATE TABLE a (id " + target.keyType() + " PRIMARY KEY, val BIGINT NOT NULL)");
    long t0 = System.nanoTime();
    try (PreparedStatement ps = main.prepareStatement("INSERT INTO a (id, val) VALUES (?, ?)")) {
      for (int i = 1; i <= sz.autocommitInserts(); i++) {
        ps.setLong(1, i);
        ps.setLong(2, val(i));
        ps.executeUpdate();
      }
    }
    long ns = System.nanoTime() - t0;
    check(Workload.W2, scalar("SELECT COUNT(*) FROM a") == sz.autocommitInserts(), "row count");
    result(Workload.W2, "commits/s", sz.autocommitInserts() / sec(ns), true);
  }

  // ---- W3
  private void pointLookups() throws SQLException {
    Random r = new Random(3);
    try (PreparedStatement ps = main.prepareStatement("SELECT val FROM t WHERE id = ?")) {
      // timed after as many untimed lookups, as W4 and W9 are: a tenth as many left the JVM
      // engines' compilers still at work on the path during the timed part
      lookups(ps, 1, r, sz.lookups(), null);
      long t0 = System.nanoTime();
      lookups(ps, 1, r, sz.lookups(), null);
      result(Workload.W3, "lookups/s", sz.lookups() / sec(System.nanoTime() - t0), true);
    }
  }

  /**
   * Runs {@code n} lookups of random ids (bound to parameter {@code idParam}), checking each
   * value against the formula plus the increments in {@code expect}.
   */
  private void lookups(PreparedStatement ps, int idParam, Random r, int n,
      Map<Long, Integer> expect) throws SQLException {
    for (int i = 0; i < n; i++) {
      long id = 1 + (long) (r.nextDouble() * sz.rows());
      ps.setLong(idParam, id);
      try (ResultSet rs = ps.executeQuery()) {
        long want = val(id) + (expect == null ? 0 : expect.getOrDefault(id, 0));
        if (!rs.next() || rs.getLong(1) != want) {
          throw new IllegalStateException("wrong value for id " + id);
        }
      }
    }
  }

  // ---- W4
  private void rangeSums() throws SQLException {
    Random r = new Random(4);
    try (PreparedStatement ps = main.prepareStatement(
        "SELECT SUM(val) FROM t WHERE id BETWEEN ? AND ?")) {
      // as many untimed first: 1,000 sums take a fraction of a second, too short for a JVM
      // engine's compiler to finish with the query's path, so a cold run times the compiler
      rangeSums(ps, r);
      long t0 = System.nanoTime();
      rangeSums(ps, r);
      result(Workload.W4, "queries/s", sz.ranges() / sec(System.nanoTime() - t0), true);
    }
  }

  private void rangeSums(PreparedStatement ps, Random r) throws SQLException {
    long width = Math.min(Sizes.RANGE_WIDTH, sz.rows());
    for (int i = 0; i < sz.ranges(); i++) {
      long lo = 1 + (long) (r.nextDouble() * (sz.rows() - width + 1));
      long hi = lo + width - 1;
      ps.setLong(1, lo);
      ps.setLong(2, hi);
      long want = 0;
      for (long id = lo; id <= hi; id++) {
        want += val(id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        check(Workload.W4, rs.next() && rs.getLong(1) == want, "sum of " + lo + ".." + hi);
      }
    }
  }

  // ---- W5
  private void groupBy() throws SQLException {
    long total = 0;
    for (long id = 1; id <= sz.rows(); id++) {
      total += val(id);
    }
    long sum = 0;
    // "+ ?" changes with every run so that no engine can answer from a cached result.
    try (PreparedStatement ps = main.prepareStatement(
        "SELECT grp, COUNT(*), SUM(val) + ? FROM t GROUP BY grp")) {
      for (int run = 0; run < 4; run++) { // the first run warms up
        ps.setLong(1, run);
        long t0 = System.nanoTime();
        long groups = 0;
        long rows = 0;
        long s = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            groups++;
            rows += rs.getLong(2);
            s += rs.getLong(3) - run;
          }
        }
        long ns = System.nanoTime() - t0;
        check(Workload.W5, groups == Math.min(1000, sz.rows()) && rows == sz.rows()
            && s == total, "groups/count/sum");
        if (run > 0) {
          sum += ns;
        }
      }
    }
    result(Workload.W5, "ms per query", sum / 3 / 1e6, false);
  }

  // ---- W6
  private void join() throws SQLException {
    exec("CREATE TABLE u (id " + target.keyType() + " PRIMARY KEY, t_id BIGINT NOT NULL,"
        + " tag INTEGER NOT NULL)");
    Random r = new Random(6);
    long wantCount = 0;
    long wantSum = 0;
    main.setAutoCommit(false);
    try (PreparedStatement ps = main.prepareStatement(
        "INSERT INTO u (id, t_id, tag) VALUES (?, ?, ?)")) {
      for (int id = 1; id <= sz.joinRows(); id++) {
        long tid = 1 + (long) (r.nextDouble() * sz.rows());
        int tag = r.nextInt(100);
        if (tag < 10) {
          wantCount++;
          wantSum += val(tid);
        }
        ps.setLong(1, id);
        ps.setLong(2, tid);
        ps.setInt(3, tag);
        ps.addBatch();
        if (id % Sizes.BATCH == 0 || id == sz.joinRows()) {
          ps.executeBatch();
          main.commit();
        }
      }
    }
    main.setAutoCommit(true);
    long sum = 0;
    try (PreparedStatement ps = main.prepareStatement("SELECT COUNT(*), SUM(t.val) + ? FROM u"
        + " JOIN t ON t.id = u.t_id WHERE u.tag < 10")) {
      for (int run = 0; run < 4; run++) {
        ps.setLong(1, run);
        long t0 = System.nanoTime();
        try (ResultSet rs = ps.executeQuery()) {
          check(Workload.W6, rs.next() && rs.getLong(1) == wantCount
              && rs.getLong(2) == wantSum + run, "join count/sum");
        }
        if (run > 0) {
          sum += System.nanoTime() - t0;
        }
      }
    }
    result(Workload.W6, "ms per query", sum / 3 / 1e6, false);
  }

  // ---- W7
  private void updates() throws SQLException, InterruptedException {
    sumBeforeUpdates = scalar("SELECT SUM(val) FROM t");
    if (target.engine == Target.Engine.STRATA) {
      versionBeforeUpdates = scalar("SELECT max(version) FROM strata_versions");
    } else if (target == Target.HSQLDB_VERSIONED) {
      Thread.sleep(20);
      try (Statement st = main.createStatement();
           ResultSet rs = st.executeQuery("VALUES CURRENT_TIMESTAMP(9)")) {
        rs.next();
        versionBeforeUpdates = rs.getObject(1);
      }
      Thread.sleep(20);
    }
    bytesBeforeUpdates = fileBytes();
    Random r = new Random(7);
    main.setAutoCommit(false);
    long t0 = System.nanoTime();
    try (PreparedStatement ps = main.prepareStatement(
        "UPDATE t SET val = val + 1 WHERE id = ?")) {
      // increments count once their transaction commits, so a failed commit leaves W9's
      // expectations at what the table really holds
      List<Long> pending = new ArrayList<>();
      for (int i = 1; i <= sz.updates(); i++) {
        long id = 1 + (long) (r.nextDouble() * sz.rows());
        ps.setLong(1, id);
        check(Workload.W7, ps.executeUpdate() == 1, "update count for id " + id);
        pending.add(id);
        if (i % Sizes.UPDATE_TXN == 0 || i == sz.updates()) {
          main.commit();
          for (long done : pending) {
            updated.merge(done, 1, Integer::sum);
          }
          pending.clear();
        }
      }
    }
    long ns = System.nanoTime() - t0;
    main.setAutoCommit(true);
    bytesAfterUpdates = fileBytes();
    check(Workload.W7, scalar("SELECT SUM(val) FROM t") == sumBeforeUpdates + sz.updates(),
        "sum after updates");
    result(Workload.W7, "updates/s", sz.updates() / sec(ns), true);
  }

  // ---- W9
  private void timeTravel() throws SQLException {
    if (versionBeforeUpdates == null) {
      throw new IllegalStateException("W9 needs W7");
    }
    String asOf = target.engine == Target.Engine.STRATA
        ? " AS OF VERSION " + versionBeforeUpdates
        : " FOR SYSTEM_TIME AS OF CAST(? AS TIMESTAMP(9) WITH TIME ZONE)";
    boolean param = target.engine != Target.Engine.STRATA;
    int n = sz.timeTravelLookups();
    // The three parts report independently: one that fails does not hide the others' figures.
    try {
      timeTravelLookups(asOf, param, n);
    } catch (SQLException | RuntimeException e) {
      out.println("ERROR\t" + Workload.W9 + "\tlookups: " + oneLine(e));
    }
    try {
      timeTravelCounts(asOf, param);
    } catch (SQLException | RuntimeException e) {
      out.println("ERROR\t" + Workload.W9 + "\tfull count: " + oneLine(e));
    }
    if (bytesBeforeUpdates >= 0) {
      result(Workload.W9, "file growth by W7, MB",
          (bytesAfterUpdates - bytesBeforeUpdates) / 1e6, 'Q');
    }
  }

  private void timeTravelCounts(String asOf, boolean param) throws SQLException {
    result(Workload.W9, "AS OF full count ms", countMs(asOf, param, sumBeforeUpdates), false);
    result(Workload.W9, "current full count ms",
        countMs("", false, sumBeforeUpdates + sz.updates()), false);
  }

  private void timeTravelLookups(String asOf, boolean param, int n) throws SQLException {
    Random r = new Random(9);
    try (PreparedStatement old = main.prepareStatement("SELECT val FROM t" + asOf
             + " WHERE id = ?");
         PreparedStatement now = main.prepareStatement("SELECT val FROM t WHERE id = ?")) {
      int idParam = 1;
      if (param) {
        old.setObject(1, versionBeforeUpdates);
        idParam = 2;
      }
      // Each side is timed after a warm-up of as many lookups as it is timed on, so both read a
      // warm cache: the current version's pages are already warm from W3 and W7, while the old
      // version's leaves (W7 replaced nearly all of them) are first read here.
      lookups(old, idParam, r, n, Map.of());
      long t0 = System.nanoTime();
      lookups(old, idParam, r, n, Map.of());
      result(Workload.W9, "AS OF lookups/s", n / sec(System.nanoTime() - t0), true);
      lookups(now, 1, r, n, updated);
      t0 = System.nanoTime();
      lookups(now, 1, r, n, updated);
      result(Workload.W9, "current lookups/s", n / sec(System.nanoTime() - t0), true);
    }
  }

  /**
   * Mean time of 3 full counts after a warm-up. Each run's text differs ({@code + run}) so that
   * no engine answers from a cached result; the AS OF timestamp, if any, is parameter 1.
   */
  private double countMs(String asOf, boolean param, long wantSum) throws SQLException {
    long sum = 0;
    for (int run = 0; run < 4; run++) {
      long t0 = System.nanoTime();
      try (PreparedStatement ps = main.prepareStatement(
          "SELECT COUNT(*), SUM(val) + " + run + " FROM t" + asOf)) {
        if (param) {
          ps.setObject(1, versionBeforeUpdates);
        }
        try (ResultSet rs = ps.executeQuery()) {
          check(Workload.W9, rs.next() && rs.getLong(1) == sz.rows()
              && rs.getLong(2) == wantSum + run, "count/sum");
        }
      }
      if (run > 0) {
        sum += System.nanoTime() - t0;
      }
    }
    return sum / 3 / 1e6;
  }

  // ---- W8
  private void mixed() throws Exception {
    long deadline = System.nanoTime() + (long) (sz.mixedSeconds() * 1e9);
    AtomicLong reads = new AtomicLong();
    AtomicLong writes = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong maxReadNanos = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    List<Throwable> fatal = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      boolean writer = t == 2;
      int seed = 80 + t;
      threads.add(new Thread(() -> {
        Random r = new Random(seed);
        try (Connection c = target.open(dir);
             PreparedStatement ps = c.prepareStatement(writer
                 ? "UPDATE t SET val = val + 1 WHERE id = ?" : "SELECT val FROM t WHERE id = ?")) {
          while (System.nanoTime() < deadline) {
            ps.setLong(1, 1 + (long) (r.nextDouble() * sz.rows()));
            long t0 = System.nanoTime();
            try {
              if (writer) {
                ps.executeUpdate();
                writes.incrementAndGet();
              } else {
                try (ResultSet rs = ps.executeQuery()) {
                  if (!rs.next()) {
                    throw new SQLException("row not found");
                  }
                }
                reads.incrementAndGet();
                maxReadNanos.accumulateAndGet(System.nanoTime() - t0, Math::max);
              }
            } catch (SQLException e) {
              errors.incrementAndGet();
            }
          }
        } catch (SQLException | RuntimeException e) {
          synchronized (fatal) {
            fatal.add(e);
          }
        }
      }, "w8-" + t));
    }
    long t0 = System.nanoTime();
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    double s = sec(System.nanoTime() - t0);
    if (!fatal.isEmpty()) {
      throw new IllegalStateException(oneLine(fatal.get(0)));
    }
    result(Workload.W8, "reads/s", reads.get() / s, true);
    result(Workload.W8, "writes/s", writes.get() / s, true);
    result(Workload.W8, "max read latency ms", maxReadNanos.get() / 1e6, false);
    result(Workload.W8, "errors", errors.get(), 'Q');
  }

  // ---- W10
  private void groupCommit() throws Exception {
    exec("CREATE TABLE g (id " + target.keyType() + " PRIMARY KEY, th INTEGER NOT NULL,"
        + " val BIGINT NOT NULL)");
    int per = sz.groupCommitsPerThread();
    AtomicLong ok = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    List<Throwable> fatal = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int th = t;
      threads.add(new Thread(() -> {
        try (Connection c = target.open(dir);
             PreparedStatement ps = c.prepareStatement(
                 "INSERT INTO g (id, th, val) VALUES (?, ?, ?)")) {
          for (int i = 0; i < per; i++) {
            ps.setLong(1, (long) th * per + i + 1);
            ps.setInt(2, th);
            ps.setLong(3, i);
            try {
              ps.executeUpdate();
              ok.incrementAndGet();
            } catch (SQLException e) {
              errors.incrementAndGet();
            }
          }
        } catch (SQLException | RuntimeException e) {
          synchronized (fatal) {
            fatal.add(e);
          }
        }
      }, "w10-" + t));
    }
    long t0 = System.nanoTime();
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    double s = sec(System.nanoTime() - t0);
    if (!fatal.isEmpty()) {
      throw new IllegalStateException(oneLine(fatal.get(0)));
    }
    check(Workload.W10, scalar("SELECT COUNT(*) FROM g") == ok.get(), "committed rows");
    result(Workload.W10, "commits/s", ok.get() / s, true);
    result(Workload.W10, "errors", errors.get(), 'Q');
  }

  // ---- helpers
  private long fileBytes() throws SQLException {
    if (target.memory) {
      return -1;
    }
    if (target.engine == Target.Engine.HSQLDB) {
      exec("CHECKPOINT"); // HSQLDB memory tables reach the .script file at a checkpoint
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0; // a file removed while walking (a rotated log) holds nothing now
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void exec(String sql) throws SQLException {
    try (Statement st = main.createStatement()) {
      st.execute(sql);
    }
  }

  private long scalar(String sql) throws SQLException {
    try (Statement st = main.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      if (!rs.next()) {
        throw new SQLException("no row from " + sql);
      }
      return rs.getLong(1);
    }
  }

  private static void check(Workload w, boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(w + ": wrong answer: " + what);
    }
  }

  private void result(Workload w, String metric, double value, boolean higherIsBetter) {
    result(w, metric, value, higherIsBetter ? 'H' : 'L');
  }

  /** Kinds: H a rate (higher is better), L a time (lower is better), Q an amount (lower). */
  private void result(Workload w, String metric, double value, char kind) {
    out.println("RESULT\t" + w + "\t" + metric + "\t" + value + "\t" + kind);
    out.flush();
  }

  private void info(String key, String value) {
    out.println("INFO\t" + key + "\t" + value);
  }

  private static double sec(long nanos) {
    return nanos / 1e9;
  }

  static String oneLine(Throwable e) {
    String m = e.getClass().getSimpleName() + ": " + e.getMessage();
    return m.replace('\n', ' ').replace('\t', ' ');
  }
}
