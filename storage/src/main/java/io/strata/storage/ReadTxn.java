package io.strata.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A read transaction: a consistent view of one committed version. Never blocks and is never
 * blocked by writers; holding it open pins its version so its pages are not reused.
 */
public interface ReadTxn extends AutoCloseable {

  /** The committed version this transaction reads (for a write transaction: its snapshot). */
  long version();

  /** The commit time of {@link #version()}. */
  Instant commitTime();

  /** The named tree as of this transaction's view, if it exists. */
  Optional<Tree> tree(String name);

  /** Names of all trees in this view, in ascending order. */
  List<String> treeNames();

  /** Whether {@link #close()} has been called (or, for a write transaction, commit/abort). */
  boolean isClosed();

  /** Ends the transaction and unpins its version. Idempotent. */
  @Override
  void close();
}
