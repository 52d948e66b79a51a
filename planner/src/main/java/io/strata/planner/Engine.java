package io.strata.planner;

import io.strata.storage.Store;

/**
 * The SQL engine over one {@link Store}: shared catalog caches and plan caches for all sessions of
 * that store. Thread-safe.
 */
public final class Engine implements AutoCloseable {
  private final Store store;

  private Engine(Store store) {
    this.store = store;
  }

  /** An engine over an open store; the caller keeps ownership of the store. */
  public static Engine open(Store store) {
    return new Engine(store);
  }

  /** A new session (autocommit on, reading the latest version). */
  public Session openSession() {
    throw new UnsupportedOperationException("planner implementation pending");
  }

  public Store store() {
    return store;
  }

  /** Releases caches; does not close the store. */
  @Override
  public void close() {}
}
