package io.strata.storage;

import java.util.Arrays;
import java.util.BitSet;

/**
 * A set of page ids, one bit per page, for the free space. Clearing a bit costs the same wherever
 * the set's other bits lie: {@link BitSet} rescans its words downward whenever its highest word
 * empties, and a free set that commits empty again and again (they take the few pages the one
 * before freed) then pays a pass over a bit per page of the file on each of those allocations.
 * The count of set bits is kept as bits change, and searches stop at the highest word a bit was
 * set in since the set was last empty.
 */
final class PageBits {
  private long[] words = new long[0];
  private int count;
  /** Words from this index on are zero. */
  private int top;

  boolean get(int i) {
    int w = i >>> 6;
    return w < words.length && (words[w] & (1L << i)) != 0;
  }

  void set(int i) {
    set(i, i + 1);
  }

  /** Sets the bits of [from, to). */
  void set(int from, int to) {
    if (from >= to) {
      return;
    }
    int last = (to - 1) >>> 6;
    if (last >= words.length) {
      words = Arrays.copyOf(words, Math.max(last + 1, 2 * words.length));
    }
    for (int w = from >>> 6; w <= last; w++) {
      long mask = -1L;
      if (w == from >>> 6) {
        mask &= -1L << from;
      }
      if (w == last) {
        mask &= -1L >>> -to;
      }
      count += Long.bitCount(mask & ~words[w]);
      words[w] |= mask;
    }
    top = Math.max(top, last + 1);
  }

  void clear(int i) {
    int w = i >>> 6;
    long bit = 1L << i;
    if (w < words.length && (words[w] & bit) != 0) {
      words[w] &= ~bit;
      if (--count == 0) {
        top = 0;
      }
    }
  }

  /** The lowest set bit at or after from, or -1. */
  int nextSetBit(int from) {
    int w = from >>> 6;
    if (w >= top) {
      return -1;
    }
    long word = words[w] & (-1L << from);
    while (word == 0) {
      if (++w == top) {
        return -1;
      }
      word = words[w];
    }
    return (w << 6) + Long.numberOfTrailingZeros(word);
  }

  /** The lowest clear bit at or after from. */
  int nextClearBit(int from) {
    int w = from >>> 6;
    if (w >= top) {
      return from;
    }
    long word = ~words[w] & (-1L << from);
    while (word == 0) {
      if (++w == top) {
        return w << 6;
      }
      word = ~words[w];
    }
    return (w << 6) + Long.numberOfTrailingZeros(word);
  }

  /** The number of set bits. */
  int cardinality() {
    return count;
  }

  /** A copy as a {@link BitSet}. */
  BitSet toBitSet() {
    return BitSet.valueOf(Arrays.copyOf(words, top));
  }
}
