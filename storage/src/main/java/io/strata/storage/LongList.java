package io.strata.storage;

import java.util.Arrays;

/** A growable list of longs without boxing. */
final class LongList {
  private long[] a = new long[16];
  private int size;

  void add(long v) {
    if (size == a.length) {
      a = Arrays.copyOf(a, size * 2);
    }
    a[size++] = v;
  }

  long get(int i) {
    return a[i];
  }

  int size() {
    return size;
  }

  void truncate(int newSize) {
    size = newSize;
  }

  void clear() {
    size = 0;
  }

  long[] toArray() {
    return Arrays.copyOf(a, size);
  }
}
