package io.strata.planner.table;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out the hidden row ids of tables without a primary key, for all sessions of one engine.
 * Two transactions inserting into the same table at once therefore write different keys and do not
 * conflict, though neither sees the other's rows.
 *
 * <p>Invariant: an id is handed out at most once per table tree while the engine lives, and it is
 * above every id in the snapshot of the statement that asked for it. Ids of rolled-back inserts are
 * not reused, so ids may have gaps. (One process at a time opens a file, so an engine-wide counter
 * is enough; a reopened engine starts again from the largest id stored.)
 */
public final class RowIds {
  private final ConcurrentMap<String, AtomicLong> lastIssued = new ConcurrentHashMap<>();

  /** The next id for the table in {@code tree}, whose snapshot holds ids up to {@code snapshotMax}. */
  long next(String tree, long snapshotMax) {
    return lastIssued.computeIfAbsent(tree, t -> new AtomicLong())
        .accumulateAndGet(snapshotMax, (last, max) -> Math.max(last, max) + 1);
  }
}
