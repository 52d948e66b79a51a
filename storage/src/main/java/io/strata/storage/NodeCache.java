package io.strata.storage;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decoded committed nodes by page id, bounded by a node count and evicted with a clock sweep.
 * Safe because a committed page never changes while any pinned version can reach it; a page that
 * is freed is {@link #remove removed} before it can be written again.
 */
final class NodeCache {
  private final ConcurrentHashMap<Long, Node> map = new ConcurrentHashMap<>();
  private final int capacity;
  private Iterator<Node> hand;

  NodeCache(int capacity) {
    this.capacity = Math.max(64, capacity);
  }

  Node get(long id) {
    Node x = map.get(id);
    if (x != null) {
      x.hot = true;
    }
    return x;
  }

  void put(Node x) {
    map.put(x.id, x);
    if (map.size() > capacity) {
      evict();
    }
  }

  void remove(long id) {
    map.remove(id);
  }

  void clear() {
    map.clear();
  }

  int size() {
    return map.size();
  }

  private synchronized void evict() {
    int target = capacity - capacity / 8;
    int budget = map.size() * 3;
    while (map.size() > target && budget-- > 0) {
      if (hand == null || !hand.hasNext()) {
        hand = map.values().iterator();
        if (!hand.hasNext()) {
          return;
        }
      }
      Node x = hand.next();
      if (x.hot) {
        x.hot = false;
      } else {
        map.remove(x.id, x);
      }
    }
  }
}
