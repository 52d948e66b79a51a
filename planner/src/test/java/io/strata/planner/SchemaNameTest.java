package io.strata.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.strata.planner.StrataException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables can be qualified with PUBLIC, the schema metadata reports them in. */
class SchemaNameTest {

  @Test
  void publicQualifiedNamesResolve() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v VARCHAR(10))");
      db.exec("INSERT INTO PUBLIC.t VALUES (1, 'a')");
      db.exec("INSERT INTO \"PUBLIC\".t VALUES (2, 'b')");
      db.exec("UPDATE public.T SET v = 'c' WHERE id = 2");
      db.exec("CREATE VIEW w AS SELECT id FROM public.t");
      assertEquals(List.of("1,a", "2,c"), db.rows("SELECT id, v FROM PUBLIC.t ORDER BY id"));
      assertEquals(List.of("1,a"), db.rows("SELECT PUBLIC.t.id, t.v FROM \"PUBLIC\".t WHERE id = 1"));
      assertEquals(List.of("2"), db.rows("SELECT COUNT(*) FROM Public.w"));
      assertEquals(1, db.exec("DELETE FROM PUBLIC.t WHERE id = 1"));
      assertEquals(List.of("2,c"), db.rows("SELECT * FROM t"));
      assertEquals(List.of("1"), db.rows(
          "SELECT COUNT(*) FROM information_schema.tables WHERE UPPER(table_name) = 'T'"));
      StrataException e = assertThrows(StrataException.class, () -> db.rows("SELECT * FROM other.t"));
      assertEquals(Reason.UNKNOWN_TABLE, e.reason());
      e = assertThrows(StrataException.class, () -> db.rows("SELECT * FROM public.nope"));
      assertEquals(Reason.UNKNOWN_TABLE, e.reason());
    }
  }
}
