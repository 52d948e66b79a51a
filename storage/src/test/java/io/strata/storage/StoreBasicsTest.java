package io.strata.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreBasicsTest {
  @TempDir
  Path dir;

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String s(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  static byte[] key(int i) {
    return b(String.format("k%08d", i));
  }

  @Test
  void putGetDeleteAcrossVersions() {
    try (Store store = Store.inMemory()) {
      assertEquals(0, store.latestVersion());
      long v1 = store.update(t -> {
        Tree tr = t.createTree("a");
        tr.put(b("x"), b("1"));
        tr.put(b("y"), b("2"));
      });
      long v2 = store.update(t -> {
        Tree tr = t.tree("a").orElseThrow();
        tr.put(b("x"), b("10"));
        assertTrue(tr.delete(b("y")));
        assertFalse(tr.delete(b("nope")));
      });
      assertEquals(1, v1);
      assertEquals(2, v2);
      try (ReadTxn r = store.read(v1)) {
        Tree tr = r.tree("a").orElseThrow();
        assertEquals("1", s(tr.get(b("x"))));
        assertEquals("2", s(tr.get(b("y"))));
        assertEquals(2, tr.size());
      }
      try (ReadTxn r = store.read()) {
        Tree tr = r.tree("a").orElseThrow();
        assertEquals("10", s(tr.get(b("x"))));
        assertNull(tr.get(b("y")));
        assertEquals(1, tr.size());
        assertThrows(StorageException.class, () -> tr.put(b("z"), b("3")));
      }
      try (ReadTxn r = store.read(0)) {
        assertTrue(r.tree("a").isEmpty());
      }
      assertEquals(List.of(0L, 1L, 2L), store.versions().stream().map(Version::id).toList());
      Verifier.check(store);
    }
  }

  @Test
  void manyKeysSplitAndMergeWithCursors() {
    try (Store store = Store.inMemory()) {
      int n = 20000;
      store.update(t -> {
        Tree tr = t.createTree("t");
        for (int i = 0; i < n; i += 2) {
          tr.put(key(i), b("v" + i));
        }
      });
      store.update(t -> {
        Tree tr = t.tree("t").orElseThrow();
        for (int i = 1; i < n; i += 2) {
          tr.put(key(i), b("v" + i));
        }
      });
      try (ReadTxn r = store.read(); Cursor c = r.tree("t").orElseThrow().cursor()) {
        int i = 0;
        for (boolean ok = c.first(); ok; ok = c.next()) {
          assertArrayEquals(key(i), c.key());
          assertEquals("v" + i, s(c.value()));
          i++;
        }
        assertEquals(n, i);
        for (boolean ok = c.last(); ok; ok = c.prev()) {
          i--;
          assertArrayEquals(key(i), c.key());
        }
        assertEquals(0, i);
      }
      try (ReadTxn r = store.read(); Cursor c = r.tree("t").orElseThrow().cursor(key(100), key(200))) {
        assertTrue(c.seek(key(5)));
        assertArrayEquals(key(100), c.key());
        assertTrue(c.last());
        assertArrayEquals(key(199), c.key());
        assertTrue(c.seekFloor(key(150)));
        assertArrayEquals(key(150), c.key());
        assertTrue(c.seekFloor(b("k00000150x")));
        assertArrayEquals(key(150), c.key());
        assertFalse(c.seekFloor(key(99)));
        assertTrue(c.seekFloor(key(5000)));
        assertArrayEquals(key(199), c.key());
        assertFalse(c.next());
      }
      store.update(t -> {
        Tree tr = t.tree("t").orElseThrow();
        for (int i = 0; i < n; i++) {
          if (i % 7 != 0) {
            assertTrue(tr.delete(key(i)));
          }
        }
      });
      try (ReadTxn r = store.read()) {
        Tree tr = r.tree("t").orElseThrow();
        assertEquals((n + 6) / 7, tr.size());
        try (Cursor c = tr.cursor()) {
          int i = 0;
          for (boolean ok = c.first(); ok; ok = c.next()) {
            assertArrayEquals(key(i), c.key());
            i += 7;
          }
        }
      }
      Verifier.check(store);
    }
  }

  /**
   * A cursor with an end key skips comparing keys inside a leaf whose last key is below the end;
   * when its own transaction changes that leaf, it must judge the leaf again.
   */
  @Test
  void aBoundedCursorStopsAtItsEndWhileItsTreeChanges() {
    try (Store store = Store.inMemory()) {
      store.update(t -> {
        Tree tr = t.createTree("t");
        for (int i = 0; i < 100; i += 10) {
          tr.put(key(i), b("v" + i));
        }
      });
      store.update(t -> {
        Tree tr = t.tree("t").orElseThrow();
        // the leaf is this transaction's own (dirty) node, changed in place below
        tr.put(key(5), b("first"));
        List<String> seen = new ArrayList<>();
        try (Cursor c = tr.cursor(key(0), key(100))) {
          for (boolean on = c.first(); on; on = c.next()) {
            seen.add(s(c.key()));
            if (Arrays.equals(c.key(), key(20))) {
              // the leaf's keys were all below the end; now some are past it, one is ahead
              tr.put(key(100), b("end"));
              tr.put(key(101), b("past"));
              tr.put(key(55), b("inside"));
            }
          }
        }
        List<String> want = new ArrayList<>();
        for (int i : new int[] {0, 5, 10, 20, 30, 40, 50, 55, 60, 70, 80, 90}) {
          want.add(s(key(i)));
        }
        assertEquals(want, seen);
      });
      Verifier.check(store);
    }
  }

  /** Read transactions share the tree states of a directory; each must still see its own version. */
  @Test
  void interleavedReadersOfManyVersionsSeeTheirOwnTrees() {
    try (Store store = Store.inMemory()) {
      long v1 = store.update(t -> t.createTree("a").put(b("x"), b("1")));
      long v2 = store.update(t -> {
        t.tree("a").orElseThrow().put(b("x"), b("2"));
        t.createTree("b").put(b("y"), b("3"));
      });
      long v3 = store.update(t -> t.dropTree("a"));
      // a commit that leaves the directory as it was (a named snapshot) shares its directory
      store.pin("before-drop", v2);
      long v4 = store.latestVersion();
      for (int round = 0; round < 3; round++) {
        for (long v : new long[] {v1, v2, v3, v4, v2, v1}) {
          try (ReadTxn r = store.read(v)) {
            String x = r.tree("a").map(tr -> s(tr.get(b("x")))).orElse(null);
            String y = r.tree("b").map(tr -> s(tr.get(b("y")))).orElse(null);
            String want = v == v1 ? "1/null" : v == v2 ? "2/3" : "null/3";
            assertEquals(want, x + "/" + y, "version " + v);
            assertSame(r.tree("b").orElse(null), r.tree("b").orElse(null));
          }
        }
      }
      Verifier.check(store);
    }
  }

  @Test
  void largeValuesAndKeyLimits() {
    try (Store store = Store.inMemory()) {
      byte[] big = new byte[16 << 20];
      new Random(1).nextBytes(big);
      byte[] mid = new byte[5000];
      new Random(2).nextBytes(mid);
      byte[] longKey = new byte[2048];
      java.util.Arrays.fill(longKey, (byte) 7);
      store.update(t -> {
        Tree tr = t.createTree("big");
        tr.put(b("big"), big);
        tr.put(b("mid"), mid);
        tr.put(longKey, mid);
        byte[] longKey2 = longKey.clone();
        longKey2[2047] = 8;
        tr.put(longKey2, b("x"));
        StorageException e = assertThrows(StorageException.class, () -> tr.put(new byte[4000], b("x")));
        assertEquals(ErrorCode.KEY_TOO_LARGE, e.code());
        assertArrayEquals(big, tr.get(b("big")));
      });
      try (ReadTxn r = store.read()) {
        Tree tr = r.tree("big").orElseThrow();
        assertArrayEquals(big, tr.get(b("big")));
        assertArrayEquals(mid, tr.get(b("mid")));
        assertArrayEquals(mid, tr.get(longKey));
      }
      store.update(t -> t.tree("big").orElseThrow().put(b("big"), b("small now")));
      try (ReadTxn r = store.read(1)) {
        assertArrayEquals(big, r.tree("big").orElseThrow().get(b("big")));
      }
      Verifier.check(store);
    }
  }

  @Test
  void firstCommitterWins() {
    try (Store store = Store.inMemory()) {
      store.update(t -> t.createTree("t").put(b("a"), b("0")));
      WriteTxn w1 = store.begin();
      WriteTxn w2 = store.begin();
      WriteTxn w3 = store.begin();
      w1.tree("t").orElseThrow().put(b("a"), b("1"));
      w2.tree("t").orElseThrow().put(b("a"), b("2"));
      w3.tree("t").orElseThrow().put(b("b"), b("3"));
      long v = w1.commit();
      StorageException e = assertThrows(StorageException.class, w2::commit);
      assertEquals(ErrorCode.CONFLICT, e.code());
      assertThrows(StorageException.class, () -> w2.tree("t"));
      long v3 = w3.commit();
      assertEquals(v + 1, v3);
      try (ReadTxn r = store.read()) {
        Tree t = r.tree("t").orElseThrow();
        assertEquals("1", s(t.get(b("a"))));
        assertEquals("3", s(t.get(b("b"))));
        assertEquals(2, t.size());
      }
      Verifier.check(store);
    }
  }

  /**
   * A note is cut to the longest length whose history record still sits inline in a leaf (the
   * verifier allows no overflow values in internal trees), and survives reopening.
   */
  @Test
  void longNotesAreCutToFitTheHistoryAndSurviveReopening() {
    Path file = dir.resolve("notes.db");
    String longest = "n".repeat(History.MAX_NOTE);
    long spilled;
    try (Store store = Store.open(file, StoreOptions.defaults())) {
      store.update(t -> t.createTree("t").put(b("a"), b("0")));
      try (WriteTxn w = store.begin()) {
        w.tree("t").orElseThrow().put(b("b"), b("1"));
        w.describe(longest + " and what is cut off");
        spilled = w.commit();
      }
      store.update(t -> t.tree("t").orElseThrow().put(b("c"), b("2")));
      assertEquals(longest, store.version(spilled).orElseThrow().note());
      Verifier.check(store);
    }
    try (Store store = Store.open(file, StoreOptions.defaults())) {
      assertEquals(longest, store.version(spilled).orElseThrow().note());
      assertEquals("", store.version(spilled + 1).orElseThrow().note());
      Verifier.check(store);
    }
  }

  @Test
  void savepoints() {
    try (Store store = Store.inMemory()) {
      store.update(t -> t.createTree("t").put(b("a"), b("0")));
      try (WriteTxn w = store.begin()) {
        Tree t = w.tree("t").orElseThrow();
        t.put(b("b"), b("1"));
        WriteTxn.Savepoint sp = w.savepoint();
        t.put(b("c"), b("2"));
        t.delete(b("a"));
        w.createTree("u").put(b("q"), b("q"));
        assertEquals(2, t.size());
        w.rollbackTo(sp);
        assertEquals(2, t.size());
        assertEquals("0", s(t.get(b("a"))));
        assertNull(t.get(b("c")));
        assertTrue(w.tree("u").isEmpty());
        w.describe("test savepoints");
        w.commit();
      }
      assertEquals("test savepoints", store.version(2).orElseThrow().note());
      try (ReadTxn r = store.read()) {
        assertEquals(List.of("t"), r.treeNames());
        assertEquals(2, r.tree("t").orElseThrow().size());
      }
      Verifier.check(store);
    }
  }

  @Test
  void releasedSavepointsKeepChangesAndLetPagesChangeInPlace() {
    try (Store store = Store.inMemory()) {
      store.update(t -> t.createTree("t").put(b("a"), b("0")));
      try (WriteTxn w = store.begin()) {
        Tree t = w.tree("t").orElseThrow();
        WriteTxn.Savepoint outer = w.savepoint();
        t.put(b("b"), b("1"));
        for (int i = 0; i < 100; i++) {
          // one savepoint per statement, released when the statement succeeds
          WriteTxn.Savepoint stmt = w.savepoint();
          t.put(b("k" + i), b("v" + i));
          w.release(stmt);
          assertThrows(StorageException.class, () -> w.rollbackTo(stmt));
        }
        WriteTxn.Savepoint failed = w.savepoint();
        t.put(b("x"), b("x"));
        w.rollbackTo(failed);
        w.release(failed);
        assertNull(t.get(b("x")));
        assertEquals(102, t.size());
        w.rollbackTo(outer); // the outer savepoint still returns to its state
        assertEquals(1, t.size());
        t.put(b("c"), b("2"));
        w.release(outer);
        w.commit();
      }
      try (ReadTxn r = store.read()) {
        Tree t = r.tree("t").orElseThrow();
        assertEquals(2, t.size());
        assertEquals("2", s(t.get(b("c"))));
      }
      Verifier.check(store);
    }
  }

  @Test
  void reopenFileAndSharedInstance() {
    Path f = dir.resolve("db.strata");
    Store s1 = Store.open(f);
    Store s2 = Store.open(dir.resolve(".").resolve("db.strata"));
    assertSame(s1, s2);
    s1.update(t -> {
      Tree tr = t.createTree("t");
      for (int i = 0; i < 5000; i++) {
        tr.put(key(i), b("v" + i));
      }
    });
    s1.pin("snap", 1);
    s1.close();
    assertTrue(s2.isOpen());
    s2.close();
    assertFalse(s2.isOpen());
    try (Store s3 = Store.open(f)) {
      assertEquals(2, s3.latestVersion());
      assertEquals(1L, s3.snapshots().get("snap"));
      try (ReadTxn r = s3.read()) {
        assertEquals(5000, r.tree("t").orElseThrow().size());
        assertEquals("v77", s(r.tree("t").orElseThrow().get(key(77))));
      }
      Instant t1 = s3.version(1).orElseThrow().commitTime();
      assertEquals(1, s3.versionAt(t1).orElseThrow().id());
      assertEquals(2, s3.versionAt(Instant.now()).orElseThrow().id());
      Verifier.check(s3);
    }
  }

  @Test
  void retentionKeepsLastN() {
    try (Store store = Store.inMemory(StoreOptions.defaults().withRetention(StoreOptions.Retention.keepLast(3)))) {
      store.update(t -> t.createTree("t"));
      for (int i = 0; i < 50; i++) {
        int k = i;
        store.update(t -> t.tree("t").orElseThrow().put(b("k"), b("v" + k)));
        Verifier.check(store);
      }
      List<Long> ids = new ArrayList<>();
      store.versions().forEach(v -> ids.add(v.id()));
      assertEquals(List.of(49L, 50L, 51L), ids);
      StorageException e = assertThrows(StorageException.class, () -> store.read(10));
      assertEquals(ErrorCode.VERSION_NOT_RETAINED, e.code());
      try (ReadTxn r = store.read(49)) {
        assertEquals("v47", s(r.tree("t").orElseThrow().get(b("k"))));
      }
    }
  }
}
