package io.strata.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/**
 * The node cache keeps the nodes the latest version reads: a page a write has replaced serves only
 * older versions, so it is evicted before pages that were read as recently as it was and are
 * read again.
 */
class NodeCacheTest {
  @Test
  void replacedPagesAreEvictedBeforeLivePages() {
    NodeCache cache = new NodeCache(64);
    // twelve page ids that share one group of the cache
    long[] ids = new long[12];
    for (long id = 2, n = 0; n < ids.length; id++) {
      if (cache.groupOf(id) == 0) {
        ids[(int) n++] = id;
      }
    }
    int half = NodeCache.WAYS / 2;
    Node[] live = new Node[half];
    Node[] replaced = new Node[half];
    for (int i = 0; i < half; i++) {
      live[i] = committedLeaf(ids[2 * i]);
      replaced[i] = committedLeaf(ids[2 * i + 1]);
      cache.put(live[i]);
      cache.put(replaced[i]);
    }
    // every page is read; then a write replaces every other one
    Mutator writer = new Mutator(null, 1);
    TreeState tree = new TreeState("t", null, 0, true, false);
    for (int i = 0; i < half; i++) {
      assertSame(live[i], cache.get(live[i].id));
      assertSame(replaced[i], cache.get(replaced[i].id));
      writer.mutable(replaced[i], tree);
    }
    assertEquals(2 * half, writer.retired.size());
    // the commit's new pages come into the full group, while the latest version goes on
    // reading its pages (the live ones and the new ones)
    for (int i = 0; i < half; i++) {
      Node fresh = committedLeaf(ids[NodeCache.WAYS + i]);
      cache.put(fresh);
      assertSame(fresh, cache.get(fresh.id));
      for (Node x : live) {
        assertSame(x, cache.get(x.id), "live page " + x.id + " was evicted");
      }
    }
    for (int i = 0; i < half; i++) {
      assertSame(live[i], cache.get(live[i].id), "live page " + live[i].id + " was evicted");
      assertNull(cache.get(replaced[i].id), "replaced page " + replaced[i].id + " was kept");
    }
  }

  private static Node committedLeaf(long id) {
    Node x = Node.newLeaf(1);
    x.id = id;
    return x;
  }
}
