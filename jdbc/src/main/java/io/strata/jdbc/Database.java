package io.strata.jdbc;

import io.strata.planner.Engine;
import io.strata.storage.Store;
import io.strata.storage.StoreOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One open database shared by every connection of the JVM that names it: its {@link Store} and
 * the one {@link Engine} over it (so catalog and plan caches are shared).
 *
 * <p>Invariants, guarded by the class lock: a key (canonical file path or {@code mem:name}) maps
 * to at most one open Database; {@code refs} counts the connections holding it; when it drops to
 * zero and the database is not kept alive, the engine and then the store are closed and the key
 * removed, so the next connection reopens the file. A private {@code jdbc:strata:mem:} database
 * has a key of its own and dies with its only connection.
 */
final class Database {
  private static final Map<String, Database> OPEN = new HashMap<>();
  private static final AtomicLong PRIVATE_IDS = new AtomicLong();

  final String key;
  final Store store;
  final Engine engine;
  private int refs;
  private boolean keepAlive;

  private Database(String key, Store store, Engine engine, boolean keepAlive) {
    this.key = key;
    this.store = store;
    this.engine = engine;
    this.keepAlive = keepAlive;
  }

  /** Opens or joins the database a URL names; the caller must {@link #release()} it once. */
  static Database acquire(ConnectionUrl url) throws SQLException {
    StoreOptions options = url.storeOptions();
    boolean keep = url.bool(DriverProperty.KEEP_ALIVE);
    String key = key(url);
    synchronized (Database.class) {
      Database db = OPEN.get(key);
      if (db != null && !db.store.isOpen()) {
        OPEN.remove(key);
        db = null;
      }
      if (db != null) {
        checkSameOptions(db, url, options);
        db.refs++;
        db.keepAlive |= keep;
        return db;
      }
      if (url.kind == ConnectionUrl.Kind.FILE && !url.bool(DriverProperty.CREATE) && !Files.exists(url.path)) {
        throw SqlStates.connectionFailure("database " + url.path + " does not exist (create=false)");
      }
      Store store;
      try {
        if (url.kind == ConnectionUrl.Kind.MEM) {
          store = Store.inMemory(options);
        } else {
          Path parent = url.path.getParent();
          if (parent != null && !Files.isDirectory(parent)) {
            throw SqlStates.connectionFailure("cannot create database " + url.path + ": directory "
                + parent + " does not exist");
          }
          store = Store.open(url.path, options);
        }
      } catch (SQLException e) {
        throw e;
      } catch (RuntimeException e) {
        SQLException mapped = SqlStates.map(e, false);
        throw SqlStates.exception(mapped.getSQLState(), "cannot open " + describe(url) + ": " + mapped.getMessage(), e);
      }
      Engine engine;
      try {
        engine = Engine.open(store);
      } catch (RuntimeException e) {
        store.close();
        throw SqlStates.map(e, false);
      }
      db = new Database(key, store, engine, keep);
      db.refs = 1;
      OPEN.put(key, db);
      return db;
    }
  }

  /** Drops one reference; the last one closes the engine and the store unless kept alive. */
  void release() {
    synchronized (Database.class) {
      if (--refs > 0 || keepAlive) {
        return;
      }
      if (OPEN.get(key) == this) {
        OPEN.remove(key);
      }
    }
    try {
      engine.close();
    } finally {
      store.close();
    }
  }

  /** Whether a database with this key is open in the JVM (for tests and tools). */
  static boolean isOpen(String key) {
    synchronized (Database.class) {
      return OPEN.containsKey(key);
    }
  }

  static String key(ConnectionUrl url) throws SQLException {
    if (url.kind == ConnectionUrl.Kind.MEM) {
      return url.memName.isEmpty() ? "mem:#private-" + PRIVATE_IDS.incrementAndGet() : "mem:" + url.memName;
    }
    return "file:" + canonical(url.path);
  }

  /** The canonical path: symlinks resolved for the file, or for its directory when it is new. */
  static Path canonical(Path p) throws SQLException {
    try {
      if (Files.exists(p)) {
        return p.toRealPath();
      }
      Path parent = p.getParent();
      if (parent != null && Files.exists(parent)) {
        return parent.toRealPath().resolve(p.getFileName());
      }
      return p;
    } catch (IOException e) {
      throw SqlStates.connectionFailure("cannot resolve database path " + p + ": " + e.getMessage());
    }
  }

  private static String describe(ConnectionUrl url) {
    return url.kind == ConnectionUrl.Kind.MEM ? "in-memory database '" + url.memName + "'" : "database " + url.path;
  }

  /** Options fixed at open: a later connection asking for different ones is told, not ignored. */
  private static void checkSameOptions(Database db, ConnectionUrl url, StoreOptions wanted) throws SQLException {
    StoreOptions have = db.store.options();
    if (url.isSet(DriverProperty.SYNC) && have.sync() != wanted.sync()) {
      throw SqlStates.connectionFailure(describe(url) + " is already open with sync="
          + have.sync().name().toLowerCase() + "; sync is fixed by the first connection");
    }
    if (url.isSet(DriverProperty.RETENTION) && !have.retention().equals(wanted.retention())) {
      throw SqlStates.connectionFailure(describe(url) + " is already open with another retention policy;"
          + " retention is fixed by the first connection");
    }
  }

  @Override
  public String toString() {
    return key;
  }
}
