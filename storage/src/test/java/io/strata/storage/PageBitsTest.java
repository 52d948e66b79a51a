package io.strata.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PageBitsTest {
  /** Random operations on PageBits and on java.util.BitSet answer alike. */
  @Test
  void behavesAsBitSet() {
    long seed = Long.getLong("strata.seed", System.nanoTime());
    System.out.println("PageBitsTest seed " + seed + " (rerun with -Dstrata.seed=" + seed + ")");
    Random rnd = new Random(seed);
    for (int round = 0; round < 50; round++) {
      PageBits bits = new PageBits();
      BitSet model = new BitSet();
      int span = 1 + rnd.nextInt(rnd.nextBoolean() ? 100 : 5000);
      for (int op = 0; op < 2000; op++) {
        int i = rnd.nextInt(span);
        switch (rnd.nextInt(6)) {
          case 0 -> {
            bits.set(i);
            model.set(i);
          }
          case 1 -> {
            int to = i + rnd.nextInt(200);
            bits.set(i, to);
            model.set(i, to);
          }
          case 2, 3 -> {
            bits.clear(i);
            model.clear(i);
          }
          case 4 -> assertEquals(model.nextSetBit(i), bits.nextSetBit(i), "nextSetBit " + i + ", seed " + seed);
          default -> assertEquals(model.nextClearBit(i), bits.nextClearBit(i), "nextClearBit " + i + ", seed " + seed);
        }
        assertEquals(model.get(i), bits.get(i), "get " + i + ", seed " + seed);
        assertEquals(model.cardinality(), bits.cardinality(), "cardinality, seed " + seed);
      }
      assertEquals(model, bits.toBitSet(), "all bits, seed " + seed);
      assertEquals(-1, bits.nextSetBit(span + 300));
      assertEquals(span + 300, bits.nextClearBit(span + 300));
    }
  }
}
