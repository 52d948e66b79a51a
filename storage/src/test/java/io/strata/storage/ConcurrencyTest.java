package io.strata.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {
  @TempDir
  Path dir;

  static byte[] num(long v) {
    return ByteBuffer.allocate(8).putLong(v).array();
  }

  static long num(byte[] b) {
    return ByteBuffer.wrap(b).getLong();
  }

  static byte[] key(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Readers see every commit whole or not at all, and never go back in time. */
  @Test
  void readersNeverSeePartialCommits() throws Exception {
    try (Store store = Store.open(dir.resolve("r.db"), StoreOptions.defaults().withSync(StoreOptions.SyncMode.NONE)
        .withRetention(StoreOptions.Retention.keepLast(5)))) {
      readWhileCommitting(store);
    }
  }

  /** The same in memory, where readers find committed nodes by page id while pages are freed. */
  @Test
  void readersOfAnInMemoryStoreNeverSeePartialCommits() throws Exception {
    try (Store store = Store.inMemory(StoreOptions.defaults().withRetention(StoreOptions.Retention.keepLast(5)))) {
      readWhileCommitting(store);
    }
  }

  /** Three readers scan while 300 commits each rewrite every key; ends with the verifier. */
  private static void readWhileCommitting(Store store) throws Exception {
    int keys = 300;
    store.update(t -> {
      Tree tr = t.createTree("t");
      for (int i = 0; i < keys; i++) {
        tr.put(key("k" + i), num(0));
      }
    });
    AtomicBoolean stop = new AtomicBoolean();
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    AtomicInteger reads = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int r = 0; r < 3; r++) {
      threads.add(new Thread(() -> {
        long lastVersion = -1;
        try {
          while (!stop.get()) {
            try (ReadTxn txn = store.read()) {
              assertTrue(txn.version() >= lastVersion, "version went back");
              lastVersion = txn.version();
              Tree t = txn.tree("t").orElseThrow();
              long first = -1;
              int n = 0;
              try (Cursor c = t.cursor()) {
                for (boolean ok = c.first(); ok; ok = c.next()) {
                  long v = num(c.value());
                  if (first < 0) {
                    first = v;
                  }
                  assertEquals(first, v, "partial commit visible at version " + txn.version());
                  n++;
                }
              }
              assertEquals(keys, n);
              assertEquals(keys, t.size());
              reads.incrementAndGet();
            }
          }
        } catch (Throwable e) {
          errors.add(e);
        }
      }));
    }
    threads.forEach(Thread::start);
    for (long round = 1; round <= 300; round++) {
      long r = round;
      store.update(t -> {
        Tree tr = t.tree("t").orElseThrow();
        for (int i = 0; i < keys; i++) {
          tr.put(key("k" + i), num(r));
        }
      });
    }
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    if (!errors.isEmpty()) {
      throw new AssertionError(errors.peek());
    }
    assertTrue(reads.get() > 0);
    Verifier.check(store);
  }

  /** Of two writers of the same key from the same snapshot, exactly one commits. */
  @Test
  void conflictingWritersExactlyOneCommits() throws Exception {
    try (Store store = Store.inMemory()) {
      store.update(t -> t.createTree("t").put(key("x"), num(0)));
      for (int round = 0; round < 200; round++) {
        WriteTxn a = store.begin();
        WriteTxn b = store.begin();
        a.tree("t").orElseThrow().put(key("x"), num(round * 2L));
        b.tree("t").orElseThrow().put(key("x"), num(round * 2L + 1));
        boolean sameKey = round % 3 != 0;
        if (!sameKey) {
          b.tree("t").orElseThrow().delete(key("x"));
          b.tree("t").orElseThrow().put(key("y" + round), num(1));
          b.abort();
          b = store.begin();
          b.tree("t").orElseThrow().put(key("y" + round), num(1));
        }
        CyclicBarrier go = new CyclicBarrier(2);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        List<Thread> ts = new ArrayList<>();
        for (WriteTxn w : List.of(a, b)) {
          ts.add(new Thread(() -> {
            try {
              go.await();
              w.commit();
              ok.incrementAndGet();
            } catch (StorageException e) {
              assertEquals(ErrorCode.CONFLICT, e.code());
              conflicts.incrementAndGet();
            } catch (Exception e) {
              throw new RuntimeException(e);
            }
          }));
        }
        ts.forEach(Thread::start);
        for (Thread t : ts) {
          t.join();
        }
        if (sameKey) {
          assertEquals(1, ok.get(), "round " + round);
          assertEquals(1, conflicts.get());
        } else {
          assertEquals(2, ok.get(), "round " + round);
        }
      }
      Verifier.check(store);
    }
  }

  /** Commits queued while another commit holds the lock are made durable by one pair of fsyncs. */
  @Test
  void queuedCommitsShareOneBatch() throws Exception {
    try (Store store = Store.open(dir.resolve("q.db"))) {
      store.update(t -> t.createTree("t"));
      StoreImpl impl = (StoreImpl) store;
      long before = impl.committer.batches();
      long v0 = store.latestVersion();
      List<Thread> ts = new ArrayList<>();
      ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
      impl.committer.holdCommits();
      try {
        for (int i = 0; i < 8; i++) {
          int id = i;
          Thread t = new Thread(() -> {
            try {
              store.update(w -> w.tree("t").orElseThrow().put(key("k" + id), num(id)));
            } catch (Throwable e) {
              errors.add(e);
            }
          });
          ts.add(t);
          t.start();
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (impl.committer.queued() < 8 && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        assertEquals(8, impl.committer.queued());
      } finally {
        impl.committer.releaseCommits();
      }
      for (Thread t : ts) {
        t.join();
      }
      if (!errors.isEmpty()) {
        throw new AssertionError(errors.peek());
      }
      assertEquals(v0 + 8, store.latestVersion());
      assertEquals(before + 1, impl.committer.batches(), "eight queued commits, one meta write");
      try (ReadTxn r = store.read()) {
        assertEquals(8, r.tree("t").orElseThrow().size());
      }
      // each version writes its tree's leaf and the directory; the history and dead-list trees
      // and the free map are written once, by the batch's last version
      for (long v = v0 + 1; v < v0 + 8; v++) {
        assertEquals(2, store.version(v).orElseThrow().pagesWritten(), "pages of version " + v);
      }
      assertTrue(store.version(v0 + 8).orElseThrow().pagesWritten() > 2);
      Verifier.check(store);
    }
  }

  /** Eight threads committing with fsync: every commit lands once, conflicts retry, fsyncs are shared. */
  @Test
  void groupCommitUnderEightThreads() throws Exception {
    try (Store store = Store.open(dir.resolve("g.db"))) {
      store.update(t -> {
        Tree tr = t.createTree("t");
        tr.put(key("shared"), num(0));
      });
      long before = store.latestVersion();
      int threads = 8;
      int perThread = 60;
      AtomicInteger sharedIncrements = new AtomicInteger();
      AtomicInteger conflicts = new AtomicInteger();
      ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<Long> versions = new ConcurrentLinkedQueue<>();
      List<Thread> ts = new ArrayList<>();
      for (int th = 0; th < threads; th++) {
        int id = th;
        ts.add(new Thread(() -> {
          try {
            for (int i = 0; i < perThread; i++) {
              int n = i;
              versions.add(store.update(t -> {
                Tree tr = t.tree("t").orElseThrow();
                tr.put(key("own-" + id + "-" + n), num(n));
                byte[] c = tr.get(key("count-" + id));
                tr.put(key("count-" + id), num(c == null ? 1 : num(c) + 1));
              }));
              if (n % 4 == 0) {
                while (true) {
                  try {
                    versions.add(store.update(t -> {
                      Tree tr = t.tree("t").orElseThrow();
                      tr.put(key("shared"), num(num(tr.get(key("shared"))) + 1));
                    }));
                    sharedIncrements.incrementAndGet();
                    break;
                  } catch (StorageException e) {
                    assertEquals(ErrorCode.CONFLICT, e.code());
                    conflicts.incrementAndGet();
                  }
                }
              }
            }
          } catch (Throwable e) {
            errors.add(e);
          }
        }));
      }
      ts.forEach(Thread::start);
      for (Thread t : ts) {
        t.join();
      }
      if (!errors.isEmpty()) {
        throw new AssertionError(errors.peek());
      }
      long commits = (long) threads * perThread + sharedIncrements.get();
      assertEquals(before + commits, store.latestVersion());
      assertEquals(commits, versions.stream().distinct().count(), "every commit got its own version");
      try (ReadTxn r = store.read()) {
        Tree t = r.tree("t").orElseThrow();
        for (int th = 0; th < threads; th++) {
          assertEquals(perThread, num(t.get(key("count-" + th))));
          for (int i = 0; i < perThread; i++) {
            assertArrayEquals(num(i), t.get(key("own-" + th + "-" + i)));
          }
        }
        assertEquals(sharedIncrements.get(), num(t.get(key("shared"))));
      }
      StoreImpl impl = (StoreImpl) store;
      System.out.println("group commit: " + commits + " commits in " + impl.committer.batches()
          + " batches (fsync pairs), " + conflicts.get() + " conflicts retried");
      assertTrue(impl.committer.batches() <= commits);
      Verifier.check(store);
    }
  }

  /** A leader that will fsync waits for an open writer to queue, and both share one batch. */
  @Test
  void leaderGathersTheCommitOfAnOpenWriter() throws Exception {
    try (Store store = Store.open(dir.resolve("gather.db"))) {
      store.update(t -> t.createTree("t"));
      StoreImpl impl = (StoreImpl) store;
      impl.committer.gatherLimit = 20_000_000_000L;
      long before = impl.committer.batches();
      long v0 = store.latestVersion();
      WriteTxn open = store.begin();
      open.tree("t").orElseThrow().put(key("open"), num(1));
      ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
      Thread leader = new Thread(() -> {
        try {
          store.update(w -> w.tree("t").orElseThrow().put(key("leader"), num(2)));
        } catch (Throwable e) {
          errors.add(e);
        }
      });
      long t0 = System.nanoTime();
      leader.start();
      long deadline = t0 + 10_000_000_000L;
      while (!impl.committer.gathering() && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      assertTrue(impl.committer.gathering(), "the leader waits for the open writer");
      open.commit();
      leader.join();
      long waited = System.nanoTime() - t0;
      if (!errors.isEmpty()) {
        throw new AssertionError(errors.peek());
      }
      assertTrue(waited < 10_000_000_000L, "the wait ended when the writer queued, not at its limit");
      assertEquals(before + 1, impl.committer.batches(), "two commits, one batch");
      assertEquals(v0 + 2, store.latestVersion());
      try (ReadTxn r = store.read()) {
        assertEquals(2, r.tree("t").orElseThrow().size());
      }
      Verifier.check(store);
    }
  }

  /** A writer left open makes gathering wait in vain, and then back off: few commits wait. */
  @Test
  void gatheringBacksOffWhileAWriterStaysOpen() throws Exception {
    try (Store store = Store.open(dir.resolve("idle.db"))) {
      store.update(t -> t.createTree("t"));
      StoreImpl impl = (StoreImpl) store;
      impl.committer.gatherLimit = 1_000_000L;
      try (WriteTxn idle = store.begin()) {
        idle.tree("t").orElseThrow().put(key("idle"), num(0));
        for (int i = 0; i < 200; i++) {
          byte[] k = key("k" + i);
          store.update(w -> w.tree("t").orElseThrow().put(k, num(1)));
        }
        // waits at the 1st, 3rd, 7th, 15th, 31st, 63rd and 127th of 200 batches
        assertEquals(7, impl.committer.gatherWaits());
      }
      try (ReadTxn r = store.read()) {
        assertEquals(200, r.tree("t").orElseThrow().size());
      }
      Verifier.check(store);
    }
  }
}
