package io.strata.storage;

/** Why a storage operation failed. */
public enum ErrorCode {
  /** An I/O operation failed; the transaction that saw it refuses further use. */
  IO,
  /** A page or meta page failed a check (CRC, type, order); the message names page and check. */
  CORRUPT,
  /** A write transaction lost a write-write conflict to an earlier committer. */
  CONFLICT,
  /** A write through a read transaction, or to a store opened read-only. */
  READ_ONLY,
  /** Use of a transaction after commit, abort or close. */
  TXN_CLOSED,
  /** Use of a transaction after it failed. */
  TXN_FAILED,
  KEY_TOO_LARGE,
  VALUE_TOO_LARGE,
  /** The version was never committed (beyond the latest). */
  VERSION_NOT_FOUND,
  /** The version was committed but has been dropped by the retention policy. */
  VERSION_NOT_RETAINED,
  TREE_EXISTS,
  TREE_NOT_FOUND,
  /** The file is locked by another process. */
  LOCKED,
  /** The store is closed. */
  CLOSED,
  /** A commit ran out of heap; nothing of it was committed and the store stays usable. */
  OUT_OF_MEMORY,
  /** A bad argument: unknown snapshot name, bad option, invalid savepoint. */
  INVALID_ARGUMENT
}
