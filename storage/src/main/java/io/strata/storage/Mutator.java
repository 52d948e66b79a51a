package io.strata.storage;

/**
 * Copy-on-write context of one transaction or commit step: makes nodes mutable, and records every
 * committed page it replaces as (page, birth) so the commit can put it on the dead list or free it.
 */
final class Mutator {
  final Pager pager;
  /** The epoch new and copied dirty nodes get. */
  int epoch;
  /**
   * Dirty nodes of epoch {@code floor} or later are changed in place; older ones belong to the
   * state a live savepoint returns to, so they are copied. Invariant: floor <= epoch.
   */
  int floor;
  /** Whether a value longer than a leaf holds inline was put (the commit then spills values). */
  boolean largeValues;
  /** Replaced committed pages as (page, birth) pairs. */
  final LongList retired = new LongList();

  Mutator(Pager pager, int epoch) {
    this.pager = pager;
    this.epoch = epoch;
    this.floor = epoch;
  }

  /** A node that may change in place with the content of x; records x if it was committed. */
  Node mutable(Node x, TreeState t) {
    if (x.id == 0 && x.epoch >= floor) {
      return x;
    }
    Node c = x.copy(epoch);
    if (x.id != 0) {
      // the replaced page now serves only older versions: first in line for eviction (a read
      // through an older version marks it again)
      x.hot = false;
      retired.add(x.id);
      retired.add(x.birth);
      if (x.leaf && t.oldLeaves != null) {
        t.oldLeaves.add(x);
      }
    }
    return c;
  }

  /** Records the overflow pages of a replaced or deleted committed value. */
  void retireValue(Object v) {
    if (v instanceof Overflow o) {
      pager.overflowPages(o, retired);
    }
  }
}
