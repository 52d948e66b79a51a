package io.strata.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Randomized model test: random puts, deletes, scans, tree creates and drops, savepoints, commits,
 * aborts, snapshot pins, readers, version drops, vacuums and reopens against a simple model that
 * keeps every version. After each step every retained version must read exactly as the model says.
 * Run long with {@code -Dstrata.model.ops=1000000}; pick a seed with {@code -Dstrata.model.seed=N}.
 */
class ModelTest {

  /** Keys compare as unsigned bytes, like the store. */
  static final java.util.Comparator<byte[]> CMP = Arrays::compareUnsigned;

  /** A version of the model: tree name → sorted map. */
  static TreeMap<String, TreeMap<byte[], byte[]>> copy(TreeMap<String, TreeMap<byte[], byte[]>> m) {
    TreeMap<String, TreeMap<byte[], byte[]>> c = new TreeMap<>();
    m.forEach((k, v) -> c.put(k, new TreeMap<>(v)));
    return c;
  }

  @Test
  void randomized() {
    long ops = Long.getLong("strata.model.ops", 60_000);
    Long fixed = Long.getLong("strata.model.seed");
    long seed = fixed != null ? fixed : System.nanoTime();
    int rounds = fixed != null ? 1 : 3;
    for (int r = 0; r < rounds; r++) {
      long s = seed + r;
      System.out.println("ModelTest seed " + s + " (rerun with -Dstrata.model.seed=" + s + ")");
      try {
        run(s, ops / rounds);
      } catch (Throwable t) {
        throw new AssertionError("ModelTest failed with seed " + s + ": " + t, t);
      }
    }
  }

  private static byte[] randomKey(Random rnd, int keySpace) {
    int k = rnd.nextInt(keySpace);
    int len = rnd.nextInt(20) == 0 ? 200 + rnd.nextInt(1800) : 1 + rnd.nextInt(12);
    byte[] b = new byte[len];
    for (int i = 0; i < len; i++) {
      b[i] = (byte) ((k >>> ((i % 4) * 8)) + i);
    }
    b[0] = (byte) (k >>> 2);
    return b;
  }

  private static byte[] randomValue(Random rnd) {
    int len = switch (rnd.nextInt(50)) {
      case 0 -> 1000 + rnd.nextInt(30000);
      case 1, 2 -> 200 + rnd.nextInt(1500);
      default -> rnd.nextInt(40);
    };
    byte[] v = new byte[len];
    rnd.nextBytes(v);
    return v;
  }

  private void run(long seed, long ops) {
    Random rnd = new Random(seed);
    StoreOptions.Retention retention = switch (rnd.nextInt(3)) {
      case 0 -> StoreOptions.Retention.keepAll();
      default -> StoreOptions.Retention.keepLast(1 + rnd.nextInt(6));
    };
    StoreOptions opts = StoreOptions.defaults().withRetention(retention).withSync(StoreOptions.SyncMode.NONE)
        .withStrict(Boolean.getBoolean("strata.model.strict"));
    int keySpace = 50 + rnd.nextInt(600);
    MemoryPageIO io = new MemoryPageIO();
    StoreImpl store = StoreImpl.open(io, opts);
    Map<Long, TreeMap<String, TreeMap<byte[], byte[]>>> model = new HashMap<>();
    model.put(0L, new TreeMap<>());
    Map<String, Long> pins = new HashMap<>();
    List<ReadTxn> readers = new ArrayList<>();
    long done = 0;
    int step = 0;
    while (done < ops) {
      step++;
      int what = rnd.nextInt(100);
      if (what < 70) {
        done += transaction(rnd, store, model, keySpace);
      } else if (what < 76) {
        // pin a retained version, or unpin
        List<Version> vs = store.versions();
        if (rnd.nextBoolean() || pins.isEmpty()) {
          long v = vs.get(rnd.nextInt(vs.size())).id();
          String name = "s" + rnd.nextInt(4);
          store.pin(name, v);
          pins.put(name, v);
        } else {
          String name = new ArrayList<>(pins.keySet()).get(rnd.nextInt(pins.size()));
          store.unpin(name);
          pins.remove(name);
        }
        model.put(store.latestVersion(), copy(model.get(store.latestVersion() - 1)));
        done++;
      } else if (what < 82) {
        // open or close a long reader on an old version
        if (readers.size() < 3 && rnd.nextBoolean()) {
          List<Version> vs = store.versions();
          readers.add(store.read(vs.get(rnd.nextInt(vs.size())).id()));
        } else if (!readers.isEmpty()) {
          readers.remove(rnd.nextInt(readers.size())).close();
        }
      } else if (what < 86) {
        long before = store.latestVersion();
        store.vacuum();
        if (store.latestVersion() != before) {
          model.put(store.latestVersion(), copy(model.get(before)));
        }
        done++;
      } else if (what < 88) {
        for (ReadTxn rt : readers) {
          rt.close();
        }
        readers.clear();
        store.close();
        store = StoreImpl.open(io, opts);
        assertEquals(pins, store.snapshots());
      } else {
        done += checkVersions(rnd, store, model, readers, rnd.nextInt(10) == 0);
      }
      if (step % 25 == 0) {
        Verifier.check(store);
      }
      // the retention guarantee: the last N and every pinned version stay readable
      long latest = store.latestVersion();
      Set<Long> listed = new HashSet<>();
      store.versions().forEach(v -> listed.add(v.id()));
      if (retention.kind() == StoreOptions.Retention.Kind.ALL) {
        assertEquals(latest + 1, listed.size(), "keep-all lost versions");
      } else {
        for (long v = Math.max(0, latest - retention.lastN() + 1); v <= latest; v++) {
          assertTrue(listed.contains(v), "version " + v + " of the last " + retention.lastN() + " is gone");
        }
      }
      for (long v : pins.values()) {
        assertTrue(listed.contains(v), "pinned version " + v + " is gone");
      }
      for (ReadTxn rt : readers) {
        checkTxn(rt, model.get(rt.version()));
      }
    }
    for (ReadTxn rt : readers) {
      rt.close();
    }
    checkVersions(rnd, store, model, List.of(), true);
    Verifier.check(store);
    store.close();
  }

  private int transaction(Random rnd, StoreImpl store, Map<Long, TreeMap<String, TreeMap<byte[], byte[]>>> model,
      int keySpace) {
    long base = store.latestVersion();
    TreeMap<String, TreeMap<byte[], byte[]>> state = copy(model.get(base));
    List<Object[]> saves = new ArrayList<>();
    int n = 1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 400 : 30);
    int ops = 0;
    try (WriteTxn w = store.begin()) {
      for (int i = 0; i < n; i++) {
        ops++;
        int what = rnd.nextInt(100);
        if (state.isEmpty() || what < 3) {
          String name = "t" + rnd.nextInt(4);
          if (state.containsKey(name)) {
            w.dropTree(name);
            state.remove(name);
          } else {
            w.createTree(name);
            state.put(name, new TreeMap<>(CMP));
          }
          continue;
        }
        List<String> names = new ArrayList<>(state.keySet());
        String name = names.get(rnd.nextInt(names.size()));
        Tree t = w.tree(name).orElseThrow();
        TreeMap<byte[], byte[]> m = state.get(name);
        if (what < 60) {
          byte[] k = randomKey(rnd, keySpace);
          byte[] v = randomValue(rnd);
          t.put(k, v);
          m.put(k, v);
        } else if (what < 80) {
          byte[] k = rnd.nextBoolean() && !m.isEmpty() ? new ArrayList<>(m.keySet()).get(rnd.nextInt(m.size()))
              : randomKey(rnd, keySpace);
          assertEquals(m.remove(k) != null, t.delete(k));
        } else if (what < 90) {
          byte[] k = randomKey(rnd, keySpace);
          byte[] expect = m.get(k);
          byte[] got = t.get(k);
          if (expect == null) {
            assertNull(got);
          } else {
            assertArrayEquals(expect, got);
          }
          assertEquals(m.size(), t.size());
        } else if (what < 95) {
          scan(rnd, t, m, keySpace);
        } else if (what < 97) {
          saves.add(new Object[] {w.savepoint(), copy(state)});
        } else if (what < 98 && !saves.isEmpty()) {
          // releasing keeps every change and drops this savepoint and the later ones
          int at = rnd.nextInt(saves.size());
          w.release((WriteTxn.Savepoint) saves.get(at)[0]);
          saves.subList(at, saves.size()).clear();
        } else if (what >= 98 && !saves.isEmpty()) {
          int at = rnd.nextInt(saves.size());
          Object[] sp = saves.get(at);
          w.rollbackTo((WriteTxn.Savepoint) sp[0]);
          @SuppressWarnings("unchecked")
          TreeMap<String, TreeMap<byte[], byte[]>> back = (TreeMap<String, TreeMap<byte[], byte[]>>) sp[1];
          state = copy(back);
          saves.subList(at + 1, saves.size()).clear();
        }
      }
      if (rnd.nextInt(10) < 8) {
        w.describe("model step");
        long v = w.commit();
        if (w.isDirty() || v != base) {
          assertEquals(base + 1, v);
          model.put(v, state);
        }
      } else {
        w.abort();
      }
    }
    return ops;
  }

  private static void scan(Random rnd, Tree t, TreeMap<byte[], byte[]> m, int keySpace) {
    byte[] from = rnd.nextInt(3) == 0 ? null : randomKey(rnd, keySpace);
    byte[] to = rnd.nextInt(3) == 0 ? null : randomKey(rnd, keySpace);
    NavigableMap<byte[], byte[]> range;
    if (from != null && to != null && CMP.compare(from, to) > 0) {
      range = new TreeMap<>(CMP);
    } else if (from == null && to == null) {
      range = m;
    } else if (from == null) {
      range = m.headMap(to, false);
    } else if (to == null) {
      range = m.tailMap(from, true);
    } else {
      range = m.subMap(from, true, to, false);
    }
    try (Cursor c = t.cursor(from, to)) {
      boolean backward = rnd.nextBoolean();
      List<byte[]> expect = new ArrayList<>(backward ? range.descendingKeySet() : range.keySet());
      int limit = rnd.nextInt(3) == 0 ? Integer.MAX_VALUE : 20;
      int i = 0;
      for (boolean ok = backward ? c.last() : c.first(); ok && i < limit; ok = backward ? c.prev() : c.next()) {
        assertTrue(i < expect.size(), "cursor returned more entries than the model");
        assertArrayEquals(expect.get(i), c.key());
        assertArrayEquals(range.get(expect.get(i)), c.value());
        i++;
      }
      if (limit == Integer.MAX_VALUE) {
        assertEquals(expect.size(), i);
      }
      byte[] probe = randomKey(rnd, keySpace);
      Map.Entry<byte[], byte[]> ce = range.ceilingEntry(probe);
      boolean found = c.seek(probe);
      assertEquals(ce != null, found);
      if (found) {
        assertArrayEquals(ce.getKey(), c.key());
      }
      Map.Entry<byte[], byte[]> fe = range.floorEntry(probe);
      found = c.seekFloor(probe);
      assertEquals(fe != null, found);
      if (found) {
        assertArrayEquals(fe.getKey(), c.key());
      }
    }
  }

  private static void checkTxn(ReadTxn r, TreeMap<String, TreeMap<byte[], byte[]>> expect) {
    assertEquals(new ArrayList<>(expect.keySet()), r.treeNames(), "trees of version " + r.version());
    for (Map.Entry<String, TreeMap<byte[], byte[]>> e : expect.entrySet()) {
      Tree t = r.tree(e.getKey()).orElseThrow();
      assertEquals(e.getValue().size(), t.size(), "size of " + e.getKey() + " at version " + r.version());
      try (Cursor c = t.cursor()) {
        var it = e.getValue().entrySet().iterator();
        for (boolean ok = c.first(); ok; ok = c.next()) {
          var x = it.next();
          assertArrayEquals(x.getKey(), c.key());
          assertArrayEquals(x.getValue(), c.value());
        }
        assertFalse(it.hasNext(), "store lacks entries at version " + r.version());
      }
    }
  }

  private static int checkVersions(Random rnd, StoreImpl store, Map<Long, TreeMap<String, TreeMap<byte[], byte[]>>> model,
      List<ReadTxn> readers, boolean all) {
    List<Version> vs = store.versions();
    int n = 0;
    for (Version v : vs) {
      if (!all && v.id() != store.latestVersion() && rnd.nextInt(Math.max(1, vs.size() / 3)) != 0) {
        continue;
      }
      TreeMap<String, TreeMap<byte[], byte[]>> expect = model.get(v.id());
      if (expect == null) {
        fail("store lists version " + v.id() + " the model never saw");
      }
      try (ReadTxn r = store.read(v.id())) {
        checkTxn(r, expect);
      }
      n++;
    }
    Set<Long> readerVersions = new HashSet<>();
    readers.forEach(r -> readerVersions.add(r.version()));
    // versions not listed must refuse to be read
    for (int i = 0; i < 3; i++) {
      long v = rnd.nextLong(store.latestVersion() + 1);
      boolean listed = vs.stream().anyMatch(x -> x.id() == v);
      if (!listed && !readerVersions.contains(v)) {
        try (ReadTxn r = store.read(v)) {
          fail("version " + v + " is readable but not listed");
        } catch (StorageException e) {
          assertEquals(ErrorCode.VERSION_NOT_RETAINED, e.code());
        }
      }
    }
    return n;
  }
}
