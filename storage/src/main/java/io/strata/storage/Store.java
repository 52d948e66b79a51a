package io.strata.storage;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A versioned key-value store: named ordered trees in one file, where every commit is a numbered,
 * timestamped version that stays readable until the retention policy drops it. One {@code Store}
 * per file per JVM: opening the same canonical path again returns the same shared instance (each
 * open must be matched by a close; the last close releases the file). Thread-safe.
 */
public interface Store extends AutoCloseable {

  /** Opens (creating if absent) the store in the given file. */
  static Store open(Path file, StoreOptions options) {
    return StoreImpl.open(file, options);
  }

  static Store open(Path file) {
    return open(file, StoreOptions.defaults());
  }

  /** A private store in memory, gone when closed. */
  static Store inMemory(StoreOptions options) {
    return StoreImpl.inMemory(options);
  }

  static Store inMemory() {
    return inMemory(StoreOptions.defaults());
  }

  /** A read transaction on the latest version. */
  ReadTxn read();

  /**
   * A read transaction on the given version; {@link ErrorCode#VERSION_NOT_FOUND} beyond the latest,
   * {@link ErrorCode#VERSION_NOT_RETAINED} when retention dropped it.
   */
  ReadTxn read(long version);

  /** A write transaction on the latest version. */
  WriteTxn begin();

  /** Runs fn in a read transaction on the latest version. */
  default <T> T view(Function<ReadTxn, T> fn) {
    try (ReadTxn txn = read()) {
      return fn.apply(txn);
    }
  }

  /** Runs fn in a write transaction and commits it (aborts if fn throws); returns the version. */
  default long update(Consumer<WriteTxn> fn) {
    try (WriteTxn txn = begin()) {
      fn.accept(txn);
      return txn.commit();
    }
  }

  /** The latest committed version number. */
  long latestVersion();

  /** The oldest version that can still be read. */
  long oldestRetainedVersion();

  /** Retained versions, oldest first. */
  List<Version> versions();

  /** A retained version by number. O(log n). */
  Optional<Version> version(long id);

  /** The newest retained version committed at or before t. O(log n). */
  Optional<Version> versionAt(Instant t);

  /** Pins a version under a name so retention keeps it (replaces an existing pin of that name). */
  void pin(String name, long version);

  /** Removes a named pin; {@link ErrorCode#INVALID_ARGUMENT} if there is none. */
  void unpin(String name);

  /** Named snapshots: name → version. */
  Map<String, Long> snapshots();

  /** Applies the retention policy now and frees what only dropped versions needed. */
  void vacuum();

  StoreOptions options();

  /** The file, or empty for an in-memory store. */
  Optional<Path> path();

  boolean isOpen();

  /** Releases this handle; the last close of a shared store closes the file. */
  @Override
  void close();
}
