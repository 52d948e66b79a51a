package io.strata.storage;

import java.util.ArrayList;

/**
 * The state of one tree inside a write transaction or a commit: its root (committed or dirty),
 * its entry count, and what the transaction did to it.
 */
final class TreeState {
  final String name;
  /** Root node, or null for an empty tree. */
  Node root;
  long count;
  boolean exists;
  /** Created or dropped in this transaction (a change to the tree as a whole). */
  boolean structural;
  /** Committed leaves this transaction copied (user trees only; null when not tracked). */
  final ArrayList<Node> oldLeaves;
  /** Changed by this transaction (entries, or created/dropped). */
  boolean changed;
  /** Leaves written when this state was committed (filled by the commit). */
  java.util.List<Node> newLeaves;
  /** Bumped on every change so cursors can reposition. */
  int modCount;

  private final Saved base;

  TreeState(String name, Node root, long count, boolean exists, boolean trackLeaves) {
    this.base = new Saved(root, count, exists, false, false, 0);
    this.name = name;
    this.root = root;
    this.count = count;
    this.exists = exists;
    this.oldLeaves = trackLeaves ? new ArrayList<>() : null;
  }

  /** What a savepoint remembers of this tree. */
  record Saved(Node root, long count, boolean exists, boolean structural, boolean changed, int oldLeaves) {}

  Saved save() {
    return new Saved(root, count, exists, structural, changed, oldLeaves == null ? 0 : oldLeaves.size());
  }

  /** Back to the state at the transaction's snapshot. */
  void reset() {
    restore(base);
  }

  void restore(Saved s) {
    root = s.root();
    count = s.count();
    exists = s.exists();
    structural = s.structural();
    changed = s.changed();
    if (oldLeaves != null) {
      oldLeaves.subList(s.oldLeaves(), oldLeaves.size()).clear();
    }
    modCount++;
  }
}
