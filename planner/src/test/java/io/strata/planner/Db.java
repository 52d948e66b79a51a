package io.strata.planner;

import io.strata.storage.Store;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A test database: an engine over an in-memory store, with helpers that render results. */
final class Db implements AutoCloseable {
  final Store store;
  final Engine engine;
  final Session session;

  Db() {
    this(memoryStore());
  }

  static Store memoryStore() {
    return Store.inMemory();
  }

  Db(Store store) {
    this.store = store;
    this.engine = Engine.open(store);
    this.session = engine.openSession();
  }

  long exec(String sql, Object... params) {
    try (Result r = session.execute(sql, Arrays.asList(params))) {
      return r.updateCount();
    }
  }

  /** Rows rendered as "a,b" strings, NULL as "NULL". */
  List<String> rows(String sql, Object... params) {
    return rows(session, sql, params);
  }

  static List<String> rows(Session s, String sql, Object... params) {
    List<String> out = new ArrayList<>();
    try (Result r = s.execute(sql, Arrays.asList(params))) {
      int n = r.columns().size();
      while (r.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            b.append(',');
          }
          Object v = r.get(i);
          b.append(v == null ? "NULL" : v instanceof byte[] bytes ? Arrays.toString(bytes) : v);
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  String one(String sql, Object... params) {
    List<String> r = rows(sql, params);
    if (r.size() != 1) {
      throw new AssertionError("expected one row, got " + r);
    }
    return r.get(0);
  }

  @Override
  public void close() {
    session.close();
    engine.close();
    store.close();
  }
}
