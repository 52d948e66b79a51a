package io.strata.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.planner.StrataException.Reason;
import io.strata.planner.calcite.Planner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** INSERTs of literal rows share the plan of their shape and store what the literal statement would. */
class LiteralInsertTest {

  @Test
  void insertsOfOneShapeArePlannedOnce() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(10), score DOUBLE)");
      db.exec("INSERT INTO t VALUES (0, 'zero', 0.5)");
      Planner.Timings timings = ((StrataSession) db.session).timings;
      long validated = timings.validate;
      for (int i = 1; i <= 50; i++) {
        db.exec("INSERT INTO t VALUES (" + i + ", 'n" + i + "', " + (i * 1.5) + ")");
      }
      assertEquals(validated, timings.validate, "the 50 inserts reuse the first one's plan");
      assertEquals("51", db.one("SELECT COUNT(*) FROM t"));
      assertEquals(List.of("7,n7,10.5"), db.rows("SELECT id, name, score FROM t WHERE id = 7"));
    }
  }

  /**
   * Each literal, stored into each column type through VALUES (lifted) and through SELECT (planned
   * as written), gives the same stored value or the same kind of error.
   */
  @Test
  void liftedLiteralsStoreWhatTheStatementAsWrittenStores() {
    String[] types = {"INTEGER", "BIGINT", "DOUBLE", "DECIMAL(6, 2)", "VARCHAR(4)", "CHAR(3)",
        "BOOLEAN", "DATE"};
    String[] literals = {"7", "-7", "2.5", "-2.55", "1e3", "123456789", "99999999999999999999",
        "'ab'", "'abcdef'", "'12'", "'2026-01-02'", "'true'", "NULL"};
    List<String> mismatches = new ArrayList<>();
    int errors = 0;
    try (Db db = new Db()) {
      int n = 0;
      for (String type : types) {
        for (String lit : literals) {
          n++;
          db.exec("CREATE TABLE v" + n + " (k INTEGER PRIMARY KEY, c " + type + ")");
          db.exec("CREATE TABLE s" + n + " (k INTEGER PRIMARY KEY, c " + type + ")");
          String viaValues = outcome(db, "INSERT INTO v" + n + " VALUES (1, " + lit + ")",
              "SELECT c FROM v" + n);
          String viaSelect = outcome(db, "INSERT INTO s" + n + " SELECT 1, " + lit,
              "SELECT c FROM s" + n);
          errors += viaValues.startsWith("error") ? 1 : 0;
          if (!viaValues.equals(viaSelect)) {
            mismatches.add(type + " <- " + lit + ": VALUES " + viaValues + ", SELECT " + viaSelect);
          }
        }
      }
    }
    assertEquals(List.of(), mismatches);
    assertTrue(errors > 0 && errors < types.length * literals.length, errors + " errors");
  }

  private static String outcome(Db db, String insert, String read) {
    try {
      db.exec(insert);
      return "stored " + db.rows(read);
    } catch (StrataException e) {
      return "error " + e.reason();
    }
  }

  @Test
  void literalStatementsTakeNoParameters() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY)");
      Prepared p = db.session.prepare("INSERT INTO t VALUES (1)");
      assertEquals(List.of(), p.parameters());
      StrataException e = assertThrows(StrataException.class, () -> p.execute(List.of(5)));
      assertEquals(Reason.BAD_PARAMETER, e.reason());
      p.execute(List.of()).close();
      assertEquals(List.of("1"), db.rows("SELECT id FROM t"));
      StrataException dup = assertThrows(StrataException.class, () -> p.execute(List.of()));
      assertEquals(Reason.UNIQUE_VIOLATION, dup.reason());
      assertTrue(dup.getMessage().contains("(1)"), dup.getMessage());
    }
  }
}
