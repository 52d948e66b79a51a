package io.strata.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** An in-memory store holds its pages as objects: no page images, and dropped pages let go. */
class ResidentPagesTest {

  static byte[] key(int i) {
    return String.format("k%05d", i).getBytes(StandardCharsets.UTF_8);
  }

  /** A value of len bytes that names its key and round, so a stale or mixed-up value shows. */
  static byte[] value(int k, int round, int len) {
    byte[] v = new byte[len];
    Random r = new Random(k * 1_000_003L + round);
    r.nextBytes(v);
    return v;
  }

  @Test
  void versionsReadTheirOwnNodesAndDroppedPagesAreForgotten() {
    long seed = System.nanoTime();
    System.out.println("ResidentPagesTest seed " + seed);
    Random rnd = new Random(seed);
    StoreOptions opts = StoreOptions.defaults().withRetention(StoreOptions.Retention.keepLast(3));
    try (StoreImpl store = (StoreImpl) Store.inMemory(opts)) {
      int pageSize = store.options().pageSize();
      store.update(t -> t.createTree("t"));
      TreeMap<Integer, byte[]> model = new TreeMap<>();
      Map<Long, TreeMap<Integer, byte[]>> past = new HashMap<>();
      try (ReadTxn pinned = store.read()) {
        for (int round = 0; round < 300; round++) {
          int r = round;
          // small values, and values several pages long (overflow pages, held as images)
          store.update(t -> {
            Tree tree = t.tree("t").orElseThrow();
            for (int i = 0; i < 20; i++) {
              int k = rnd.nextInt(400);
              if (rnd.nextInt(5) == 0) {
                tree.delete(key(k));
                model.remove(k);
              } else {
                int len = rnd.nextInt(8) == 0 ? pageSize * (1 + rnd.nextInt(3)) : 1 + rnd.nextInt(60);
                byte[] v = value(k, r, len);
                tree.put(key(k), v);
                model.put(k, v);
              }
            }
          });
          past.put(store.latestVersion(), new TreeMap<>(model));
          // the last three versions stay readable, each with its own values
          for (long v = Math.max(2, store.latestVersion() - 2); v <= store.latestVersion(); v++) {
            try (ReadTxn old = store.read(v)) {
              assertSame(past.get(v), old.tree("t").orElseThrow());
            }
          }
        }
        // the reader opened before the first round still sees the empty tree
        assertNull(pinned.tree("t").orElseThrow().get(key(0)));
      }
      // trees never reach the page I/O: it holds the two meta pages only
      assertEquals(2L * pageSize, store.io.size());
      Verifier.Report before = Verifier.check(store);
      // drop everything but the newest versions and make the freed pages reusable
      for (int i = 0; i < 5; i++) {
        store.update(t -> t.tree("t").orElseThrow().put(key(0), value(0, -1, 8)));
      }
      Verifier.Report after = Verifier.check(store);
      long held = store.pager.resident.count();
      System.out.println("resident pages: " + held + "; before: " + before + "; after: " + after);
      // pages freed by a commit are reusable once its meta is durable, which for a store in memory
      // is at once: what is held is exactly what the retained versions reach
      assertEquals(after.reachablePages(), held);
    }
  }

  private static void assertSame(TreeMap<Integer, byte[]> expected, Tree tree) {
    for (int k = 0; k < 400; k++) {
      byte[] want = expected.get(k);
      byte[] got = tree.get(key(k));
      if (want == null) {
        assertNull(got, "key " + k);
      } else {
        assertArrayEquals(want, got, "key " + k + " (" + Arrays.hashCode(want) + ")");
      }
    }
  }
}
