package io.strata.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Crash simulation through {@link FaultyPageIO}: an operation fails at a random point (the
 * process dies there), then unsynced writes are dropped, reordered or torn. The store must reopen
 * at a version between the last acknowledged commit and the one in flight, read exactly as the
 * model says, and pass the verifier. More scenarios: {@code -Dstrata.faults.scenarios=5000}.
 */
class FaultInjectionTest {

  static byte[] key(int i) {
    return String.format("key%05d", i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void crashAtRandomPoints() {
    int scenarios = Integer.getInteger("strata.faults.scenarios", 400);
    Long fixed = Long.getLong("strata.faults.seed");
    long seed = fixed != null ? fixed : System.nanoTime();
    System.out.println("FaultInjectionTest seed " + seed + " (rerun with -Dstrata.faults.seed=" + seed + ")");
    Map<String, Integer> outcomes = new TreeMap<>();
    for (int s = 0; s < (fixed != null ? 1 : scenarios); s++) {
      long sc = seed + s;
      try {
        String o = scenario(sc);
        outcomes.merge(o, 1, Integer::sum);
      } catch (Throwable t) {
        throw new AssertionError("fault scenario failed, rerun with -Dstrata.faults.seed=" + sc + ": " + t, t);
      }
    }
    System.out.println("FaultInjectionTest outcomes: " + outcomes);
  }

  private String scenario(long seed) {
    Random rnd = new Random(seed);
    FaultyPageIO io = new FaultyPageIO();
    StoreOptions.Retention ret = switch (rnd.nextInt(3)) {
      case 0 -> StoreOptions.Retention.keepAll();
      default -> StoreOptions.Retention.keepLast(1 + rnd.nextInt(3));
    };
    StoreOptions opts = StoreOptions.defaults().withRetention(ret);
    io.faultAt = 1 + rnd.nextInt(rnd.nextBoolean() ? 60 : 600);
    FaultyPageIO.Crash mode = FaultyPageIO.Crash.values()[rnd.nextInt(4)];
    boolean restartOnly = rnd.nextInt(5) == 0; // the process survives the I/O error and restarts
    Map<Long, TreeMap<String, byte[]>> model = new HashMap<>();
    long acked = -1;
    long attempted = 0;
    StoreImpl store = null;
    try {
      store = StoreImpl.open(io, opts);
      acked = 0;
      model.put(0L, new TreeMap<>());
      TreeMap<String, byte[]> state = new TreeMap<>();
      for (int c = 0; c < 40; c++) {
        attempted = store.latestVersion() + 1;
        int what = rnd.nextInt(10);
        // the model holds the state of the version in flight before it commits
        if (what == 0 && store.latestVersion() > 1) {
          model.put(attempted, new TreeMap<>(state));
          store.pin("p", store.latestVersion());
        } else if (what == 1) {
          model.put(attempted, new TreeMap<>(state));
          store.vacuum();
        } else {
          TreeMap<String, byte[]> next = new TreeMap<>(state);
          model.put(attempted, next);
          store.update(t -> {
            Tree tr = t.tree("t").orElseGet(() -> t.createTree("t"));
            int n = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 300 : 10);
            for (int i = 0; i < n; i++) {
              int k = rnd.nextInt(500);
              if (rnd.nextInt(4) == 0) {
                tr.delete(key(k));
                next.remove("t/" + k);
              } else {
                byte[] v = new byte[rnd.nextInt(30) == 0 ? 3000 + rnd.nextInt(9000) : rnd.nextInt(60)];
                rnd.nextBytes(v);
                tr.put(key(k), v);
                next.put("t/" + k, v);
              }
            }
          });
          state = next;
        }
        acked = store.latestVersion();
      }
    } catch (StorageException e) {
      assertEquals(ErrorCode.IO, e.code(), "only the injected I/O fault may fail: " + e);
      if (store != null) {
        // the store refuses writes after an I/O error during commit
        StoreImpl s = store;
        StorageException again = assertThrows(StorageException.class, () -> s.update(t -> t.tree("t")));
        assertEquals(ErrorCode.IO, again.code());
      }
    }
    byte[] image = restartOnly ? io.liveImage() : io.crashImage(mode, rnd);
    StoreImpl reopened = StoreImpl.open(new MemoryPageIO(image), opts);
    long v = reopened.latestVersion();
    if (acked < 0) {
      assertTrue(v == 0, "a store whose creation crashed reopens empty");
    } else {
      assertTrue(v >= acked, "lost acknowledged version " + acked + ", reopened at " + v);
      assertTrue(v <= attempted, "reopened at " + v + " beyond the attempted " + attempted);
    }
    TreeMap<String, byte[]> expect = model.getOrDefault(v, new TreeMap<>());
    try (ReadTxn r = reopened.read()) {
      TreeMap<String, byte[]> got = new TreeMap<>();
      r.tree("t").ifPresent(t -> {
        try (Cursor c = t.cursor()) {
          for (boolean ok = c.first(); ok; ok = c.next()) {
            String k = new String(c.key(), java.nio.charset.StandardCharsets.UTF_8).substring(3);
            got.put("t/" + Integer.parseInt(k), c.value());
          }
        }
        assertEquals(got.size(), t.size());
      });
      assertEquals(expect.keySet(), got.keySet(), "keys at version " + v);
      for (String k : expect.keySet()) {
        assertArrayEquals(expect.get(k), got.get(k), k);
      }
    }
    Verifier.check(reopened);
    // the reopened store keeps working
    for (int i = 0; i < 3; i++) {
      int n = i;
      reopened.update(t -> t.tree("t").orElseGet(() -> t.createTree("t")).put(key(10_000 + n), new byte[n * 100]));
    }
    Verifier.check(reopened);
    reopened.close();
    return (acked < 0 ? "creation" : v == acked ? "acked" : "in-flight") + "/" + (restartOnly ? "restart" : mode);
  }

  /**
   * Crashes while several threads commit at once, so batches of versions (group commits) are cut
   * short too. After reopening, every acknowledged commit must be there with its value, a commit
   * that was not acknowledged may be there (whole) or not, and the verifier must pass. More:
   * {@code -Dstrata.faults.concurrentScenarios=2000}.
   */
  @Test
  void crashDuringConcurrentCommits() throws Exception {
    int scenarios = Integer.getInteger("strata.faults.concurrentScenarios", 60);
    Long fixed = Long.getLong("strata.faults.seed");
    long seed = fixed != null ? fixed : System.nanoTime();
    System.out.println("FaultInjectionTest concurrent seed " + seed + " (rerun with -Dstrata.faults.seed=" + seed + ")");
    Map<String, Integer> outcomes = new TreeMap<>();
    for (int s = 0; s < (fixed != null ? 1 : scenarios); s++) {
      try {
        outcomes.merge(concurrentScenario(seed + s), 1, Integer::sum);
      } catch (Throwable t) {
        throw new AssertionError("concurrent fault scenario failed, rerun with -Dstrata.faults.seed=" + (seed + s) + ": " + t, t);
      }
    }
    System.out.println("FaultInjectionTest concurrent outcomes: " + outcomes);
  }

  /** Runs one scenario; returns whether the fault struck and whether batches held several versions. */
  private String concurrentScenario(long seed) throws Exception {
    Random rnd = new Random(seed);
    FaultyPageIO io = new FaultyPageIO();
    StoreOptions opts = StoreOptions.defaults().withRetention(
        rnd.nextBoolean() ? StoreOptions.Retention.keepAll() : StoreOptions.Retention.keepLast(1 + rnd.nextInt(2)));
    StoreImpl store = StoreImpl.open(io, opts);
    store.update(t -> t.createTree("t"));
    long versionsBefore = store.latestVersion();
    long batchesBefore = store.committer.batches();
    io.faultAt = io.ops + 1 + rnd.nextInt(400);
    FaultyPageIO.Crash mode = FaultyPageIO.Crash.values()[rnd.nextInt(4)];
    boolean restartOnly = rnd.nextInt(5) == 0;
    // key -> value of every acknowledged commit (each thread writes keys of its own), and the
    // version that acknowledged it; values of commits in flight, which may or may not survive
    Map<String, byte[]> acked = new java.util.concurrent.ConcurrentHashMap<>();
    Map<String, byte[]> attempted = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.concurrent.atomic.AtomicLong newestAck = new java.util.concurrent.atomic.AtomicLong();
    List<Thread> threads = new ArrayList<>();
    List<Throwable> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int th = 0; th < 4; th++) {
      long threadSeed = rnd.nextLong();
      int id = th;
      threads.add(new Thread(() -> {
        Random r = new Random(threadSeed);
        for (int i = 0; i < 40; i++) {
          String k = "t" + id + "-" + i;
          byte[] v = new byte[r.nextInt(25) == 0 ? 3000 + r.nextInt(6000) : r.nextInt(50)];
          r.nextBytes(v);
          attempted.put(k, v);
          try {
            long version = store.update(t -> t.tree("t").orElseThrow().put(k.getBytes(java.nio.charset.StandardCharsets.UTF_8), v));
            acked.put(k, v);
            newestAck.accumulateAndGet(version, Math::max);
          } catch (StorageException e) {
            if (e.code() != ErrorCode.IO) {
              unexpected.add(e);
            }
            return;
          } catch (Throwable e) {
            unexpected.add(e);
            return;
          }
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertTrue(unexpected.isEmpty(), () -> "only the injected I/O fault may fail: " + unexpected);
    boolean grouped = store.latestVersion() - versionsBefore > store.committer.batches() - batchesBefore;
    byte[] image = restartOnly ? io.liveImage() : io.crashImage(mode, rnd);
    StoreImpl reopened = StoreImpl.open(new MemoryPageIO(image), opts);
    assertTrue(reopened.latestVersion() >= newestAck.get(),
        "lost acknowledged version " + newestAck.get() + ", reopened at " + reopened.latestVersion());
    try (ReadTxn r = reopened.read()) {
      Tree t = r.tree("t").orElseThrow();
      for (Map.Entry<String, byte[]> e : acked.entrySet()) {
        assertArrayEquals(e.getValue(), t.get(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8)), e.getKey());
      }
      long entries = 0;
      try (Cursor c = t.cursor()) {
        for (boolean ok = c.first(); ok; ok = c.next()) {
          String k = new String(c.key(), java.nio.charset.StandardCharsets.UTF_8);
          assertArrayEquals(attempted.get(k), c.value(), "value of " + k);
          entries++;
        }
      }
      assertEquals(entries, t.size());
    }
    Verifier.check(reopened);
    reopened.update(t -> t.tree("t").orElseThrow().put(key(1), new byte[3]));
    Verifier.check(reopened);
    reopened.close();
    return (io.crashed ? "fault" : "no fault") + (grouped ? ", grouped" : ", single") + "/" + (restartOnly ? "restart" : mode);
  }

  /** Every operation of creating a store, failed in every crash mode, reopens as an empty store. */
  @Test
  void creationCrashAtEveryOperation() {
    FaultyPageIO clean = new FaultyPageIO();
    StoreImpl.open(clean, StoreOptions.defaults()).close();
    long creationOps = clean.ops;
    for (long at = 1; at <= creationOps; at++) {
      for (FaultyPageIO.Crash mode : FaultyPageIO.Crash.values()) {
        for (int seed = 0; seed < 32; seed++) {
          FaultyPageIO io = new FaultyPageIO();
          io.faultAt = at;
          assertThrows(StorageException.class, () -> StoreImpl.open(io, StoreOptions.defaults()));
          StoreImpl reopened = StoreImpl.open(new MemoryPageIO(io.crashImage(mode, new Random(seed))), StoreOptions.defaults());
          assertEquals(0, reopened.latestVersion(), "crash at operation " + at + ", " + mode + ", seed " + seed);
          reopened.update(t -> t.createTree("t").put(key(1), new byte[10]));
          Verifier.check(reopened);
          reopened.close();
        }
      }
    }
  }

  @Test
  void readErrorFailsTheTransaction() {
    FaultyPageIO io = new FaultyPageIO();
    StoreImpl store = StoreImpl.open(io, StoreOptions.defaults());
    store.update(t -> {
      Tree tr = t.createTree("t");
      for (int i = 0; i < 2000; i++) {
        tr.put(key(i), new byte[50]);
      }
    });
    store.close();
    store = StoreImpl.open(io, StoreOptions.defaults()); // empty cache
    try (ReadTxn r = store.read()) {
      Tree t = r.tree("t").orElseThrow();
      io.failReads = true;
      StorageException e = assertThrows(StorageException.class, () -> t.get(key(1234)));
      assertEquals(ErrorCode.IO, e.code());
      io.failReads = false;
      assertEquals(ErrorCode.TXN_FAILED, assertThrows(StorageException.class, () -> t.get(key(1))).code());
      assertTrue(r.isClosed());
    }
    try (ReadTxn r = store.read()) {
      assertEquals(2000, r.tree("t").orElseThrow().size());
      assertFalse(r.isClosed());
    }
    Verifier.check(store);
  }

  /**
   * A page of the newest commit that is not on the disk (its write was lost, though the meta's
   * landed) makes opening fall back to the version before, which is intact.
   */
  @Test
  void unlandedPageOfNewestCommitFallsBack() {
    MemoryPageIO io = new MemoryPageIO();
    StoreImpl store = StoreImpl.open(io, StoreOptions.defaults());
    store.update(t -> {
      Tree tr = t.createTree("t");
      for (int i = 0; i < 500; i++) {
        tr.put(key(i), new byte[20]);
      }
    });
    long before = store.latestVersion();
    store.update(t -> t.tree("t").orElseThrow().put(key(9999), new byte[5]));
    long last = store.latestVersion();
    store.close();
    byte[] image = io.image();
    int lost = 0;
    for (long p = 2; p < image.length / 4096; p++) {
      byte[] page = java.util.Arrays.copyOfRange(image, (int) (p * 4096), (int) ((p + 1) * 4096));
      if (PageFormat.birth(page) == last && PageFormat.type(page) == PageFormat.LEAF) {
        java.util.Arrays.fill(image, (int) (p * 4096), (int) ((p + 1) * 4096), (byte) 0);
        lost++;
      }
    }
    assertTrue(lost > 0, "the last commit wrote a leaf");
    MemoryPageIO io2 = new MemoryPageIO(image);
    StoreImpl reopened = StoreImpl.open(io2, StoreOptions.defaults());
    assertEquals(before, reopened.latestVersion());
    try (ReadTxn r = reopened.read()) {
      assertEquals(500, r.tree("t").orElseThrow().size());
      assertTrue(r.tree("t").orElseThrow().get(key(9999)) == null);
    }
    Verifier.check(reopened);
    byte[] afterOpen = io2.image();
    // the next commit has the same number as the rejected one and reuses the same pages
    reopened.update(t -> t.tree("t").orElseThrow().put(key(9998), new byte[5]));
    long next = reopened.latestVersion();
    Verifier.check(reopened);
    reopened.close();
    // ...and its meta write is lost: that slot holds what it held before the commit, which must
    // not be the rejected meta, whose list those reused pages would now satisfy
    byte[] lostMeta = io2.image();
    byte[] head = new byte[Meta.SIZE];
    for (int slot = 0; slot < 2; slot++) {
      System.arraycopy(lostMeta, slot * 4096, head, 0, Meta.SIZE);
      if (Meta.decode(head) instanceof Meta m && m.version() == next) {
        System.arraycopy(afterOpen, slot * 4096, lostMeta, slot * 4096, 4096);
      }
    }
    StoreImpl again = StoreImpl.open(new MemoryPageIO(lostMeta), StoreOptions.defaults());
    assertEquals(before, again.latestVersion());
    try (ReadTxn r = again.read()) {
      assertEquals(500, r.tree("t").orElseThrow().size());
    }
    Verifier.check(again);
    again.close();
  }

  /**
   * A batch of several versions writes pages and frees some of them again (the first version's
   * internal pages), which the next commit may reuse. If that commit's meta is then lost, the
   * batch's meta is the newest and must still validate: it lists only the pages it keeps.
   */
  @Test
  void batchMetaStaysValidWhenTheNextCommitReusesWhatItFreed() throws Exception {
    MemoryPageIO io = new MemoryPageIO();
    StoreImpl store = StoreImpl.open(io, StoreOptions.defaults().withRetention(StoreOptions.Retention.keepLast(1)));
    store.update(t -> t.createTree("t").put(key(0), new byte[8]));
    long batches = store.committer.batches();
    store.committer.holdCommits();
    List<Thread> threads = new ArrayList<>();
    try {
      for (int i = 1; i <= 3; i++) {
        int k = i;
        Thread th = new Thread(() -> store.update(t -> t.tree("t").orElseThrow().put(key(k), new byte[8])));
        threads.add(th);
        th.start();
      }
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (store.committer.queued() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(2);
      }
      assertEquals(3, store.committer.queued());
    } finally {
      store.committer.releaseCommits();
    }
    for (Thread th : threads) {
      th.join();
    }
    assertEquals(batches + 1, store.committer.batches(), "three versions in one batch");
    long batchVersion = store.latestVersion();
    store.update(t -> t.tree("t").orElseThrow().put(key(4), new byte[8]));
    store.close();
    byte[] image = io.image();
    // the last meta write is lost: damage the slot that holds the newest version
    byte[] head = new byte[Meta.SIZE];
    for (int slot = 0; slot < 2; slot++) {
      System.arraycopy(image, slot * 4096, head, 0, Meta.SIZE);
      if (Meta.decode(head) instanceof Meta m && m.version() == batchVersion + 1) {
        image[slot * 4096 + 10] ^= 1;
      }
    }
    StoreImpl reopened = StoreImpl.open(new MemoryPageIO(image), StoreOptions.defaults());
    assertEquals(batchVersion, reopened.latestVersion());
    try (ReadTxn r = reopened.read()) {
      assertEquals(4, r.tree("t").orElseThrow().size());
    }
    Verifier.check(reopened);
    reopened.close();
  }

  @Test
  void corruptionNamesPageAndCheck() {
    MemoryPageIO io = new MemoryPageIO();
    StoreImpl store = StoreImpl.open(io, StoreOptions.defaults());
    store.update(t -> {
      Tree tr = t.createTree("t");
      for (int i = 0; i < 3000; i++) {
        tr.put(key(i), new byte[40]);
      }
    });
    long loaded = store.latestVersion();
    // a newer commit, so the damaged page is not one the newest meta lists (that would read as
    // a commit that never landed: see unlandedPageOfNewestCommitFallsBack)
    store.update(t -> t.createTree("u").put(key(1), new byte[1]));
    store.close();
    byte[] image = io.image();
    ArrayList<Long> leaves = new ArrayList<>();
    for (long p = 2; p < image.length / 4096; p++) {
      byte[] page = java.util.Arrays.copyOfRange(image, (int) (p * 4096), (int) ((p + 1) * 4096));
      if (PageFormat.type(page) == PageFormat.LEAF && PageFormat.birth(page) == loaded) {
        leaves.add(p);
      }
    }
    long victim = leaves.get(leaves.size() / 2);
    image[(int) (victim * 4096 + 100)] ^= 0x55;
    StoreImpl broken = StoreImpl.open(new MemoryPageIO(image), StoreOptions.defaults());
    StorageException e = assertThrows(StorageException.class, () -> Verifier.check(broken));
    assertEquals(ErrorCode.CORRUPT, e.code());
    assertTrue(e.getMessage().contains("page " + victim) && e.getMessage().contains("CRC32C"), e.getMessage());
    // both meta pages damaged: a clear error naming both
    byte[] noMeta = io.image();
    noMeta[10] ^= 1;
    noMeta[4096 + 10] ^= 1;
    StorageException m = assertThrows(StorageException.class, () -> StoreImpl.open(new MemoryPageIO(noMeta), StoreOptions.defaults()));
    assertEquals(ErrorCode.CORRUPT, m.code());
    assertTrue(m.getMessage().contains("page 0") && m.getMessage().contains("page 1"), m.getMessage());
  }
}
