package io.strata.planner;

import io.strata.planner.calcite.Plan;
import io.strata.planner.catalog.Catalog;
import io.strata.planner.catalog.CatalogStore;
import io.strata.planner.table.RowIds;
import io.strata.planner.table.Storage;
import io.strata.storage.ReadTxn;
import io.strata.storage.StorageException;
import io.strata.storage.Store;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SQL engine over one {@link Store}: shared catalog caches and plan caches for all sessions of
 * that store. Thread-safe.
 *
 * <p>Catalogs are cached by generation (a number every DDL bumps inside the catalog tree, so one
 * generation read from a committed version always means the same catalog). Plans are cached by
 * statement text and catalog generation; session settings that change planning are part of the
 * key too.
 */
public final class Engine implements AutoCloseable {
  private static final int MAX_PLANS = 4096;
  private final Store store;
  private final Map<Long, Catalog> catalogs = new ConcurrentHashMap<>();
  private final Map<String, Plan> plans = new ConcurrentHashMap<>();
  private final RowIds rowIds = new RowIds();
  /** The catalog of the version most recently asked for: most statements read the latest one. */
  private volatile VersionCatalog lastCatalog;

  /** A committed version and its catalog (fixed for good once the version is committed). */
  private record VersionCatalog(long version, Catalog catalog) {}

  private Engine(Store store) {
    this.store = store;
  }

  /** An engine over an open store; the caller keeps ownership of the store. */
  public static Engine open(Store store) {
    return new Engine(store);
  }

  /** A new session (autocommit on, reading the latest version). */
  public Session openSession() {
    return new StrataSession(this);
  }

  public Store store() {
    return store;
  }

  /** Hidden row ids for tables without a primary key, shared by all sessions. */
  RowIds rowIds() {
    return rowIds;
  }

  /** The committed catalog visible to txn (which must have no uncommitted DDL). */
  Catalog catalog(ReadTxn txn) {
    VersionCatalog last = lastCatalog;
    if (last != null && last.version() == txn.version()) {
      return last.catalog();
    }
    Catalog c = catalogOfGeneration(txn);
    lastCatalog = new VersionCatalog(txn.version(), c);
    return c;
  }

  private Catalog catalogOfGeneration(ReadTxn txn) {
    long gen = CatalogStore.generation(txn);
    Catalog c = catalogs.get(gen);
    if (c == null) {
      c = CatalogStore.load(txn);
      if (catalogs.size() > 256) {
        catalogs.clear();
      }
      catalogs.put(gen, c);
    }
    return c;
  }

  /** The catalog of a committed version. */
  Catalog catalogAt(long version) {
    checkVersion(version);
    try (ReadTxn txn = store.read(version)) {
      return catalog(txn);
    } catch (StorageException e) {
      throw Storage.translate(e);
    }
  }

  /** Fails with VERSION_NOT_AVAILABLE unless the version exists and is retained. */
  void checkVersion(long version) {
    long latest = store.latestVersion();
    if (version > latest) {
      throw new StrataException(StrataException.Reason.VERSION_NOT_AVAILABLE,
          "version " + version + " does not exist: the latest version is " + latest);
    }
    long oldest = store.oldestRetainedVersion();
    if (version < oldest || store.version(version).isEmpty() && version != 0) {
      throw new StrataException(StrataException.Reason.VERSION_NOT_AVAILABLE,
          "version " + version + " is no longer retained: the oldest retained version is "
              + oldest);
    }
  }

  Plan cachedPlan(String key) {
    return plans.get(key);
  }

  void cachePlan(String key, Plan plan) {
    if (plans.size() >= MAX_PLANS) {
      plans.clear();
    }
    plans.put(key, plan);
  }

  /** Releases caches; does not close the store. */
  @Override
  public void close() {
    plans.clear();
    catalogs.clear();
  }
}
