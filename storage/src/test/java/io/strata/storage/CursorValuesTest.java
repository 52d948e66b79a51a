package io.strata.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Cursor#nextValues} moves as {@link Cursor#next()} does and yields the same values. */
class CursorValuesTest {
  @TempDir
  Path dir;

  static byte[] key(int i) {
    return String.format("k%06d", i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void nextValuesMatchesNextAndValue() throws Exception {
    long seed = Long.getLong("strata.seed", System.nanoTime());
    System.out.println("CursorValuesTest seed " + seed + " (rerun with -Dstrata.seed=" + seed + ")");
    Random rnd = new Random(seed);
    try (Store store = Store.open(dir.resolve("v.db"))) {
      store.update(t -> {
        Tree tr = t.createTree("t");
        for (int i = 0; i < 5000; i += 1 + rnd.nextInt(3)) {
          // some values too large for a leaf (overflow pages), the rest small
          byte[] v = new byte[rnd.nextInt(40) == 0 ? 2000 + rnd.nextInt(3000) : rnd.nextInt(30)];
          rnd.nextBytes(v);
          tr.put(key(i), v);
        }
      });
      for (int round = 0; round < 200; round++) {
        int a = rnd.nextInt(5200);
        byte[] from = rnd.nextInt(4) == 0 ? null : key(a);
        byte[] to = rnd.nextInt(4) == 0 ? null : key(a + rnd.nextInt(2000));
        try (ReadTxn r = store.read()) {
          Tree tr = r.tree("t").orElseThrow();
          List<byte[]> want = new ArrayList<>();
          try (Cursor c = tr.cursor(from, to)) {
            for (boolean ok = c.first(); ok; ok = c.next()) {
              want.add(c.value());
            }
          }
          List<byte[]> got = valuesInSteps(tr.cursor(from, to), rnd);
          assertEquals(want.size(), got.size(), "seed " + seed);
          for (int i = 0; i < want.size(); i++) {
            assertArrayEquals(want.get(i), got.get(i), "value " + i + ", seed " + seed);
          }
        }
      }
      // in a write transaction that changes the tree between steps: the same as next() and value()
      for (int round = 0; round < 50; round++) {
        long s = rnd.nextLong();
        List<byte[]> byNext = new ArrayList<>();
        List<byte[]> byValues = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
          Random steps = new Random(s);
          List<byte[]> out = pass == 0 ? byNext : byValues;
          try (WriteTxn w = store.begin()) {
            Tree tr = w.tree("t").orElseThrow();
            try (Cursor c = tr.cursor(null, null)) {
              boolean ok = c.first();
              byte[][] buf = new byte[64][];
              while (ok) {
                out.add(c.value());
                int m = 1 + steps.nextInt(50);
                if (pass == 0) {
                  for (int k = 0; k < m && ok; k++) {
                    ok = c.next();
                    if (ok) {
                      out.add(c.value());
                    }
                  }
                } else {
                  int got = c.nextValues(buf, m);
                  for (int k = 0; k < got; k++) {
                    out.add(buf[k]);
                  }
                  ok = got == m && c.isValid();
                }
                if (ok) {
                  tr.put(key(steps.nextInt(5200)), new byte[] {(byte) steps.nextInt()});
                  ok = c.next();
                }
              }
            }
            w.abort();
          }
        }
        assertEquals(byNext.size(), byValues.size(), "seed " + seed);
        for (int i = 0; i < byNext.size(); i++) {
          assertArrayEquals(byNext.get(i), byValues.get(i), "value " + i + ", seed " + seed);
        }
      }
      Verifier.check(store);
    }
  }

  /** Every value of a fresh cursor: the first through value(), the rest in steps of nextValues. */
  private static List<byte[]> valuesInSteps(Cursor c, Random rnd) {
    List<byte[]> got = new ArrayList<>();
    try (c) {
      if (!c.first()) {
        return got;
      }
      got.add(c.value());
      byte[][] buf = new byte[100][];
      while (true) {
        int max = 1 + rnd.nextInt(100);
        int n = c.nextValues(buf, max);
        for (int k = 0; k < n; k++) {
          got.add(buf[k]);
        }
        if (n < max) {
          return got;
        }
      }
    }
  }
}
