package io.strata.storage;

/**
 * A write transaction. It runs optimistically on its own snapshot ({@link #version()}); several
 * may be open at once and commits are serialised. A commit fails with
 * {@link ErrorCode#CONFLICT} when a key it wrote was changed by a commit after its snapshot (first
 * committer wins). A transaction that saw an I/O error or a conflict refuses further use.
 * {@link #close()} without {@link #commit()} aborts.
 */
public interface WriteTxn extends ReadTxn {

  /** Creates an empty tree; {@link ErrorCode#TREE_EXISTS} if the name is taken. */
  Tree createTree(String name);

  /** Drops a tree; {@link ErrorCode#TREE_NOT_FOUND} if it does not exist. */
  void dropTree(String name);

  /** Marks the current state so {@link #rollbackTo(Savepoint)} can return to it. */
  Savepoint savepoint();

  /** Undoes every change made after the savepoint was taken; later savepoints become invalid. */
  void rollbackTo(Savepoint savepoint);

  /**
   * Forgets the savepoint and every later one, keeping all changes. Release savepoints that are no
   * longer needed: while a savepoint lives, the first change of each page after it copies the page.
   */
  void release(Savepoint savepoint);

  /** A short description recorded with the version this transaction commits (e.g. "INSERT t"). */
  void describe(String note);

  /** Whether this transaction has changed anything yet. */
  boolean isDirty();

  /**
   * Makes the changes durable (per the store's sync mode) as a new version and returns its number.
   * A transaction with no changes commits no version and returns its snapshot version.
   */
  long commit();

  /** Discards all changes. Idempotent. */
  void abort();

  /** A point inside a write transaction to which it can roll back. */
  interface Savepoint {}
}
