package io.strata.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search of a committed node by the heads of its keys must answer exactly as the plain
 * search of the same keys: keys that share long prefixes, differ only after the eighth byte past
 * that prefix, are prefixes of each other, or contain the bytes 0x00 and 0xFF.
 */
class NodeSearchTest {
  @TempDir
  Path dir;

  /** Bytes from a small alphabet, so prefixes and equal heads are common. */
  private static byte[] randomKey(Random r, byte[] prefix) {
    byte[] alphabet = {0x00, 0x01, 0x02, 0x7F, (byte) 0x80, (byte) 0xFF};
    int len = r.nextInt(14);
    byte[] k = Arrays.copyOf(prefix, prefix.length + len);
    for (int i = prefix.length; i < k.length; i++) {
      k[i] = alphabet[r.nextInt(alphabet.length)];
    }
    return k;
  }

  /** Keys that all share a random prefix when shared, else mostly. */
  private static TreeSet<byte[]> randomKeys(Random r, int count, boolean shared) {
    byte[] prefix = randomKey(r, new byte[0]);
    TreeSet<byte[]> keys = new TreeSet<>(Arrays::compareUnsigned);
    while (keys.size() < count) {
      byte[] k = randomKey(r, !shared && r.nextInt(4) == 0 ? new byte[0] : prefix);
      if (k.length > 0) {
        keys.add(k);
      }
    }
    return keys;
  }

  private static Node leafOf(TreeSet<byte[]> keys) {
    Node x = Node.newLeaf(keys.size());
    x.epoch = 1;
    for (byte[] k : keys) {
      x.leafInsert(x.n, k, new byte[0], 100);
    }
    return x;
  }

  private static Node branchOf(TreeSet<byte[]> separators) {
    Node x = Node.newBranch(separators.size() + 1);
    x.epoch = 1;
    x.childIds[0] = 2;
    x.n = 1;
    x.bytes = 8;
    long child = 3;
    for (byte[] s : separators) {
      x.branchInsertId(x.n, s, child++);
    }
    return x;
  }

  @Test
  void headsAnswerAsThePlainSearch() {
    long seed = System.nanoTime();
    System.out.println("NodeSearchTest seed " + seed);
    Random r = new Random(seed);
    for (int round = 0; round < 300; round++) {
      TreeSet<byte[]> keys = randomKeys(r, 1 + r.nextInt(120), round % 2 == 0);
      Node plainLeaf = leafOf(keys);
      Node leaf = leafOf(keys);
      leaf.freeze();
      Node plainBranch = branchOf(keys);
      Node branch = branchOf(keys);
      branch.freeze();
      if (keys.size() >= 2) {
        assertNotNull(leaf.heads, "seed " + seed);
        assertNotNull(branch.heads, "seed " + seed);
      }
      List<byte[]> probes = new java.util.ArrayList<>(keys);
      for (byte[] k : keys) {
        probes.add(Arrays.copyOf(k, Math.max(0, k.length - 1)));
        probes.add(Arrays.copyOf(k, k.length + 1));
      }
      for (byte[] k : List.of(keys.first(), keys.last())) {
        for (int len = 0; len <= k.length; len++) {
          probes.add(Arrays.copyOf(k, len));
        }
      }
      for (int i = 0; i < 200; i++) {
        probes.add(randomKey(r, keys.first()));
        probes.add(randomKey(r, new byte[0]));
      }
      for (byte[] p : probes) {
        String what = "seed " + seed + ", probe " + Arrays.toString(p);
        assertEquals(plainLeaf.search(p), leaf.search(p), what);
        assertEquals(plainBranch.childIndex(p), branch.childIndex(p), what);
      }
    }
  }

  /** A key as the planner encodes a BIGINT: a tag byte, then eight bytes with the sign flipped. */
  private static byte[] longKey(long v) {
    byte[] k = new byte[9];
    k[0] = 5;
    long u = v ^ Long.MIN_VALUE;
    for (int i = 0; i < 8; i++) {
      k[1 + i] = (byte) (u >>> (56 - 8 * i));
    }
    return k;
  }

  /**
   * Integer keys that rise evenly take the interpolating search, which must answer as the plain
   * one also where the keys stray from the line: runs of consecutive keys, random gaps, a few
   * outliers, keys crossing a byte boundary, negative and positive keys.
   */
  @Test
  void interpolationAnswersAsThePlainSearch() {
    long seed = System.nanoTime();
    System.out.println("NodeSearchTest seed " + seed);
    Random r = new Random(seed);
    int interpolated = 0;
    for (int round = 0; round < 400; round++) {
      int count = 8 + r.nextInt(200);
      int maxGap = 1 + r.nextInt(round % 4 == 0 ? 1 : 5);
      long v = r.nextInt(3) == 0 ? r.nextLong() >> 8 : 250 - r.nextInt(500);
      TreeSet<byte[]> keys = new TreeSet<>(Arrays::compareUnsigned);
      List<Long> values = new java.util.ArrayList<>();
      for (int i = 0; i < count; i++) {
        v += round % 3 == 1 && r.nextInt(50) == 0 ? 1 + r.nextInt(1000) : 1 + r.nextInt(maxGap);
        keys.add(longKey(v));
        values.add(v);
      }
      Node plainLeaf = leafOf(keys);
      Node leaf = leafOf(keys);
      leaf.freeze();
      Node plainBranch = branchOf(keys);
      Node branch = branchOf(keys);
      branch.freeze();
      if (leaf.evenHeads) {
        interpolated++;
      }
      List<byte[]> probes = new java.util.ArrayList<>();
      for (long x = values.get(0) - 3; x <= values.get(values.size() - 1) + 3; x++) {
        probes.add(longKey(x));
      }
      for (int i = 0; i < 50; i++) {
        probes.add(longKey(r.nextLong()));
      }
      probes.add(new byte[] {5});
      probes.add(new byte[] {6});
      for (byte[] p : probes) {
        String what = "seed " + seed + ", probe " + Arrays.toString(p);
        assertEquals(plainLeaf.search(p), leaf.search(p), what);
        assertEquals(plainBranch.childIndex(p), branch.childIndex(p), what);
      }
    }
    // consecutive keys without outliers (a sixth of the rounds) always interpolate
    assertTrue(interpolated >= 60, "seed " + seed + ": only " + interpolated + " rounds interpolated");
  }

  @Test
  void committedAndReopenedTreesFindEveryKey() {
    long seed = System.nanoTime();
    System.out.println("NodeSearchTest seed " + seed);
    Random r = new Random(seed);
    TreeSet<byte[]> keys = randomKeys(r, 5000, false);
    TreeSet<byte[]> absent = randomKeys(r, 2000, false);
    absent.removeAll(keys);
    Path file = dir.resolve("heads.db");
    try (Store store = Store.open(file)) {
      store.update(t -> {
        Tree tr = t.createTree("t");
        for (byte[] k : keys) {
          tr.put(k, k);
        }
      });
      Verifier.check(store);
    }
    try (Store store = Store.open(file)) {
      try (ReadTxn txn = store.read()) {
        Tree tr = txn.tree("t").orElseThrow();
        for (byte[] k : keys) {
          assertArrayEquals(k, tr.get(k), "seed " + seed);
        }
        for (byte[] k : absent) {
          assertNull(tr.get(k), "seed " + seed);
          byte[] ceiling = keys.ceiling(k);
          try (Cursor c = tr.cursor(null, null)) {
            assertEquals(ceiling != null, c.seek(k), "seed " + seed);
            if (ceiling != null) {
              assertArrayEquals(ceiling, c.key(), "seed " + seed);
            }
          }
        }
      }
      Verifier.check(store);
    }
  }
}
