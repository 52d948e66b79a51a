package io.strata.storage;

/**
 * How many open transactions pin each version: a map from version to a positive count, without
 * boxing (every read transaction pins and unpins its version, so this sits on the path of every
 * statement). Open addressing with linear probing; a removal shifts the entries after it back, so
 * there are no tombstones. Versions are never negative, so -1 marks an empty slot. Not
 * thread-safe: the store guards it with its pins lock.
 */
final class PinCounts {
  private long[] versions = empty(16);
  private int[] counts = new int[16];
  private int size;

  private static long[] empty(int n) {
    long[] a = new long[n];
    java.util.Arrays.fill(a, -1);
    return a;
  }

  private int slot(long v) {
    int mask = versions.length - 1;
    int i = (int) (v * 0x9E3779B97F4A7C15L >>> 40) & mask;
    while (versions[i] != v && versions[i] != -1) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /** The count of version v; 0 when nothing pins it. */
  int get(long v) {
    int i = slot(v);
    return versions[i] == v ? counts[i] : 0;
  }

  /** Pins v once more. */
  void add(long v) {
    assert v >= 0;
    int i = slot(v);
    if (versions[i] == v) {
      counts[i]++;
      return;
    }
    if ((size + 1) * 2 > versions.length) {
      grow();
      i = slot(v);
    }
    versions[i] = v;
    counts[i] = 1;
    size++;
  }

  /** Unpins v once; returns how many pins remain (the entry goes at 0). */
  int release(long v) {
    int i = slot(v);
    if (versions[i] != v) {
      return 0;
    }
    int c = --counts[i];
    if (c > 0) {
      return c;
    }
    size--;
    // backward-shift deletion: move later entries of the probe run into the gap
    int mask = versions.length - 1;
    int gap = i;
    for (int j = (i + 1) & mask; versions[j] != -1; j = (j + 1) & mask) {
      int home = (int) (versions[j] * 0x9E3779B97F4A7C15L >>> 40) & mask;
      // entry j may fill the gap when its home is not cyclically within (gap, j]
      boolean homeInRange = gap <= j ? gap < home && home <= j : gap < home || home <= j;
      if (!homeInRange) {
        versions[gap] = versions[j];
        counts[gap] = counts[j];
        gap = j;
      }
    }
    versions[gap] = -1;
    counts[gap] = 0;
    return 0;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] oldVersions = versions;
    int[] oldCounts = counts;
    versions = empty(oldVersions.length * 2);
    counts = new int[oldVersions.length * 2];
    for (int k = 0; k < oldVersions.length; k++) {
      if (oldVersions[k] != -1) {
        int i = slot(oldVersions[k]);
        versions[i] = oldVersions[k];
        counts[i] = oldCounts[k];
      }
    }
  }
}
