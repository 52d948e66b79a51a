package io.strata.storage;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Decoded committed nodes by page id: a lock-free set-associative table (no boxing), where each
 * page id maps to a group of {@link #WAYS} slots and a full group evicts with a clock bit.
 * Safe because a committed page never changes while any pinned version can reach it; a page that
 * is freed is {@link #remove removed} before it can be written again.
 *
 * <p>The page ids of a group's slots are also kept side by side in {@link #ids}, so a probe reads
 * one cache line instead of dereferencing up to {@link #WAYS} scattered nodes. The two arrays are
 * updated separately (node first, then id) and a reader may see them out of step; it therefore
 * accepts a slot only when the node it loads carries the id it looks for ({@link Node#id} of a
 * committed node never changes). A stale id only costs a miss.
 */
final class NodeCache {
  static final int WAYS = 8;
  private final AtomicReferenceArray<Node> slots;
  private final AtomicLongArray ids;
  private final int groups;

  NodeCache(int capacity) {
    int g = Integer.highestOneBit(Math.max(64, capacity) / WAYS * 2 - 1);
    this.groups = Math.max(8, g);
    this.slots = new AtomicReferenceArray<>(groups * WAYS);
    this.ids = new AtomicLongArray(groups * WAYS);
  }

  private int base(long id) {
    long h = id * 0x9E3779B97F4A7C15L;
    return (int) ((h >>> 32) & (groups - 1)) * WAYS;
  }

  /** The group a page id maps to (tests place pages in one group with it). */
  int groupOf(long id) {
    return base(id) / WAYS;
  }

  Node get(long id) {
    int b = base(id);
    for (int i = 0; i < WAYS; i++) {
      if (ids.getAcquire(b + i) == id) {
        Node x = slots.getAcquire(b + i);
        if (x != null && x.id == id) {
          if (!x.hot) {
            x.hot = true;
          }
          return x;
        }
      }
    }
    return null;
  }

  void put(Node x) {
    assert x.id != 0;
    int b = base(x.id);
    int free = -1;
    // as in get: ids and the slots' references lie in one line each, the nodes do not
    for (int i = 0; i < WAYS; i++) {
      Node y = slots.getAcquire(b + i);
      if (y == null) {
        if (free < 0) {
          free = i;
        }
      } else if (ids.getAcquire(b + i) == x.id && y.id == x.id) {
        set(b + i, x);
        return;
      }
    }
    if (free >= 0) {
      set(b + free, x);
      return;
    }
    // clock within the group: first slot without the hot bit, clearing bits on the way
    int start = (int) (x.id & (WAYS - 1));
    for (int round = 0; round < 2 * WAYS; round++) {
      int i = b + ((start + round) & (WAYS - 1));
      Node y = slots.getAcquire(i);
      if (y == null || !y.hot) {
        set(i, x);
        return;
      }
      y.hot = false;
    }
    set(b + start, x);
  }

  private void set(int i, Node x) {
    slots.setRelease(i, x);
    ids.setRelease(i, x.id);
  }

  void remove(long id) {
    int b = base(id);
    for (int i = 0; i < WAYS; i++) {
      Node x = slots.getAcquire(b + i);
      if (x != null && x.id == id && slots.compareAndSet(b + i, x, null)) {
        ids.compareAndSet(b + i, id, 0);
      }
    }
  }

  void clear() {
    for (int i = 0; i < slots.length(); i++) {
      slots.setRelease(i, null);
      ids.setRelease(i, 0);
    }
  }
}
