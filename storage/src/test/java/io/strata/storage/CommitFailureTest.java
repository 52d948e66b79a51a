package io.strata.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit that fails before its meta is written (out of memory while it writes its pages, or a
 * bug) commits nothing and leaves the store usable: the next commits succeed, every retained
 * version reads as before, the verifier finds no leaked or doubly used page, an in-memory store
 * holds exactly the pages its versions reach, and a file reopens to the committed state. The
 * failure is injected at a chosen page of a commit, as SQLite's tests fail chosen allocations.
 */
class CommitFailureTest {
  @TempDir
  Path dir;

  private static byte[] key(int k) {
    return ResidentPagesTest.key(k);
  }

  /**
   * Fails the commit at its n-th page (1-based) with the given error (out of memory when null);
   * the returned flag is set when the fault fired.
   */
  private static AtomicBoolean failAtPage(StoreImpl store, int n,
      RuntimeException orNull) {
    AtomicInteger pages = new AtomicInteger();
    AtomicBoolean fired = new AtomicBoolean();
    store.committer.pageFault = id -> {
      if (pages.incrementAndGet() == n) {
        store.committer.pageFault = null;
        fired.set(true);
        if (orNull != null) {
          throw orNull;
        }
        throw new OutOfMemoryError("injected at page " + id);
      }
    };
    return fired;
  }

  /** Random rounds of puts and deletes; a third of the commits fail at a random page. */
  private void rounds(StoreImpl store, Random rnd, TreeMap<Integer, byte[]> model, int count) {
    int pageSize = store.options().pageSize();
    Map<Long, TreeMap<Integer, byte[]>> past = new TreeMap<>();
    int failed = 0;
    for (int round = 0; round < count; round++) {
      int r = round;
      TreeMap<Integer, byte[]> next = new TreeMap<>(model);
      boolean oom = rnd.nextBoolean();
      // pages 1..12: a commit writes its user pages, then the history, dead list and free map
      AtomicBoolean fired = rnd.nextInt(3) != 0 ? null
          : failAtPage(store, 1 + rnd.nextInt(12), oom ? null : new IllegalStateException("injected"));
      long before = store.latestVersion();
      try {
        store.update(t -> {
          Tree tree = t.tree("t").orElseThrow();
          for (int i = 0; i < 30; i++) {
            int k = rnd.nextInt(600);
            if (rnd.nextInt(5) == 0) {
              tree.delete(key(k));
              next.remove(k);
            } else {
              int len = rnd.nextInt(10) == 0 ? pageSize * (1 + rnd.nextInt(2)) : 1 + rnd.nextInt(80);
              byte[] v = ResidentPagesTest.value(k, r, len);
              tree.put(key(k), v);
              next.put(k, v);
            }
          }
        });
        assertTrue(fired == null || !fired.get(), "a commit whose page failed succeeded");
        model.clear();
        model.putAll(next);
        past.put(store.latestVersion(), new TreeMap<>(model));
      } catch (StorageException e) {
        assertTrue(fired != null && fired.get(), "unexpected failure: " + e);
        assertEquals(oom ? ErrorCode.OUT_OF_MEMORY : ErrorCode.IO, e.code(), e.getMessage());
        assertEquals(before, store.latestVersion(), "a failed commit published a version");
        failed++;
      }
      store.committer.pageFault = null;
      assertSame(model, store, store.latestVersion());
      // retained versions read as they did (keepLast(3): the two before the latest)
      for (long v = Math.max(1, store.latestVersion() - 2); v < store.latestVersion(); v++) {
        if (past.containsKey(v)) {
          assertSame(past.get(v), store, v);
        }
      }
      if (store.pager.resident != null) {
        // a store in memory reuses freed pages at once: it holds exactly what its versions reach
        assertEquals(Verifier.check(store).reachablePages(), store.pager.resident.count(),
            "pages of a failed commit are still held");
      } else if (round % 25 == 0) {
        Verifier.check(store);
      }
    }
    // versions a failed commit meant to drop are dropped by a later one
    assertEquals(3, store.versions().size(), "versions kept: " + store.versions());
    assertTrue(failed > count / 10, "only " + failed + " commits failed");
  }

  private static void assertSame(TreeMap<Integer, byte[]> expected, Store store, long version) {
    try (ReadTxn txn = store.read(version)) {
      Tree tree = txn.tree("t").orElseThrow();
      for (int k = 0; k < 600; k++) {
        byte[] want = expected.get(k);
        if (want == null) {
          assertNull(tree.get(key(k)), "version " + version + ", key " + k);
        } else {
          assertArrayEquals(want, tree.get(key(k)), "version " + version + ", key " + k);
        }
      }
    }
  }

  @Test
  void inMemoryStoreStaysUsableAfterFailedCommits() {
    long seed = System.nanoTime();
    System.out.println("CommitFailureTest seed " + seed);
    StoreOptions opts = StoreOptions.defaults().withRetention(StoreOptions.Retention.keepLast(3));
    try (StoreImpl store = (StoreImpl) Store.inMemory(opts)) {
      store.update(t -> t.createTree("t"));
      TreeMap<Integer, byte[]> model = new TreeMap<>();
      rounds(store, new Random(seed), model, 150);
    }
  }

  @Test
  void fileStoreStaysUsableAndReopensToTheCommittedState() {
    long seed = System.nanoTime();
    System.out.println("CommitFailureTest seed " + seed);
    Path file = dir.resolve("fail.db");
    StoreOptions opts = StoreOptions.defaults().withRetention(StoreOptions.Retention.keepLast(3));
    TreeMap<Integer, byte[]> model = new TreeMap<>();
    long latest;
    try (StoreImpl store = (StoreImpl) Store.open(file, opts)) {
      store.update(t -> t.createTree("t"));
      rounds(store, new Random(seed), model, 150);
      Verifier.check(store);
      latest = store.latestVersion();
    }
    try (Store store = Store.open(file, opts)) {
      assertEquals(latest, store.latestVersion(), "seed " + seed);
      assertSame(model, store, latest);
      Verifier.check(store);
    }
  }

  /**
   * Eight threads commit at once, so failures hit batches of several transactions: every
   * transaction of a failed batch fails, and each thread's keys end with the value of its last
   * commit that succeeded.
   */
  @Test
  void failedBatchesOfConcurrentCommitsLoseOnlyTheirOwnTransactions() throws Exception {
    long seed = System.nanoTime();
    System.out.println("CommitFailureTest seed " + seed);
    Random faults = new Random(seed);
    try (StoreImpl store = (StoreImpl) Store.inMemory(StoreOptions.defaults())) {
      store.update(t -> t.createTree("t"));
      Map<Integer, byte[]> committed = new ConcurrentHashMap<>();
      AtomicInteger failures = new AtomicInteger();
      List<Thread> threads = new ArrayList<>();
      List<Throwable> errors = new ArrayList<>();
      for (int th = 0; th < 8; th++) {
        int me = th;
        threads.add(new Thread(() -> {
          try {
            for (int i = 0; i < 150; i++) {
              int k = me * 50 + i % 50;
              byte[] v = ResidentPagesTest.value(k, i, 1 + i % 40);
              try {
                store.update(t -> t.tree("t").orElseThrow().put(key(k), v));
                committed.put(k, v);
              } catch (StorageException e) {
                if (e.code() == ErrorCode.CONFLICT) {
                  continue;
                }
                assertEquals(ErrorCode.OUT_OF_MEMORY, e.code(), e.getMessage());
                failures.incrementAndGet();
              }
            }
          } catch (Throwable t) {
            synchronized (errors) {
              errors.add(t);
            }
          }
        }));
      }
      Thread injector = new Thread(() -> {
        while (threads.stream().anyMatch(Thread::isAlive)) {
          if (store.committer.pageFault == null) {
            failAtPage(store, 1 + faults.nextInt(3), null);
          }
          try {
            Thread.sleep(1);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      // the first fault is armed before any thread commits, so one fails however fast they run
      failAtPage(store, 1 + faults.nextInt(3), null);
      threads.forEach(Thread::start);
      injector.start();
      for (Thread t : threads) {
        t.join();
      }
      injector.join();
      store.committer.pageFault = null;
      assertTrue(errors.isEmpty(), "seed " + seed + ": " + errors);
      assertTrue(failures.get() > 0, "seed " + seed + ": no commit failed");
      assertSame(new TreeMap<>(committed), store, store.latestVersion());
      // the store still takes writes, and ends checked by the verifier
      store.update(t -> t.tree("t").orElseThrow().put(key(0), new byte[] {2}));
      Verifier.check(store);
    }
  }

  /**
   * When handling a failed commit fails too (out of memory again), nothing about the batch is
   * known: its transaction is over, the store refuses writes until it is reopened, its committed
   * versions still read, and the file reopens to the last committed state, usable again.
   */
  @Test
  void aFailedFailureHandlingRefusesWritesUntilReopened() {
    Path file = dir.resolve("unsettled.db");
    TreeMap<Integer, byte[]> model = new TreeMap<>();
    long latest;
    try (StoreImpl store = (StoreImpl) Store.open(file, StoreOptions.defaults())) {
      store.update(t -> t.createTree("t"));
      latest = store.update(t -> {
        Tree tree = t.tree("t").orElseThrow();
        for (int k = 0; k < 300; k++) {
          byte[] v = ("v" + k).getBytes();
          tree.put(key(k), v);
          model.put(k, v);
        }
      });
      AtomicBoolean fired = failAtPage(store, 1, new IllegalStateException("injected"));
      store.committer.failureFault = () -> {
        throw new OutOfMemoryError("injected while handling the failure");
      };
      WriteTxn w = store.begin();
      w.tree("t").orElseThrow().put(key(5), new byte[] {9});
      assertThrows(OutOfMemoryError.class, w::commit);
      store.committer.failureFault = null;
      assertEquals(ErrorCode.TXN_FAILED, assertThrows(StorageException.class, w::commit).code(),
          "the transaction is over");
      assertTrue(fired.get(), "the commit failed at its first page");
      StorageException refused = assertThrows(StorageException.class,
          () -> store.update(t -> t.tree("t").orElseThrow().put(key(6), new byte[] {1})));
      assertEquals(ErrorCode.IO, refused.code());
      assertTrue(refused.getMessage().contains("could not be handled"), refused.getMessage());
      assertEquals(latest, store.latestVersion());
      assertSame(model, store, latest);
    }
    try (Store store = Store.open(file, StoreOptions.defaults())) {
      assertEquals(latest, store.latestVersion());
      assertSame(model, store, latest);
      store.update(t -> t.tree("t").orElseThrow().put(key(6), new byte[] {1}));
      model.put(6, new byte[] {1});
      assertSame(model, store, store.latestVersion());
      Verifier.check(store);
    }
  }
}
