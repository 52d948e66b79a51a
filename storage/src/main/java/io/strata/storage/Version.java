package io.strata.storage;

import java.time.Instant;

/**
 * One committed version of the store.
 *
 * @param id strictly increasing version number; version 0 is the empty store
 * @param commitTime commit timestamp, monotonic in id
 * @param pagesWritten pages the commit wrote
 * @param note what the committer said it did ({@link WriteTxn#describe}), or ""
 */
public record Version(long id, Instant commitTime, long pagesWritten, String note) {}
