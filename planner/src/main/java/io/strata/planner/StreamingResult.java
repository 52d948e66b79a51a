package io.strata.planner;

import io.strata.planner.exec.Operator;
import java.util.List;

/**
 * The rows of a query produced as the caller advances, so a large result never sits in memory
 * whole. Used for a query that owns its read-only snapshot (autocommit or a session AS OF) once
 * its first rows, computed during execution, did not exhaust it: those come first, then the
 * operator tree stays open and the snapshot pinned until the last row has been read, the result is
 * closed, or a row fails; then {@code onEnd} ends the statement, told whether the tree ended
 * cleanly (and so may run again).
 *
 * <p>Invariant: {@code onEnd} runs exactly once, after the tree is closed.
 */
final class StreamingResult extends RowResult {
  /** What ends the statement: closes its snapshot; {@code clean} when no row failed. */
  interface End {
    void run(boolean clean);
  }

  private final Operator root;
  private final End onEnd;
  private final java.util.ArrayDeque<Object[]> first;
  private boolean ended;

  /**
   * @param root the open operator tree
   * @param first the rows already read from it
   */
  StreamingResult(List<ColumnMeta> columns, Operator root, List<Object[]> first, End onEnd) {
    super(columns);
    this.root = root;
    this.first = new java.util.ArrayDeque<>(first);
    this.onEnd = onEnd;
  }

  @Override
  public boolean next() {
    checkNotClosed();
    if (!first.isEmpty()) {
      row = first.poll();
      return true;
    }
    if (ended) {
      row = null;
      return false;
    }
    try {
      row = root.next();
    } catch (RuntimeException e) {
      row = null;
      end(false);
      throw e;
    }
    if (row == null) {
      end(true);
      return false;
    }
    return true;
  }

  @Override
  public void close() {
    closed = true;
    row = null;
    end(true);
  }

  private void end(boolean clean) {
    if (ended) {
      return;
    }
    ended = true;
    boolean closedCleanly = clean;
    try {
      root.close();
    } catch (RuntimeException e) {
      closedCleanly = false;
    }
    onEnd.run(closedCleanly);
  }
}
