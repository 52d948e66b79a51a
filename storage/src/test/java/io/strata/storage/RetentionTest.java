package io.strata.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Free space by page birth and death: bounded files under retention, exact frees of middle versions. */
class RetentionTest {
  @TempDir
  Path dir;

  static byte[] num(long v) {
    return ByteBuffer.allocate(8).putLong(v).array();
  }

  static byte[] key(int i) {
    return String.format("key%06d", i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The bound stated in docs/storage.md: 64 pages (256 KiB at 4 KiB pages). */
  static final long BOUND_PAGES = 64;

  @Test
  void keepLastTenStaysBoundedOverHundredThousandCommits() throws Exception {
    Path f = dir.resolve("last10.db");
    StoreOptions opts = StoreOptions.defaults().withSync(StoreOptions.SyncMode.NONE)
        .withRetention(StoreOptions.Retention.keepLast(10));
    long maxSize = 0;
    try (Store store = Store.open(f, opts)) {
      store.update(t -> t.createTree("t").put(key(0), num(0)));
      for (int i = 1; i <= 100_000; i++) {
        long n = i;
        store.update(t -> t.tree("t").orElseThrow().put(key(0), num(n)));
        if (i % 1000 == 0) {
          maxSize = Math.max(maxSize, Files.size(f));
        }
        if (i % 25_000 == 0) {
          Verifier.check(store);
        }
      }
      assertEquals(10, store.versions().size());
      long latest = store.latestVersion();
      for (long v = latest - 9; v <= latest; v++) {
        try (ReadTxn r = store.read(v)) {
          assertArrayEquals(num(v - 1), r.tree("t").orElseThrow().get(key(0)));
        }
      }
      assertEquals(ErrorCode.VERSION_NOT_RETAINED, assertThrows(StorageException.class, () -> store.read(latest - 10)).code());
      Verifier.Report rep = Verifier.check(store);
      System.out.println("keep-last-10 after 100,000 commits: largest file " + maxSize + " bytes, " + rep);
    }
    assertTrue(maxSize <= BOUND_PAGES * 4096, "file grew to " + maxSize + " bytes");
  }

  @Test
  void keepAllKeepsEveryVersionReadable() {
    Path f = dir.resolve("all.db");
    StoreOptions opts = StoreOptions.defaults().withSync(StoreOptions.SyncMode.NONE);
    int commits = 10_000;
    try (Store store = Store.open(f, opts)) {
      store.update(t -> t.createTree("t"));
      for (int i = 0; i < commits; i++) {
        long n = i;
        store.update(t -> t.tree("t").orElseThrow().put(key(0), num(n)));
      }
    }
    try (Store store = Store.open(f, opts)) {
      assertEquals(commits + 2, store.versions().size());
      for (int i = 0; i < commits; i++) {
        try (ReadTxn r = store.read(i + 2)) {
          assertArrayEquals(num(i), r.tree("t").orElseThrow().get(key(0)));
        }
      }
      Verifier.check(store);
    }
  }

  /** Pages reachable from version v's trees. */
  static BitSet pagesOf(StoreImpl s, long v) {
    BitSet out = new BitSet();
    History.Entry e = History.lookup(s.pager, s.pager.node(s.latest.historyRoot()), v);
    walk(s.pager, e.dirRoot(), out, true);
    return out;
  }

  private static void walk(Pager p, long page, BitSet out, boolean directory) {
    if (page == 0) {
      return;
    }
    out.set((int) page);
    Node x = p.node(page);
    if (x.leaf) {
      for (int i = 0; i < x.n; i++) {
        if (x.vals[i] instanceof Overflow o) {
          LongList l = new LongList();
          p.overflowPages(o, l);
          for (int k = 0; k < l.size(); k += 2) {
            out.set((int) l.get(k));
          }
        } else if (directory) {
          walk(p, Directory.root((byte[]) x.vals[i]), out, false);
        }
      }
    } else {
      for (int i = 0; i < x.n; i++) {
        walk(p, x.childIds[i], out, directory);
      }
    }
  }

  @Test
  void droppingAMiddleVersionFreesExactlyItsPages() {
    try (StoreImpl store = (StoreImpl) Store.inMemory(StoreOptions.defaults()
        .withRetention(StoreOptions.Retention.keepLast(1)))) {
      store.update(t -> {
        Tree tr = t.createTree("t");
        for (int i = 0; i < 3000; i++) {
          tr.put(key(i), num(i));
        }
      });
      long middle = store.update(t -> {
        Tree tr = t.tree("t").orElseThrow();
        for (int i = 0; i < 3000; i += 3) {
          tr.put(key(i), num(-i));
        }
        tr.put(key(99_999), new byte[20_000]);
      });
      store.pin("middle", middle);
      for (int round = 0; round < 5; round++) {
        store.update(t -> {
          Tree tr = t.tree("t").orElseThrow();
          for (int i = 1; i < 3000; i += 3) {
            tr.put(key(i), num(7));
          }
          tr.delete(key(99_999));
        });
      }
      assertTrue(store.versions().stream().anyMatch(v -> v.id() == middle));
      Verifier.check(store);
      BitSet only = pagesOf(store, middle);
      only.andNot(pagesOf(store, store.latestVersion()));
      assertTrue(only.cardinality() > 10, "the middle version should own pages");
      BitSet freeBefore = store.committer.free.allFree();
      assertTrue(only.stream().noneMatch(freeBefore::get));
      store.unpin("middle");
      assertFalse(store.versions().stream().anyMatch(v -> v.id() == middle));
      BitSet freeAfter = store.committer.free.allFree();
      for (int p = only.nextSetBit(0); p >= 0; p = only.nextSetBit(p + 1)) {
        assertTrue(freeAfter.get(p), "page " + p + " only the dropped version needed is not free");
      }
      // the verifier proves nothing else was freed (no reachable page is free, no page leaked)
      Verifier.check(store);
      try (ReadTxn r = store.read()) {
        assertArrayEquals(num(7), r.tree("t").orElseThrow().get(key(1)));
        assertArrayEquals(num(-3), r.tree("t").orElseThrow().get(key(3)));
      }
    }
  }

  @Test
  void maxAgeRetentionAndVacuum() throws Exception {
    try (Store store = Store.inMemory(StoreOptions.defaults()
        .withRetention(StoreOptions.Retention.keepFor(Duration.ofMillis(200))))) {
      store.update(t -> t.createTree("t").put(key(1), num(1)));
      store.update(t -> t.tree("t").orElseThrow().put(key(1), num(2)));
      long v = store.latestVersion();
      assertEquals(v + 1, store.versions().size());
      Thread.sleep(300);
      store.vacuum();
      assertEquals(1, store.versions().size());
      assertTrue(store.versionAt(java.time.Instant.now().minusSeconds(3600)).isEmpty());
      try (ReadTxn r = store.read()) {
        assertArrayEquals(num(2), r.tree("t").orElseThrow().get(key(1)));
      }
      Verifier.check(store);
    }
  }

  @Test
  void openReaderPinsItsVersionUntilClosed() {
    try (Store store = Store.inMemory(StoreOptions.defaults().withRetention(StoreOptions.Retention.keepLast(1)))) {
      store.update(t -> t.createTree("t").put(key(1), num(1)));
      ReadTxn old = store.read();
      for (int i = 0; i < 20; i++) {
        long n = i;
        store.update(t -> t.tree("t").orElseThrow().put(key(1), num(100 + n)));
      }
      assertArrayEquals(num(1), old.tree("t").orElseThrow().get(key(1)));
      Verifier.check(store);
      long ov = old.version();
      old.close();
      store.vacuum();
      assertEquals(ErrorCode.VERSION_NOT_RETAINED, assertThrows(StorageException.class, () -> store.read(ov)).code());
      Verifier.check(store);
    }
  }

  /** A version read by number (its history entry remembered) is still refused once dropped. */
  @Test
  void versionReadByNumberIsRefusedOnceDropped() {
    try (Store store = Store.inMemory(StoreOptions.defaults().withRetention(StoreOptions.Retention.keepLast(2)))) {
      store.update(t -> t.createTree("t").put(key(1), num(1)));
      long v = store.latestVersion();
      for (int round = 0; round < 3; round++) {
        try (ReadTxn r = store.read(v)) {
          assertArrayEquals(num(1), r.tree("t").orElseThrow().get(key(1)));
        }
      }
      assertTrue(store.version(v).isPresent());
      for (int i = 0; i < 5; i++) {
        long n = i;
        store.update(t -> t.tree("t").orElseThrow().put(key(1), num(100 + n)));
      }
      store.vacuum();
      assertEquals(ErrorCode.VERSION_NOT_RETAINED,
          assertThrows(StorageException.class, () -> store.read(v)).code());
      assertTrue(store.version(v).isEmpty());
      Verifier.check(store);
    }
  }

  /**
   * Large commits take their pages as runs of consecutive free pages (FreeSpace): random batches
   * that each rewrite most leaves keep every value, verify clean after every batch and after
   * reopening, and reuse space: the file stays within a small multiple of the pages they reach.
   */
  @Test
  void largeRandomBatchesAllocateRunsAndStayBounded() {
    long seed = System.nanoTime();
    System.out.println("largeRandomBatchesAllocateRunsAndStayBounded seed " + seed);
    java.util.Random rnd = new java.util.Random(seed);
    Path f = dir.resolve("runs.db");
    StoreOptions opts = StoreOptions.defaults().withSync(StoreOptions.SyncMode.NONE)
        .withRetention(StoreOptions.Retention.keepLast(3));
    int keys = 20_000;
    long[] model = new long[keys];
    Verifier.Report last = null;
    long maxPages = 0;
    try (Store store = Store.open(f, opts)) {
      loadTree(store, keys);
      for (int batch = 1; batch <= 40; batch++) {
        long b = batch;
        int[] picked = new int[2_000];
        for (int i = 0; i < picked.length; i++) {
          picked[i] = rnd.nextInt(keys);
        }
        store.update(t -> {
          Tree tree = t.tree("t").orElseThrow();
          for (int k : picked) {
            tree.put(key(k), value(k, b));
          }
        });
        for (int k : picked) {
          model[k] = b;
        }
        last = Verifier.check(store);
        maxPages = Math.max(maxPages, last.pageCount());
      }
    }
    try (Store store = Store.open(f, opts); ReadTxn r = store.read()) {
      Tree tree = r.tree("t").orElseThrow();
      for (int i = 0; i < keys; i++) {
        assertArrayEquals(value(i, model[i]), tree.get(key(i)), "key " + i);
      }
      Verifier.check(store);
    }
    System.out.println("random batches: " + last + ", largest page count " + maxPages);
    // holes are filled once over half of the file is free, so the file stays near twice what the
    // retained versions reach (about 1,700 pages here)
    assertTrue(maxPages <= 3 * (last.reachablePages() + 64), "file grew to " + maxPages + " pages");
  }

  /**
   * Under retention=all, every commit replaces pages of the internal trees and the free map, and
   * those come free as single pages among the runs of user-tree pages. Large commits must refill
   * them too: a workload of nothing but large commits keeps its free set small instead of adding
   * to it with every commit (each commit writes the whole set out).
   */
  @Test
  void largeCommitsRefillTheHolesTheirInternalPagesLeave() {
    long seed = System.nanoTime();
    System.out.println("largeCommitsRefillTheHolesTheirInternalPagesLeave seed " + seed);
    java.util.Random rnd = new java.util.Random(seed);
    StoreOptions opts = StoreOptions.defaults().withSync(StoreOptions.SyncMode.NONE);
    int keys = 20_000;
    Verifier.Report last = null;
    try (Store store = Store.open(dir.resolve("holes.db"), opts)) {
      loadTree(store, keys);
      for (int batch = 1; batch <= 60; batch++) {
        long b = batch;
        int[] picked = rnd.ints(1_000, 0, keys).toArray();
        store.update(t -> {
          Tree tree = t.tree("t").orElseThrow();
          for (int k : picked) {
            tree.put(key(k), value(k, b));
          }
        });
      }
      last = Verifier.check(store);
    }
    System.out.println("60 large commits under retention=all: " + last);
    assertEquals(62, last.versions(), "creation, the load and 60 batches are all kept");
    assertTrue(last.freePages() <= 64, "free set grew to " + last.freePages() + " pages");
  }

  /** Creates tree t holding keys 0..keys-1, each at its batch-0 value, in one commit. */
  private static void loadTree(Store store, int keys) {
    store.update(t -> {
      Tree tree = t.createTree("t");
      for (int i = 0; i < keys; i++) {
        tree.put(key(i), value(i, 0));
      }
    });
  }

  private static byte[] value(int k, long batch) {
    byte[] v = new byte[100];
    ByteBuffer.wrap(v).putInt(k).putLong(batch);
    return v;
  }
}
