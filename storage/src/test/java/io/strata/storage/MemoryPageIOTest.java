package io.strata.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The chunked in-memory file reads back what was written, across chunk boundaries and holes. */
class MemoryPageIOTest {
  private static final int MIB = 1 << 20;

  @Test
  void randomWritesReadBackLikeAPlainArray() {
    long seed = System.nanoTime();
    System.out.println("MemoryPageIOTest seed " + seed);
    Random rnd = new Random(seed);
    MemoryPageIO io = new MemoryPageIO();
    byte[] model = new byte[5 * MIB];
    long size = 0;
    for (int i = 0; i < 300; i++) {
      int pos = rnd.nextInt(model.length - 3 * MIB);
      byte[] src = new byte[1 + rnd.nextInt(rnd.nextBoolean() ? 64 : 3 * MIB)];
      rnd.nextBytes(src);
      int off = rnd.nextInt(Math.max(1, src.length / 4));
      int len = src.length - off;
      io.write(pos, src, off, len);
      System.arraycopy(src, off, model, pos, len);
      size = Math.max(size, pos + len);
      if (rnd.nextInt(20) == 0) {
        long cut = rnd.nextInt((int) size + 1);
        io.truncate(cut);
        Arrays.fill(model, (int) cut, model.length, (byte) 0);
        size = cut;
      }
      assertEquals(size, io.size(), "seed " + seed);
      byte[] got = new byte[1 + rnd.nextInt(2 * MIB)];
      int at = rnd.nextInt(model.length - got.length);
      io.read(at, got);
      byte[] want = new byte[got.length];
      if (at < size) {
        System.arraycopy(model, at, want, 0, (int) Math.min(got.length, size - at));
      }
      assertArrayEquals(want, got, "seed " + seed + ", read at " + at);
    }
    assertArrayEquals(Arrays.copyOf(model, (int) size), io.image(), "seed " + seed);
  }

  @Test
  void aFileStartsFromAnImageAndGrowsPastItsHoles() {
    byte[] image = new byte[MIB + 10];
    Arrays.fill(image, (byte) 7);
    MemoryPageIO io = new MemoryPageIO(image);
    io.write(5L * MIB, new byte[] {1, 2, 3});
    assertEquals(5L * MIB + 3, io.size());
    byte[] hole = new byte[16];
    io.read(3L * MIB, hole);
    assertArrayEquals(new byte[16], hole);
    byte[] edge = new byte[4];
    io.read(MIB + 8, edge);
    assertArrayEquals(new byte[] {7, 7, 0, 0}, edge);
  }
}
