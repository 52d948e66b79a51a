package io.strata.tests.storage;

import io.strata.storage.Cursor;
import io.strata.storage.ReadTxn;
import io.strata.storage.Store;
import io.strata.storage.StoreOptions;
import io.strata.storage.Tree;
import io.strata.storage.WriteTxn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.junit.jupiter.api.Test;

/**
 * Strata storage against H2's MVStore in one run: 1,000,000 sequential and random puts (one
 * transaction, and batches of 1,000), 1,000,000 random gets, a full scan, and durable single-put
 * commits per second. Not part of the default test run (the class name does not match the test
 * pattern). Run:
 * <pre>
 * mvn -B -pl tests -am test -Dtest=StorageBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Options: {@code -Dstrata.bench.n=1000000 -Dstrata.bench.commits=2000 -Dstrata.bench.dir=/path
 * -Dstrata.bench.readRounds=3 -Dstrata.bench.writeRounds=1}. With several write rounds each write
 * measurement alternates the engines round by round on new files and keeps each engine's best.
 *
 * <p>Configuration. Keys are 16 bytes (an 8-byte big-endian counter or random number, twice),
 * values 100 random bytes. Strata: 4 KiB pages, {@code SyncMode.FULL} (every commit fsyncs pages,
 * then the meta), retention {@code keepLast(5)} to match MVStore's default of keeping 5 versions
 * (so both reuse the space of old versions). MVStore: file store, {@code autoCommitDisabled()},
 * byte[] key and value types ({@link ByteArrayDataType}), default cache (16 MB); every commit is
 * {@code commit()} then {@code sync()} (fsync), which is how MVStore makes a commit durable.
 */
public final class StorageBenchmark {
  private static final int VALUE = 100;

  @Test
  void run() throws Exception {
    main(new String[0]);
  }

  public static void main(String[] args) throws Exception {
    int n = Integer.getInteger("strata.bench.n", 1_000_000);
    int commits = Integer.getInteger("strata.bench.commits", 2000);
    Path dir = Files.createTempDirectory(Path.of(System.getProperty("strata.bench.dir", System.getProperty("java.io.tmpdir"))), "bench");
    try {
      new Run(n, commits, dir).runAll();
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  static byte[] key(long k) {
    byte[] b = new byte[16];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (k >>> (56 - 8 * i));
      b[8 + i] = b[i];
    }
    return b;
  }

  /** One benchmark run over n keys. */
  private static final class Run {
  private final int n;
  private final int commits;
  private final Path dir;
  private final Map<String, double[]> results = new LinkedHashMap<>();

  Run(int n, int commits, Path dir) {
    this.n = n;
    this.commits = commits;
    this.dir = dir;
  }

  private long[] order(boolean random, long seed) {
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = i;
    }
    if (random) {
      Random r = new Random(seed);
      for (int i = n - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        long t = keys[i];
        keys[i] = keys[j];
        keys[j] = t;
      }
    }
    return keys;
  }

  private byte[][] values() {
    Random r = new Random(7);
    byte[][] v = new byte[1024][VALUE];
    for (byte[] x : v) {
      r.nextBytes(x);
    }
    return v;
  }

  private void record(String name, double strataOps, double mvOps) {
    results.put(name, new double[] {strataOps, mvOps});
    System.out.printf("%-34s strata %12.0f ops/s   mvstore %12.0f ops/s   ratio %.2f%n", name, strataOps, mvOps,
        strataOps / mvOps);
  }

  private void runAll() throws IOException {
    System.out.printf("StorageBenchmark: n=%d, durable commits=%d, dir=%s, java %s%n", n, commits, dir,
        System.getProperty("java.version"));
    byte[][] vals = values();
    for (String mode : List.of("sequential", "random")) {
      boolean random = mode.equals("random");
      long[] keys = order(random, 42);
      puts(mode + " puts, 1 txn", keys, vals, n, "s1-" + mode, "m1-" + mode);
      puts(mode + " puts, batches of 1000", keys, vals, 1000, "sb-" + mode, "mb-" + mode);
    }
    // reads on the randomly loaded stores (batches), reopened with a cold start
    long[] probe = order(true, 99);
    reads(probe, "sb-random", "mb-random");
    double sc = 0;
    double mc = 0;
    for (int r = writeRounds() - 1; r >= 0; r--) {
      String name = r == 0 ? "commits" : "commits-" + r;
      sc = Math.max(sc, strataCommits(vals, name));
      mc = Math.max(mc, mvCommits(vals, name));
      if (r > 0) {
        delete(name);
      }
    }
    record("durable single-put commits", sc, mc);
    System.out.println();
    System.out.println("| operation | Strata ops/s | MVStore ops/s | Strata / MVStore |");
    System.out.println("|---|---:|---:|---:|");
    results.forEach((k, v) -> System.out.printf("| %s | %.0f | %.0f | %.2f |%n", k, v[0], v[1], v[0] / v[1]));
  }

  private static int writeRounds() {
    return Integer.getInteger("strata.bench.writeRounds", 1);
  }

  /**
   * One write measurement in alternating rounds (Strata, MVStore, Strata, ...), each round on new
   * files; the best wall-clock rate of each engine counts. The last round's files stay for the
   * reads.
   */
  private void puts(String label, long[] keys, byte[][] vals, int batch, String strataName, String mvName)
      throws IOException {
    double s = 0;
    double m = 0;
    for (int r = writeRounds() - 1; r >= 0; r--) {
      String suffix = r == 0 ? "" : "-" + r;
      s = Math.max(s, strataPuts(keys, vals, batch, strataName + suffix));
      m = Math.max(m, mvPuts(keys, vals, batch, mvName + suffix));
      if (r > 0) {
        delete(strataName + suffix);
        delete(mvName + suffix);
      }
    }
    record(label, s, m);
  }

  private void delete(String name) throws IOException {
    Files.deleteIfExists(dir.resolve(name + ".strata"));
    Files.deleteIfExists(dir.resolve(name + ".mv"));
  }

  private static double rate(long ops, long nanos) {
    return ops * 1e9 / nanos;
  }

  private static final StoreOptions STRATA = StoreOptions.defaults().withRetention(StoreOptions.Retention.keepLast(5));

  private double strataPuts(long[] keys, byte[][] vals, int batch, String name) {
    Path f = dir.resolve(name + ".strata");
    try (Store store = Store.open(f, STRATA)) {
      store.update(t -> t.createTree("bench"));
      long t0 = System.nanoTime();
      int i = 0;
      while (i < n) {
        try (WriteTxn w = store.begin()) {
          Tree t = w.tree("bench").orElseThrow();
          int end = Math.min(n, i + batch);
          for (; i < end; i++) {
            t.put(key(keys[i]), vals[i & 1023]);
          }
          w.commit();
        }
      }
      return rate(n, System.nanoTime() - t0);
    }
  }

  private MVStore mvOpen(String name) {
    return new MVStore.Builder().fileName(dir.resolve(name + ".mv").toString()).autoCommitDisabled().open();
  }

  private static MVMap<byte[], byte[]> mvMap(MVStore s) {
    return s.openMap("bench", new MVMap.Builder<byte[], byte[]>().keyType(ByteArrayDataType.INSTANCE)
        .valueType(ByteArrayDataType.INSTANCE));
  }

  private double mvPuts(long[] keys, byte[][] vals, int batch, String name) {
    MVStore s = mvOpen(name);
    try {
      MVMap<byte[], byte[]> map = mvMap(s);
      long t0 = System.nanoTime();
      int i = 0;
      while (i < n) {
        int end = Math.min(n, i + batch);
        for (; i < end; i++) {
          map.put(key(keys[i]), vals[i & 1023]);
        }
        s.commit();
        s.sync();
      }
      return rate(n, System.nanoTime() - t0);
    } finally {
      s.close();
    }
  }

  /** Wall-clock and thread-CPU rates of one read pass. */
  private record Pass(double wall, double cpu) {}

  private static long cpuNow() {
    return THREADS.getCurrentThreadCpuTime();
  }

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private Pass strataGets(Tree t, long[] probe) {
    long t0 = System.nanoTime();
    long c0 = cpuNow();
    long found = 0;
    for (long k : probe) {
      if (t.get(key(k)) != null) {
        found++;
      }
    }
    Pass p = new Pass(rate(probe.length, System.nanoTime() - t0), rate(probe.length, cpuNow() - c0));
    check(found);
    return p;
  }

  private Pass strataScan(Tree t) {
    long t0 = System.nanoTime();
    long c0 = cpuNow();
    long c = 0;
    long bytes = 0;
    try (Cursor cur = t.cursor()) {
      for (boolean ok = cur.first(); ok; ok = cur.next()) {
        c++;
        bytes += cur.value().length;
      }
    }
    Pass p = new Pass(rate(c, System.nanoTime() - t0), rate(c, cpuNow() - c0));
    check(c);
    check(bytes / VALUE);
    return p;
  }

  private Pass mvGets(MVMap<byte[], byte[]> map, long[] probe) {
    long t0 = System.nanoTime();
    long c0 = cpuNow();
    long found = 0;
    for (long k : probe) {
      if (map.get(key(k)) != null) {
        found++;
      }
    }
    Pass p = new Pass(rate(probe.length, System.nanoTime() - t0), rate(probe.length, cpuNow() - c0));
    check(found);
    return p;
  }

  private Pass mvScan(MVMap<byte[], byte[]> map) {
    long t0 = System.nanoTime();
    long c0 = cpuNow();
    long c = 0;
    long bytes = 0;
    var cur = map.cursor(null);
    while (cur.hasNext()) {
      cur.next();
      bytes += cur.getValue().length;
      c++;
    }
    Pass p = new Pass(rate(c, System.nanoTime() - t0), rate(c, cpuNow() - c0));
    check(c);
    check(bytes / VALUE);
    return p;
  }

  /**
   * Random gets and full scans on the two randomly loaded stores, both reopened (cold caches),
   * warmed by one get pass each, then measured in alternating rounds (Strata gets, MVStore gets,
   * Strata scan, MVStore scan) so that both engines see the same machine load. The best round of
   * each engine counts; thread-CPU rates are recorded beside the wall-clock ones because on a
   * loaded machine a single wall-clock pass mostly measures how often the thread was descheduled.
   */
  private void reads(long[] probe, String strataName, String mvName) {
    int rounds = Integer.getInteger("strata.bench.readRounds", 3);
    MVStore s = mvOpen(mvName);
    try (Store store = Store.open(dir.resolve(strataName + ".strata"), STRATA); ReadTxn r = store.read()) {
      Tree t = r.tree("bench").orElseThrow();
      MVMap<byte[], byte[]> map = mvMap(s);
      strataGets(t, probe);
      mvGets(map, probe);
      Pass[] best = new Pass[4];
      for (int round = 0; round < rounds; round++) {
        Pass[] p = {strataGets(t, probe), mvGets(map, probe), strataScan(t), mvScan(map)};
        for (int i = 0; i < 4; i++) {
          best[i] = best[i] == null ? p[i]
              : new Pass(Math.max(best[i].wall(), p[i].wall()), Math.max(best[i].cpu(), p[i].cpu()));
        }
      }
      record("random gets", best[0].wall(), best[1].wall());
      record("full scan (entries/s)", best[2].wall(), best[3].wall());
      record("random gets, thread CPU", best[0].cpu(), best[1].cpu());
      record("full scan, thread CPU", best[2].cpu(), best[3].cpu());
    } finally {
      s.close();
    }
  }

  private void check(long count) {
    if (count != n) {
      throw new IllegalStateException("expected " + n + " entries, saw " + count);
    }
  }

  private double strataCommits(byte[][] vals, String name) {
    try (Store store = Store.open(dir.resolve(name + ".strata"), STRATA)) {
      store.update(t -> t.createTree("bench"));
      long t0 = System.nanoTime();
      for (int i = 0; i < commits; i++) {
        int k = i;
        store.update(t -> t.tree("bench").orElseThrow().put(key(k), vals[k & 1023]));
      }
      return rate(commits, System.nanoTime() - t0);
    }
  }

  private double mvCommits(byte[][] vals, String name) {
    MVStore s = mvOpen(name);
    try {
      MVMap<byte[], byte[]> map = mvMap(s);
      long t0 = System.nanoTime();
      for (int i = 0; i < commits; i++) {
        map.put(key(i), vals[i & 1023]);
        s.commit();
        s.sync();
      }
      return rate(commits, System.nanoTime() - t0);
    } finally {
      s.close();
    }
  }

  }
}
