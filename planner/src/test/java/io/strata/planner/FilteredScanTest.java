package io.strata.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A filter over a table scan is tested on the columns it reads before the rest of each row is
 * decoded, into an array reused while rows are rejected. Rows whose filtered columns are NULL or
 * absent (written before the column was added) follow rejected rows that had values there; the
 * answers must match a model of the table, with and without read-ahead, and at an old version.
 */
class FilteredScanTest {
  /** One row of the model: c is null for rows written before the column existed. */
  private record Row(long id, Integer a, String b, Integer c) {
    String all() {
      return id + "," + text(a) + "," + (b == null ? "NULL" : b) + "," + text(c);
    }
  }

  private static String text(Integer v) {
    return v == null ? "NULL" : v.toString();
  }

  @Test
  void filtersTestedBeforeDecodingAnswerAsTheModel() {
    long seed = System.nanoTime();
    System.out.println("FilteredScanTest seed " + seed);
    Random r = new Random(seed);
    List<Row> model = new ArrayList<>();
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id BIGINT PRIMARY KEY, a INTEGER, b VARCHAR(20))");
      long id = 0;
      for (int i = 0; i < 600; i++) {
        id += 1 + r.nextInt(3);
        Row row = new Row(id, r.nextInt(5) == 0 ? null : r.nextInt(40),
            r.nextInt(7) == 0 ? null : "b" + r.nextInt(30), null);
        db.exec("INSERT INTO t VALUES (?, ?, ?)", row.id(), row.a(), row.b());
        model.add(row);
      }
      db.exec("ALTER TABLE t ADD COLUMN c INTEGER");
      long beforeNewRows = db.store.latestVersion();
      List<Row> oldModel = List.copyOf(model);
      for (int i = 0; i < 600; i++) {
        id += 1 + r.nextInt(3);
        Row row = new Row(id, r.nextInt(5) == 0 ? null : r.nextInt(40),
            r.nextInt(7) == 0 ? null : "b" + r.nextInt(30),
            r.nextInt(4) == 0 ? null : r.nextInt(40));
        db.exec("INSERT INTO t VALUES (?, ?, ?, ?)", row.id(), row.a(), row.b(), row.c());
        model.add(row);
      }
      // give every third old row a value in the new column, so rows with and without the slot
      // alternate along the scan
      for (int i = 0; i < 600; i += 3) {
        Row old = model.get(i);
        Row now = new Row(old.id(), old.a(), old.b(), r.nextInt(40));
        db.exec("UPDATE t SET c = ? WHERE id = ?", now.c(), now.id());
        model.set(i, now);
      }
      for (int round = 0; round < 20; round++) {
        int k = r.nextInt(40);
        check(db, model, "SELECT id, a, b, c FROM t WHERE c IS NULL ORDER BY id",
            x -> x.c() == null, Row::all);
        check(db, model, "SELECT id, a, b, c FROM t WHERE c > " + k + " ORDER BY id",
            x -> x.c() != null && x.c() > k, Row::all);
        check(db, model, "SELECT id, b FROM t WHERE a < " + k + " ORDER BY id",
            x -> x.a() != null && x.a() < k, x -> x.id() + "," + (x.b() == null ? "NULL" : x.b()));
        check(db, model, "SELECT c, id FROM t WHERE a IS NULL OR c = " + k + " ORDER BY id",
            x -> x.a() == null || x.c() != null && x.c() == k, x -> text(x.c()) + "," + x.id());
        check(db, model, "SELECT id, a, b, c FROM t WHERE b = 'b" + k + "' AND c IS NULL ORDER BY id",
            x -> ("b" + k).equals(x.b()) && x.c() == null, Row::all);
        check(db, model, "SELECT id, a + 1 FROM t WHERE c < a ORDER BY id",
            x -> x.a() != null && x.c() != null && x.c() < x.a(),
            x -> x.id() + "," + (x.a() + 1));
        check(db, oldModel, "SELECT id, a, b FROM t AS OF VERSION " + beforeNewRows
                + " WHERE a >= " + k + " ORDER BY id",
            x -> x.a() != null && x.a() >= k,
            x -> x.id() + "," + text(x.a()) + "," + (x.b() == null ? "NULL" : x.b()));
        long count = model.stream().filter(x -> x.c() != null && x.c() % 5 == k % 5).count();
        assertEquals(String.valueOf(count),
            db.one("SELECT COUNT(*) FROM t WHERE MOD(c, 5) = " + (k % 5)), "seed " + seed);
      }
    }
  }

  /** The query's rows, outside a write transaction (read ahead) and inside one, against the model. */
  private static void check(Db db, List<Row> model, String sql, Predicate<Row> where,
      Function<Row, String> render) {
    List<String> want = model.stream().filter(where).map(render).toList();
    assertEquals(want, db.rows(sql), sql);
    db.exec("BEGIN");
    try {
      assertEquals(want, db.rows(sql), sql + " (in a write transaction)");
    } finally {
      db.exec("ROLLBACK");
    }
  }
}
